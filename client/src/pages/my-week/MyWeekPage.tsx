import { Container, Stack, Text, Title } from '@mantine/core';

/** Your key results and this week's check-in. */
export default function MyWeekPage() {
  return (
    <Container size="xl">
      <Stack gap="xs">
        <Title order={1} size="h2">
          My week
        </Title>
        <Text c="dimmed">Your key results and this week's check-in.</Text>
      </Stack>
    </Container>
  );
}
