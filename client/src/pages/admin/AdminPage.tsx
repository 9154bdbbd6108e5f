import { Container, Stack, Text, Title } from '@mantine/core';

/** Units, people, invitations and settings. */
export default function AdminPage() {
  return (
    <Container size="xl">
      <Stack gap="xs">
        <Title order={1} size="h2">
          Admin
        </Title>
        <Text c="dimmed">Units, people, invitations and settings.</Text>
      </Stack>
    </Container>
  );
}
