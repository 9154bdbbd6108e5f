import { Container, Stack, Text, Title } from '@mantine/core';

/** The cycle's roadmap, grading and close. */
export default function PeriodsPage() {
  return (
    <Container size="xl">
      <Stack gap="xs">
        <Title order={1} size="h2">
          Periods
        </Title>
        <Text c="dimmed">The cycle's roadmap, grading and close.</Text>
      </Stack>
    </Container>
  );
}
