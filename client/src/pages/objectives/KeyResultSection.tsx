import { Badge, Blockquote, Box, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { ProgressMeter, StatusBadge } from '../../components/Status';
import { formatDate, formatValue, percent, relativeDays } from '../../components/format';
import { CheckInForm } from '../../components/week/CheckInForm';
import { CheckInHistory } from '../../components/week/CheckInHistory';
import { InitiativeList } from '../../components/week/InitiativeList';
import { KeyResultChart } from '../../components/week/KeyResultChart';
import { KpiList } from '../../components/week/KpiList';
import type { ObjectivePageQuery } from '../../graphql/generated';

type Objective = NonNullable<ObjectivePageQuery['objective']>;
export type ObjectiveKeyResult = Objective['keyResults'][number];

/** "target 75%, from 61% (30 Sept 2026)", "must stay at least 95%", "milestone". */
export function measureWords(
  kr: Pick<ObjectiveKeyResult, 'metricKind' | 'direction' | 'baseline' | 'baselineMeasuredAt' | 'target' | 'unitLabel' | 'currencyCode'>,
): string {
  const value = (v: number | null) => formatValue(v, kr.metricKind, kr.unitLabel, kr.currencyCode);
  if (kr.metricKind === 'MILESTONE') return 'milestone: done or not done';
  if (kr.direction === 'STAY_AT_LEAST') return `must stay at ${value(kr.target)} or more`;
  if (kr.direction === 'STAY_AT_MOST') return `must stay at ${value(kr.target)} or less`;
  const when = kr.baselineMeasuredAt ? ` on ${formatDate(kr.baselineMeasuredAt)}` : '';
  return `target ${value(kr.target)} · baseline ${value(kr.baseline)}${when}`;
}

/**
 * One key result. The overview: where it stands, its chart, the KPIs and initiatives beside it, the latest narrative.
 * The check-ins view: where it stands, the check-in form (for those who may) and the history.
 */
export function KeyResultSection({
  keyResult: kr,
  index,
  period,
  now,
  checkIn,
  tracking,
  view = 'overview',
}: {
  keyResult: ObjectiveKeyResult;
  index: number;
  period: Objective['period'];
  now: Date;
  /** Offer the check-in form. */
  checkIn: boolean;
  /** The objective is active: progress is measured against the plan. */
  tracking: boolean;
  view?: 'overview' | 'check-ins';
}) {
  const overview = view === 'overview';
  const titleId = `kr-${kr.id}`;
  const value = (v: number | null) => formatValue(v, kr.metricKind, kr.unitLabel, kr.currencyCode);
  const latest = kr.checkIns[0];
  const side = kr.kpis.length > 0 || kr.initiatives.length > 0;

  return (
    <Card component="section" aria-labelledby={titleId} data-testid="key-result-section">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Box miw={0}>
            <Title order={3} size="h5" id={titleId} lh={1.35}>
              <Text span c="dimmed" inherit>
                KR{index + 1}{' '}
              </Text>
              {kr.title}
            </Title>
            <Text size="sm" c="dimmed">
              {kr.owner ? kr.owner.displayName : 'No owner'} · {kr.owningUnit.name}
              {Number(kr.weight) !== 1 && ` · weight ${kr.weight}`}
              {kr.isFinancial && ' · financial'}
            </Text>
          </Box>
          <Box style={{ flexShrink: 0 }}>
            <StatusBadge status={kr.status} />
          </Box>
        </Group>

        <Group gap="lg" wrap="wrap">
          <Box w={{ base: '100%', xs: 280 }}>
            <ProgressMeter progress={kr.progress} expected={tracking ? kr.expectedProgress : null} status={kr.status} />
          </Box>
          <Text size="sm">
            <Text span fw={600}>
              {kr.currentValue === null ? 'No value yet' : value(kr.currentValue)}
            </Text>{' '}
            <Text span c="dimmed">
              {measureWords(kr)}
            </Text>
          </Text>
          <Text size="sm" c="dimmed">
            Confidence {kr.latestConfidence ?? '–'}/10 · last check-in {relativeDays(kr.lastCheckInAt, now)}
          </Text>
          {kr.forecast && kr.metricKind !== 'MILESTONE' && (
            <Badge variant="light" color={kr.forecast.trendingToMiss ? 'orange' : 'teal'} size="sm" radius="sm">
              {kr.forecast.trendingToMiss ? 'Trending to miss' : 'Trending to hit'}: {percent(kr.forecast.projectedProgress)} by the end
            </Badge>
          )}
          {kr.grade !== null && (
            <Badge variant="outline" size="sm" radius="sm" color="dark">
              Grade {kr.grade.toFixed(2)}
              {kr.gradeOverride !== null && ' (overridden)'}
            </Badge>
          )}
        </Group>
        {kr.gradeOverrideReason && (
          <Text size="sm" c="dimmed">
            Grade overridden from {kr.computedGrade?.toFixed(2) ?? '–'}: {kr.gradeOverrideReason}
          </Text>
        )}
        {overview && kr.description && <Text size="sm">{kr.description}</Text>}
        {overview && kr.baselineMethod && (
          <Text size="xs" c="dimmed">
            Measured: {kr.baselineMethod}
          </Text>
        )}

        {overview && (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: side ? 8 : 12 }}>
              <KeyResultChart keyResult={kr} period={period} now={now} />
            </Grid.Col>
            {side && (
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <Stack gap="sm">
                  {kr.kpis.length > 0 && (
                    <div>
                      <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
                        KPIs it watches
                      </Text>
                      <KpiList kpis={kr.kpis} />
                    </div>
                  )}
                  {kr.initiatives.length > 0 && (
                    <div>
                      <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
                        Initiatives
                      </Text>
                      <InitiativeList initiatives={kr.initiatives} />
                    </div>
                  )}
                </Stack>
              </Grid.Col>
            )}
          </Grid>
        )}

        {overview && latest && (latest.narrative || latest.blockers) && (
          <Blockquote color={kr.status === 'OFF_TRACK' ? 'red' : 'indigo'} p="sm" radius="md" iconSize={0}>
            <Text size="sm">{latest.narrative ?? 'No narrative.'}</Text>
            {latest.blockers && (
              <Text size="sm" c="red.8" mt={4}>
                Blockers: {latest.blockers}
              </Text>
            )}
            {latest.nextSteps && (
              <Text size="sm" mt={4}>
                Next: {latest.nextSteps}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {latest.author?.displayName ?? 'Someone'}, {formatDate(latest.effectiveDate)} · confidence {latest.confidence}/10
            </Text>
          </Blockquote>
        )}

        {!overview && checkIn && <CheckInForm keyResult={kr} titleId={titleId} />}

        {!overview && (
          <CheckInHistory
            checkIns={kr.checkIns}
            metricKind={kr.metricKind}
            unitLabel={kr.unitLabel}
            currencyCode={kr.currencyCode}
            caption={`Check-in history (${kr.checkIns.length})`}
          />
        )}
      </Stack>
    </Card>
  );
}
