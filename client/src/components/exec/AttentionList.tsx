import { Anchor, Blockquote, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ExecFlaggedKeyResultFragment } from '../../graphql/generated';
import { ProgressMeter, StatusBadge } from '../Status';
import { formatDate } from '../format';
import { statusVar } from './colors';

export type FlaggedKeyResult = ExecFlaggedKeyResultFragment;

/** Off track first, then at risk, then stale; each key result once (in its worst list). */
export function attentionItems(offTrack: readonly FlaggedKeyResult[], atRisk: readonly FlaggedKeyResult[], stale: readonly FlaggedKeyResult[]): FlaggedKeyResult[] {
  const seen = new Set<string>();
  const out: FlaggedKeyResult[] = [];
  for (const item of [...offTrack, ...atRisk, ...stale]) {
    if (seen.has(item.keyResult.id)) continue;
    seen.add(item.keyResult.id);
    out.push(item);
  }
  return out;
}

function AttentionItem({ item }: { item: FlaggedKeyResult }) {
  const kr = item.keyResult;
  return (
    <Paper withBorder radius="md" p="sm" style={{ borderLeft: `5px solid ${statusVar(item.status)}` }} component="article" aria-label={kr.title}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/objectives/${kr.objective.id}`} fw={600} size="sm" c="inherit">
              {kr.title}
            </Anchor>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {kr.owningUnit.name} · for “{kr.objective.title}”
            </Text>
          </Stack>
          <Box style={{ flexShrink: 0 }}>
            <StatusBadge status={item.status} />
          </Box>
        </Group>
        <ProgressMeter progress={item.progress} expected={item.expectedProgress} status={item.status} />
        {item.latestNarrative ? (
          <Blockquote color={item.status === 'OFF_TRACK' ? 'red' : item.status === 'STALE' ? 'orange' : 'yellow'} p="xs" pl="sm" m={0} fz="sm" iconSize={0}>
            {item.latestNarrative}
          </Blockquote>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {item.latestCheckInDate ? 'No narrative with the latest check-in.' : 'No check-in yet.'}
          </Text>
        )}
        {item.latestBlockers && (
          <Text size="sm">
            <Text span fw={600} c="red.8">
              Blocked by:
            </Text>{' '}
            {item.latestBlockers}
          </Text>
        )}
        <Group gap="md">
          <Text size="xs" c="dimmed">
            Owner: <b>{kr.owner?.displayName ?? 'nobody'}</b>
          </Text>
          <Text size="xs" c="dimmed">
            Confidence: <b>{kr.latestConfidence == null ? '–' : `${kr.latestConfidence}/10`}</b>
          </Text>
          <Text size="xs" c="dimmed">
            {item.status === 'STALE' ? 'Last check-in' : 'Checked in'}: <b>{item.latestCheckInDate ? formatDate(item.latestCheckInDate) : 'never'}</b>
          </Text>
          <Anchor component={Link} to={`/objectives/${kr.objective.id}`} size="xs" ml="auto">
            Open the objective →
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

/** What needs attention and why: the flagged key results with what their owners last wrote. */
export function AttentionList({ items }: { items: readonly FlaggedKeyResult[] }) {
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing is at risk, off track or stale. 🎉
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {items.map((item) => (
        <AttentionItem key={item.keyResult.id} item={item} />
      ))}
    </Stack>
  );
}
