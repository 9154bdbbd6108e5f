import { Container, Stack, Text, Title } from '@mantine/core';

/** How objectives connect. */
export default function AlignmentPage() {
  return (
    <Container size="xl">
      <Stack gap="xs">
        <Title order={1} size="h2">
          Alignment map
        </Title>
        <Text c="dimmed">How objectives connect.</Text>
      </Stack>
    </Container>
  );
}
