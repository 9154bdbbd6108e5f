import { useMemo } from 'react';
import { Box, Group, List, Text, ThemeIcon } from '@mantine/core';
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import type { NameType, ValueType } from 'recharts/types/component/DefaultTooltipContent';
import { formatDate, formatValue, type MetricKindName } from '../format';
import { keyResultChartData, monthTicks, niceTicks, type ChartKeyResult } from './chartData';

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export const annotationColor: Record<string, string> = {
  CHANGE: 'var(--mantine-color-grape-6)',
  EXPERIMENT: 'var(--mantine-color-cyan-7)',
  INCIDENT: 'var(--mantine-color-red-6)',
};
const annotationWord: Record<string, string> = { CHANGE: 'Change', EXPERIMENT: 'Experiment', INCIDENT: 'Incident' };

function clip(text: string, length: number) {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

export interface KeyResultChartProps {
  keyResult: ChartKeyResult & { title: string; unitLabel: string | null; currencyCode: string | null; metricKind: MetricKindName };
  period: { start: string; end: string };
  /** The instant the page shows (asOf), else now: a "today" line when it falls inside the period. */
  now?: Date;
  height?: number;
}

/**
 * The plan line (baseline at the period's start → target at its end), the check-ins, the forecast to the
 * period's end, and the annotations as dated lines with their text.
 */
export function KeyResultChart({ keyResult, period, now = new Date(), height = 260 }: KeyResultChartProps) {
  const data = useMemo(() => keyResultChartData(keyResult, period), [keyResult, period]);
  const milestone = keyResult.metricKind === 'MILESTONE';
  const format = (v: number) => formatValue(v, keyResult.metricKind, null, keyResult.currencyCode);
  const formatFull = (v: number) => formatValue(Math.round(v * 100) / 100, keyResult.metricKind, keyResult.unitLabel, keyResult.currencyCode);
  const today = now.getTime();
  const showToday = today > data.domain[0] && today < data.domain[1];
  const [low, high] = data.valueRange ?? [0, 1];
  const yTicks = milestone ? [0, 1] : niceTicks(low, high);
  const yDomain: [number, number] = milestone ? [0, 1] : [yTicks[0] ?? low, yTicks[yTicks.length - 1] ?? high];

  const latest = data.actual[data.actual.length - 1];
  const summary = [
    data.plan.length ? `Plan: ${formatFull(data.plan[0]!.value)} on ${formatDate(period.start)} to ${formatFull(data.plan[1]!.value)} on ${formatDate(period.end)}.` : 'No plan line: the key result has no baseline or target.',
    latest ? `Latest check-in: ${formatFull(latest.value)} on ${formatDate(isoDay(latest.t))} (${data.actual.length} in the period).` : 'No check-ins yet.',
    data.forecast.length ? `Forecast at the period's end: ${formatFull(data.forecast[1]!.value)}${keyResult.forecast?.trendingToMiss ? ', short of the target' : ''}.` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <Box component="figure" m={0} aria-label={`Progress chart of ${keyResult.title}`}>
      <div role="img" aria-label={summary} data-testid="key-result-chart">
        <ResponsiveContainer width="100%" height={height}>
          <ComposedChart margin={{ top: 22, right: 16, bottom: 4, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-2)" />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={data.domain}
              ticks={monthTicks(data.domain)}
              tickFormatter={(t: number) => shortDate.format(t)}
              fontSize={11}
              allowDuplicatedCategory={false}
            />
            <YAxis
              type="number"
              domain={yDomain}
              ticks={yTicks}
              tickFormatter={(v: number) => (milestone ? (v >= 1 ? 'Done' : 'Not done') : format(v))}
              width={milestone ? 64 : 56}
              fontSize={11}
              allowDecimals={!milestone}
            />
            <Tooltip content={(props) => <ChartTooltip active={props.active} payload={props.payload} formatValue={formatFull} />} />
            <Legend verticalAlign="bottom" height={24} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
            {data.target !== null && !milestone && (
              <ReferenceLine y={data.target} stroke="var(--mantine-color-gray-5)" strokeDasharray="2 4" ifOverflow="extendDomain" />
            )}
            {showToday && (
              <ReferenceLine
                x={today}
                stroke="var(--mantine-color-dark-3)"
                label={{ value: 'today', position: 'insideBottomRight', fontSize: 10, fill: 'var(--mantine-color-dark-3)' }}
              />
            )}
            {data.annotations.map((a, i) => (
              <ReferenceLine
                key={a.id}
                x={a.t}
                stroke={annotationColor[a.kind] ?? 'var(--mantine-color-grape-6)'}
                strokeDasharray="4 2"
                label={{
                  value: `${i + 1}. ${clip(a.text, 34)}`,
                  position: 'insideTopLeft',
                  fontSize: 10,
                  fill: annotationColor[a.kind] ?? 'var(--mantine-color-grape-6)',
                  offset: 4,
                }}
              />
            ))}
            <Line
              data={data.plan}
              dataKey="value"
              name="Plan"
              stroke="var(--mantine-color-gray-6)"
              strokeDasharray="5 5"
              dot={false}
              isAnimationActive={false}
              type="linear"
            />
            <Line
              data={data.actual}
              dataKey="value"
              name="Actual"
              stroke="var(--mantine-color-indigo-6)"
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
              type={milestone ? 'stepAfter' : 'linear'}
            />
            {data.forecast.length > 0 && (
              <Line
                data={data.forecast}
                dataKey="value"
                name="Forecast"
                stroke={keyResult.forecast?.trendingToMiss ? 'var(--mantine-color-orange-6)' : 'var(--mantine-color-teal-6)'}
                strokeDasharray="2 3"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
                type="linear"
              />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <Box component="figcaption">
        {data.annotations.length > 0 && (
          <List size="xs" spacing={2} mt={4} listStyleType="none">
            {data.annotations.map((a, i) => (
              <List.Item key={a.id}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <ThemeIcon size={16} radius="xl" style={{ background: annotationColor[a.kind] }} aria-hidden>
                    <Text size="10px" c="white" fw={700}>
                      {i + 1}
                    </Text>
                  </ThemeIcon>
                  <Text size="xs">
                    <Text span fw={600} inherit>
                      {formatDate(isoDay(a.t))}
                      {a.text.toLowerCase().startsWith((annotationWord[a.kind] ?? a.kind).toLowerCase()) ? '' : ` · ${annotationWord[a.kind] ?? a.kind}`}:
                    </Text>{' '}
                    {a.text}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {!milestone && data.forecast.length === 0 && (
          <Text size="xs" c="dimmed" mt={4}>
            The forecast appears after check-ins on two different days.
          </Text>
        )}
      </Box>
    </Box>
  );
}

function ChartTooltip({
  active,
  payload,
  formatValue: format,
}: Pick<TooltipContentProps<ValueType, NameType>, 'active' | 'payload'> & { formatValue: (v: number) => string }) {
  if (!active || !payload?.length) return null;
  const first = payload[0]!;
  const point = first.payload as { t: number; value: number; confidence?: number; narrative?: string | null };
  return (
    <Box p="xs" bg="var(--mantine-color-body)" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6, maxWidth: 260 }}>
      <Text size="xs" fw={600}>
        {formatDate(isoDay(point.t))} · {String(first.name)}
      </Text>
      <Text size="sm">{format(point.value)}</Text>
      {point.confidence !== undefined && <Text size="xs">Confidence {point.confidence}/10</Text>}
      {point.narrative && (
        <Text size="xs" c="dimmed" lineClamp={3}>
          {point.narrative}
        </Text>
      )}
    </Box>
  );
}
