import { Button, Group, Kbd, Paper, Text } from '@mantine/core';
import { CheckInRow } from './CheckInRow';
import type { CheckInTarget } from './checkIn';
import { useCheckInBatch } from './useCheckInBatch';

/** A check-in for one key result (the objective page): the same row as My week, with its own button. */
export function CheckInForm({ keyResult, titleId }: { keyResult: CheckInTarget; titleId?: string }) {
  const batch = useCheckInBatch();
  const draft = batch.draftOf(keyResult);
  const ready = batch.included([keyResult]).length > 0;
  const submit = () => void batch.submit([keyResult]);

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg="gray.0"
      component="form"
      aria-label={`Check in on ${keyResult.title}`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          submit();
        }
      }}
    >
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
        Your check-in
      </Text>
      <CheckInRow
        keyResult={keyResult}
        draft={draft}
        onChange={(patch) => batch.change(keyResult, patch)}
        result={batch.results[keyResult.id]}
        labelledBy={titleId}
      />
      <Group justify="flex-end" gap="sm" mt="xs">
        <Text size="xs" c="dimmed" visibleFrom="sm">
          <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> to check in
        </Text>
        <Button type="submit" size="xs" loading={batch.submitting} disabled={!ready}>
          Check in
        </Button>
      </Group>
    </Paper>
  );
}
