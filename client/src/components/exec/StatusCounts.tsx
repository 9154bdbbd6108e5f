import { Group, Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { statusLabel, type OkrStatusName } from '../Status';
import { mantineVar, statusVar } from './colors';
import { statusColor } from '../Status';

export interface StatusCountsLike {
  notStarted: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  stale: number;
  achieved: number;
  missed: number;
}

const field: Record<OkrStatusName, keyof StatusCountsLike> = {
  ON_TRACK: 'onTrack',
  AT_RISK: 'atRisk',
  OFF_TRACK: 'offTrack',
  STALE: 'stale',
  NOT_STARTED: 'notStarted',
  ACHIEVED: 'achieved',
  MISSED: 'missed',
};

const order: OkrStatusName[] = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'STALE', 'NOT_STARTED', 'ACHIEVED', 'MISSED'];
const alwaysShown = new Set<OkrStatusName>(['ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'STALE']);

/** The statuses worth showing for these counts, in reading order, each with its count. */
export function statusEntries(counts: StatusCountsLike): { status: OkrStatusName; count: number }[] {
  return order.map((status) => ({ status, count: counts[field[status]] })).filter((e) => alwaysShown.has(e.status) || e.count > 0);
}

/** Counts a list of statuses (of the objectives a unit shows) into StatusCounts. */
export function countStatuses(statuses: readonly (OkrStatusName | null | undefined)[]): StatusCountsLike {
  const counts: StatusCountsLike = { notStarted: 0, onTrack: 0, atRisk: 0, offTrack: 0, stale: 0, achieved: 0, missed: 0 };
  for (const status of statuses) if (status) counts[field[status]] += 1;
  return counts;
}

/** Big coloured numbers per status; clicking one filters by it (clicking it again clears the filter). */
export function StatusCountTiles({
  counts,
  selected,
  onSelect,
  noun,
}: {
  counts: StatusCountsLike;
  selected: OkrStatusName | null;
  onSelect: (status: OkrStatusName | null) => void;
  noun: string;
}) {
  const entries = statusEntries(counts);
  return (
    <SimpleGrid cols={{ base: 2, xs: 4, md: entries.length }} spacing="sm">
      {entries.map(({ status, count }) => {
        const active = selected === status;
        return (
          <UnstyledButton
            key={status}
            onClick={() => onSelect(active ? null : status)}
            aria-pressed={active}
            aria-label={`${count} ${noun} ${statusLabel[status].toLowerCase()}${active ? ' (filtering; click to show all)' : ' (click to show only these)'}`}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          >
            <Paper
              withBorder
              radius="md"
              p="sm"
              style={{
                outline: active ? `2px solid ${statusVar(status)}` : undefined,
                outlineOffset: -1,
                background: active ? mantineVar(statusColor[status], 0) : undefined,
                borderTop: `4px solid ${statusVar(status)}`,
              }}
            >
              <Text fz={28} fw={700} lh={1.1} c={count > 0 ? statusVar(status, 7) : 'dimmed'}>
                {count}
              </Text>
              <Text size="sm" fw={500}>
                {statusLabel[status]}
              </Text>
            </Paper>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}

/** "21 on track · 4 at risk · 1 off track · 1 stale", each in its colour. */
export function StatusLine({ counts }: { counts: StatusCountsLike }) {
  const entries = statusEntries(counts).filter((e) => e.count > 0);
  if (entries.length === 0) return <Text size="sm" c="dimmed">None yet</Text>;
  return (
    <Group gap={10}>
      {entries.map(({ status, count }) => (
        <Group key={status} gap={4} wrap="nowrap">
          <span aria-hidden style={{ width: 8, height: 8, borderRadius: 8, background: statusVar(status), display: 'inline-block' }} />
          <Text size="sm">
            <b>{count}</b> {statusLabel[status].toLowerCase()}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
