import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { InitiativeStatus } from '../../graphql/generated';
import { formatDate } from '../format';

export interface InitiativeItem {
  id: string;
  title: string;
  status: InitiativeStatus;
  dueDate: string | null;
  owner: { displayName: string } | null;
  externalReference: { system: string; key: string; url: string | null } | null;
}

export const initiativeStatusLabel: Record<InitiativeStatus, string> = {
  PLANNED: 'Planned',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
  BLOCKED: 'Blocked',
  CANCELLED: 'Cancelled',
};
const initiativeStatusColor: Record<InitiativeStatus, string> = {
  PLANNED: 'gray',
  IN_PROGRESS: 'blue',
  DONE: 'teal',
  BLOCKED: 'red',
  CANCELLED: 'gray',
};

/** The work that should move a key result; blocked work stands out. */
export function InitiativeList({ initiatives }: { initiatives: readonly InitiativeItem[] }) {
  if (initiatives.length === 0) return null;
  return (
    <Stack gap="xs">
      {initiatives.map((initiative) => {
        const blocked = initiative.status === 'BLOCKED';
        const ref = initiative.externalReference;
        return (
          <Paper
            key={initiative.id}
            withBorder
            p="xs"
            radius="md"
            bg={blocked ? 'red.0' : undefined}
            style={blocked ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}
            data-blocked={blocked || undefined}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Text size="sm" fw={500} lh={1.3} td={initiative.status === 'CANCELLED' ? 'line-through' : undefined}>
                {initiative.title}
              </Text>
              <Badge size="xs" variant={blocked ? 'filled' : 'light'} color={initiativeStatusColor[initiative.status]} style={{ flexShrink: 0 }}>
                {initiativeStatusLabel[initiative.status]}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {[initiative.owner?.displayName, initiative.dueDate && `due ${formatDate(initiative.dueDate)}`].filter(Boolean).join(' · ')}
              {ref && (
                <>
                  {initiative.owner || initiative.dueDate ? ' · ' : ''}
                  {ref.url ? (
                    <Anchor href={ref.url} target="_blank" rel="noreferrer" size="xs">
                      {ref.system} {ref.key}
                    </Anchor>
                  ) : (
                    `${ref.system} ${ref.key}`
                  )}
                </>
              )}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
