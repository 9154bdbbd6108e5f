import { Container, Stack, Text, Title } from '@mantine/core';

/** The unit's OKRs for a period. */
export default function UnitPage() {
  return (
    <Container size="xl">
      <Stack gap="xs">
        <Title order={1} size="h2">
          Unit
        </Title>
        <Text c="dimmed">The unit's OKRs for a period.</Text>
      </Stack>
    </Container>
  );
}
