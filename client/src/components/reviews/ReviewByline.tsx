import { Badge, Group, Text } from '@mantine/core';
import { reviewInstant, triggerLabel, type ReviewTriggerName } from './delta';

/** When a review was computed, why, and who asked for it. */
export function ReviewByline({ asOf, trigger, requestedByName, prefix = '' }: { asOf: string; trigger: ReviewTriggerName; requestedByName: string | null; prefix?: string }) {
  return (
    <Group gap="xs">
      <Text fw={prefix ? 400 : 600} size="sm">
        {prefix}
        {reviewInstant(asOf)}
      </Text>
      <Badge variant="light" color={trigger === 'ON_DEMAND' ? 'gray' : 'indigo'} size="sm">
        {triggerLabel[trigger]}
      </Badge>
      {requestedByName && (
        <Text size="sm" c="dimmed">
          by {requestedByName}
        </Text>
      )}
    </Group>
  );
}
