import { Container, Stack, Text, Title } from '@mantine/core';

/** The executive binder. */
export default function DashboardPage() {
  return (
    <Container size="xl">
      <Stack gap="xs">
        <Title order={1} size="h2">
          Company dashboard
        </Title>
        <Text c="dimmed">The executive binder.</Text>
      </Stack>
    </Container>
  );
}
