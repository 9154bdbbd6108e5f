import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { StatusBadge, ProgressMeter, statusLabel } from '../Status';
import { percent } from '../format';
import type { BusinessReviewQuery } from '../../graphql/generated';
import { deltaColor, points } from './delta';

type Review = NonNullable<BusinessReviewQuery['businessReview']>;
type Change = Review['objectives'][number]['change'];

/** What moved since the previous review, in words: "+6 pts · was at risk" (the status only when it changed), or "new". */
function Since({ isNew, change, status }: { isNew: boolean; change: Change; status: Review['objectives'][number]['status'] }) {
  if (isNew) return <Badge size="xs" variant="light" color="indigo">new</Badge>;
  if (!change) return null;
  const statusChanged = change.previousStatus && change.previousStatus !== status ? ` · was ${statusLabel[change.previousStatus].toLowerCase()}` : '';
  return (
    <Text size="xs" c={deltaColor(change.progressDelta)} span>
      {points(change.progressDelta)}
      {statusChanged}
    </Text>
  );
}

/** Every public objective of the review with its key results, and what moved since the previous review. */
export function ReviewObjectives({ objectives, compared }: { objectives: Review['objectives']; compared: boolean }) {
  if (objectives.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No active objectives at the review’s instant.
      </Text>
    );
  return (
    <Stack gap="md">
      {objectives.map((objective) => (
        <Paper key={objective.id} withBorder radius="md" p="md" className="review-block" component="article" aria-label={objective.title}>
          <Group justify="space-between" gap="xs" mb={4} align="flex-start">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Title order={3} size="h5">
                {objective.title}
              </Title>
              <Text size="xs" c="dimmed">
                {objective.unitName}
                {objective.ownerName ? ` · ${objective.ownerName}` : ''}
              </Text>
            </Stack>
            <Group gap={6} wrap="nowrap">
              {compared && <Since isNew={objective.isNew} change={objective.change} status={objective.status} />}
              <StatusBadge status={objective.status} />
            </Group>
          </Group>
          <ProgressMeter progress={objective.progress} expected={objective.expectedProgress} status={objective.status} />
          {objective.keyResults.length > 0 && (
            <Table.ScrollContainer minWidth={640} mt="sm">
              <Table verticalSpacing={4} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Key result</Table.Th>
                    <Table.Th>Owner</Table.Th>
                    <Table.Th ta="right">Value / target</Table.Th>
                    <Table.Th ta="right">Progress</Table.Th>
                    <Table.Th style={{ minWidth: 104 }}>Status</Table.Th>
                    {compared && <Table.Th>Since last review</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {objective.keyResults.map((k) => (
                    <Table.Tr key={k.id}>
                      <Table.Td style={{ minWidth: 200 }}>{k.title}</Table.Td>
                      <Table.Td>{k.ownerName ?? '–'}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {k.currentValue ?? '–'} / {k.target ?? '–'}
                        {k.unitLabel ? ` ${k.unitLabel}` : ''}
                      </Table.Td>
                      <Table.Td ta="right">{percent(k.progress)}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={k.status} size="xs" />
                      </Table.Td>
                      {compared && (
                        <Table.Td>
                          <Since isNew={k.isNew} change={k.change} status={k.status} />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
