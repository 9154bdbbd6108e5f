import { Anchor, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../format';
import type { CheckpointLike } from './checkpoints';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "in 3 days", "today", "5 days late". */
export function dueIn(date: string, today: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days > 0) return `in ${days} days`;
  return days === -1 ? '1 day late' : `${-days} days late`;
}

/** The cycle's checkpoints that matter now: the overdue ones first, then what is coming. */
export function CheckpointSummary({
  overdue,
  upcoming,
  today,
  periodId,
}: {
  overdue: readonly CheckpointLike[];
  upcoming: readonly CheckpointLike[];
  today: string;
  periodId: string;
}) {
  return (
    <Stack gap="xs">
      {overdue.length === 0 && upcoming.length === 0 && (
        <Text size="sm" c="dimmed">
          No checkpoints ahead.
        </Text>
      )}
      {overdue.map((c) => (
        <Group key={c.id} gap="xs" wrap="nowrap">
          <ThemeIcon color="red" size="sm" radius="xl" variant="filled" aria-hidden>
            !
          </ThemeIcon>
          <Text size="sm" style={{ flex: 1 }}>
            {c.name}
          </Text>
          <Text size="xs" c="red.8" fw={600}>
            Overdue · {formatDate(c.date)} ({dueIn(c.date, today)})
          </Text>
        </Group>
      ))}
      {upcoming.map((c) => (
        <Group key={c.id} gap="xs" wrap="nowrap">
          <ThemeIcon color="gray" size="sm" radius="xl" variant="light" aria-hidden>
            ·
          </ThemeIcon>
          <Text size="sm" style={{ flex: 1 }}>
            {c.name}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDate(c.date)} ({dueIn(c.date, today)})
          </Text>
        </Group>
      ))}
      <Anchor component={Link} to={`/periods?period=${periodId}`} size="xs">
        The whole roadmap →
      </Anchor>
    </Stack>
  );
}
