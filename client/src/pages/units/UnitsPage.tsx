import { Container, Stack, Text, Title } from '@mantine/core';

/** Each unit's OKRs. */
export default function UnitsPage() {
  return (
    <Container size="xl">
      <Stack gap="xs">
        <Title order={1} size="h2">
          Units
        </Title>
        <Text c="dimmed">Each unit's OKRs.</Text>
      </Stack>
    </Container>
  );
}
