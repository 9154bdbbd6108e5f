import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ExecDashboardQuery } from '../../graphql/generated';
import { formatDate } from '../format';

export type BlockedInitiative = NonNullable<ExecDashboardQuery['dashboard']>['blockedInitiatives'][number];

/** The work that is stuck, with who owns it and the key results it should move. */
export function BlockedInitiatives({ initiatives }: { initiatives: readonly BlockedInitiative[] }) {
  if (initiatives.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No initiative is blocked.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {initiatives.map((i) => (
        <Stack key={i.id} gap={2}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Badge color="red" variant="light" size="sm">
              Blocked
            </Badge>
            <Text size="sm" fw={600} style={{ flex: 1 }}>
              {i.title}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {[i.owner?.displayName ?? 'No owner', i.unit?.name, i.dueDate ? `due ${formatDate(i.dueDate)}` : null].filter(Boolean).join(' · ')}
            {i.externalReference && (
              <>
                {' · '}
                {i.externalReference.url ? (
                  <Anchor href={i.externalReference.url} target="_blank" rel="noreferrer" size="xs">
                    {i.externalReference.system} {i.externalReference.key}
                  </Anchor>
                ) : (
                  `${i.externalReference.system} ${i.externalReference.key}`
                )}
              </>
            )}
          </Text>
          {i.keyResults.map((kr) => (
            <Text key={kr.id} size="xs">
              Moves{' '}
              <Anchor component={Link} to={`/objectives/${kr.objective.id}`} size="xs">
                {kr.title}
              </Anchor>
            </Text>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
