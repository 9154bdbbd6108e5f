import { Group, Stack, Text } from '@mantine/core';
import { StatusBadge } from '../Status';
import { formatDate, percent } from '../format';
import type { ReviewFlaggedFragment } from '../../graphql/generated';

/** Key results off track, at risk or stale at the review's instant, with what their owners last wrote. */
export function ReviewAttention({ items }: { items: readonly ReviewFlaggedFragment[] }) {
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Nothing off track, at risk or stale.
      </Text>
    );
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <li key={item.keyResultId} className="review-block">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <StatusBadge status={item.status} size="xs" />
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {item.title}
              </Text>
              <Text size="xs" c="dimmed">
                {item.objectiveTitle} · {item.ownerName ?? 'no owner'} · {percent(item.progress)} of {percent(item.expectedProgress)} expected ·{' '}
                {item.latestCheckInDate ? `last check-in ${formatDate(item.latestCheckInDate)}` : 'never checked in'}
              </Text>
              {item.latestNarrative && <Text size="sm">“{item.latestNarrative}”</Text>}
              {item.latestBlockers && (
                <Text size="sm" c="red.8">
                  Blockers: {item.latestBlockers}
                </Text>
              )}
            </Stack>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
