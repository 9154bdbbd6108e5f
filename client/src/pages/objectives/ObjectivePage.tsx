import { Container, Stack, Text, Title } from '@mantine/core';

/** Key results, charts, work and discussion. */
export default function ObjectivePage() {
  return (
    <Container size="xl">
      <Stack gap="xs">
        <Title order={1} size="h2">
          Objective
        </Title>
        <Text c="dimmed">Key results, charts, work and discussion.</Text>
      </Stack>
    </Container>
  );
}
