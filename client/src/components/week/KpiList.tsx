import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Line, LineChart, ReferenceArea, YAxis } from 'recharts';
import { formatDate, formatValue } from '../format';

export interface KpiItem {
  id: string;
  name: string;
  description: string | null;
  unitLabel: string | null;
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  healthyMin: number | null;
  healthyMax: number | null;
  latestValue: { date: string; value: number; healthy: boolean; source: string | null } | null;
  values: readonly { date: string; value: number; healthy: boolean }[];
}

const number = (v: number, unit: string | null) => (unit === '%' ? formatValue(v, 'PERCENTAGE') : formatValue(v, 'NUMBER', unit));

/** "healthy at 60 or more", "healthy at 90 or less", "healthy from 45 to 100". */
export function healthyBand(kpi: Pick<KpiItem, 'healthyMin' | 'healthyMax' | 'unitLabel'>): string | null {
  const { healthyMin: min, healthyMax: max, unitLabel } = kpi;
  if (min !== null && max !== null) return `healthy from ${number(min, null)} to ${number(max, unitLabel)}`;
  if (min !== null) return `healthy at ${number(min, unitLabel)} or more`;
  if (max !== null) return `healthy at ${number(max, unitLabel)} or less`;
  return null;
}

/** A KPI's values as a small line, with its healthy band shaded. */
function Sparkline({ kpi }: { kpi: KpiItem }) {
  if (kpi.values.length < 2) return null;
  const values = kpi.values.map((v) => v.value);
  const low = Math.min(...values, kpi.healthyMin ?? Infinity);
  const high = Math.max(...values, kpi.healthyMax ?? -Infinity);
  const pad = (high - low) * 0.1 || 1;
  const domain: [number, number] = [low - pad, high + pad];
  return (
    <LineChart width={120} height={36} data={kpi.values.map((v, i) => ({ i, value: v.value }))} aria-hidden>
      <YAxis hide domain={domain} />
      <ReferenceArea
        y1={kpi.healthyMin ?? domain[0]}
        y2={kpi.healthyMax ?? domain[1]}
        fill="var(--mantine-color-green-1)"
        fillOpacity={0.8}
        stroke="none"
        ifOverflow="hidden"
      />
      <Line dataKey="value" stroke="var(--mantine-color-indigo-6)" dot={false} strokeWidth={1.5} isAnimationActive={false} />
    </LineChart>
  );
}

/** The KPIs watched next to a key result: latest value, healthy band, trend. */
export function KpiList({ kpis }: { kpis: readonly KpiItem[] }) {
  if (kpis.length === 0) return null;
  return (
    <Stack gap="xs">
      {kpis.map((kpi) => {
        const band = healthyBand(kpi);
        const latest = kpi.latestValue;
        return (
          <Paper key={kpi.id} withBorder p="xs" radius="md">
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Stack gap={2} miw={0}>
                <Text size="sm" fw={600} lh={1.25}>
                  {kpi.name}
                </Text>
                <Group gap={6}>
                  <Text size="sm">{latest ? number(latest.value, kpi.unitLabel) : 'No value yet'}</Text>
                  {latest && (
                    <Badge size="xs" variant="light" color={latest.healthy ? 'green' : 'red'}>
                      {latest.healthy ? 'Healthy' : 'Outside band'}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {[band, kpi.direction === 'HIGHER_IS_BETTER' ? 'higher is better' : 'lower is better'].filter(Boolean).join(' · ')}
                  {latest && ` · ${formatDate(latest.date)}${latest.source ? `, ${latest.source}` : ''}`}
                </Text>
              </Stack>
              <Sparkline kpi={kpi} />
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
