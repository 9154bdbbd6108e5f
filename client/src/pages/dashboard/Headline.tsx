import { Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ExecDashboardQuery } from '../../graphql/generated';
import { ProgressMeter } from '../../components/Status';
import { percent } from '../../components/format';
import type { StatusCountsLike } from '../../components/exec/StatusCounts';

type Dashboard = NonNullable<ExecDashboardQuery['dashboard']>;

export interface Verdict {
  tone: 'good' | 'warning' | 'bad' | 'neutral';
  title: string;
  detail: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The one-line answer, from the server's status counts: what share is on track and what needs attention. */
export function verdict(counts: StatusCountsLike): Verdict {
  const open = counts.onTrack + counts.atRisk + counts.offTrack + counts.stale + counts.notStarted;
  const graded = counts.achieved + counts.missed;
  if (open === 0 && graded > 0) {
    return {
      tone: counts.missed === 0 ? 'good' : counts.achieved >= counts.missed ? 'warning' : 'bad',
      title: `${counts.achieved} of ${graded} objectives achieved`,
      detail: counts.missed ? `${plural(counts.missed, 'objective')} missed the success threshold.` : 'Every objective met its success threshold.',
    };
  }
  const attention = counts.atRisk + counts.offTrack + counts.stale;
  const total = open + graded;
  if (total === 0) return { tone: 'neutral', title: 'No objectives yet', detail: '' };
  if (counts.notStarted === open) return { tone: 'neutral', title: 'Not started yet', detail: 'The period has not begun.' };
  const parts = [
    counts.offTrack ? `${counts.offTrack} off track` : null,
    counts.atRisk ? `${counts.atRisk} at risk` : null,
    counts.stale ? `${counts.stale} stale (no recent check-in)` : null,
  ].filter(Boolean);
  if (attention === 0) {
    return { tone: 'good', title: counts.onTrack === 1 ? 'The objective is on track' : `All ${counts.onTrack} objectives on track`, detail: 'Nothing needs attention right now.' };
  }
  return {
    tone: counts.offTrack > 0 ? 'bad' : 'warning',
    title: `${attention} of ${plural(total, 'objective')} need${attention === 1 && total === 1 ? 's' : ''} attention`,
    detail: `${parts.join(', ')}; ${counts.onTrack} on track.`,
  };
}

const toneColor: Record<Verdict['tone'], string> = { good: 'teal', warning: 'yellow', bad: 'red', neutral: 'gray' };
const toneMark: Record<Verdict['tone'], string> = { good: '✓', warning: '!', bad: '!', neutral: '·' };

/** Progress against the plan, and where the plan stands: ahead, on, or behind it by so many points. */
export function planComparison(progress: number, expected: number): string {
  const points = Math.round(progress * 100) - Math.round(expected * 100);
  if (points === 0) return 'exactly where the plan expects by now';
  return points > 0 ? `${points} points ahead of where the plan expects by now` : `${-points} points behind where the plan expects by now`;
}

/** The answer first: the big number against plan, and what needs attention. */
export function Headline({ dashboard: d, periodName, attentionCount }: { dashboard: Dashboard; periodName: string; attentionCount: number }) {
  const v = verdict(d.objectivesByStatus);
  const color = toneColor[v.tone];
  return (
    <Paper withBorder radius="md" p="md" h="100%" component="section" aria-label="Overall state">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {d.unit.name}
          {d.includeDescendants ? ' and the units below it' : ''} · {periodName} · {plural(d.objectiveCount, 'objective')}, {plural(d.keyResultCount, 'key result')}
          {d.hiddenObjectiveCount > 0 ? ` (${d.hiddenObjectiveCount} restricted, counted)` : ''}
        </Text>
        <Group gap="md" align="center" wrap="nowrap">
          <ThemeIcon color={color} size={44} radius="xl" variant="filled" aria-hidden>
            <Text fw={800} fz={22} c="white">
              {toneMark[v.tone]}
            </Text>
          </ThemeIcon>
          <Stack gap={0}>
            <Text fw={700} fz={22} lh={1.2} c={`${color}.9`} data-testid="verdict">
              {v.title}
            </Text>
            {v.detail && <Text size="sm">{v.detail}</Text>}
          </Stack>
        </Group>
        <Group gap="lg" align="flex-end" wrap="wrap">
          <Stack gap={0}>
            <Text fz={48} fw={800} lh={1} data-testid="overall-progress">
              {percent(d.progress)}
            </Text>
            <Text size="sm" c="dimmed">
              progress
            </Text>
          </Stack>
          <Stack gap={0}>
            <Text fz={28} fw={600} lh={1.2} c="dimmed">
              {percent(d.expectedProgress)}
            </Text>
            <Text size="sm" c="dimmed">
              expected by now
            </Text>
          </Stack>
          <Text size="sm" style={{ flex: 1, minWidth: 180 }}>
            The objectives in scope are on average <b>{planComparison(d.progress, d.expectedProgress)}</b>
            {attentionCount > 0 ? `; ${attentionCount} key result${attentionCount === 1 ? '' : 's'} need${attentionCount === 1 ? 's' : ''} attention below.` : '.'}
          </Text>
        </Group>
        <ProgressMeter progress={d.progress} expected={d.expectedProgress} />
      </Stack>
    </Paper>
  );
}
