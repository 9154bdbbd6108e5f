/**
 * The series of a key result's progress chart, shaped from what the server computed: nothing here decides
 * progress or status. Time is in milliseconds (UTC midnights); a period runs from its first day's start to the
 * end of its last day, as the server counts expected progress and the forecast.
 */
import type { Direction, MetricKind } from '../../graphql/generated';

const dayMs = 86_400_000;

/** "2026-10-01" → its UTC midnight in ms. */
export function dayToMs(date: string): number {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export interface ChartKeyResult {
  metricKind: MetricKind;
  direction: Direction;
  baseline: number | null;
  target: number | null;
  forecast: { projectedValue: number; slopePerDay: number; trendingToMiss: boolean } | null;
  checkIns: readonly { value: number; effectiveDate: string; recordedAt: string; confidence: number; narrative: string | null }[];
  annotations: readonly { id: string; date: string; text: string; kind: string }[];
}

export interface ChartPoint {
  t: number;
  value: number;
}

export interface ActualPoint extends ChartPoint {
  confidence: number;
  narrative: string | null;
}

export interface ChartAnnotation {
  id: string;
  t: number;
  text: string;
  kind: string;
}

export interface KeyResultChartData {
  /** [period start, period end] in ms. */
  domain: [number, number];
  /** Where the plan says the value should be: baseline at the start → target at the end (flat at the target for "stay at"). */
  plan: ChartPoint[];
  /** The check-ins by effective date; a later correction of the same day replaces the earlier value. */
  actual: ActualPoint[];
  /** The server's trend line, from the latest check-in to the period's end. */
  forecast: ChartPoint[];
  annotations: ChartAnnotation[];
  target: number | null;
  /** The values the y axis must show. */
  valueRange: [number, number] | null;
}

export function keyResultChartData(keyResult: ChartKeyResult, period: { start: string; end: string }): KeyResultChartData {
  const start = dayToMs(period.start);
  const end = dayToMs(period.end) + dayMs;
  const inPeriod = (t: number) => t >= start && t <= end;
  const milestone = keyResult.metricKind === 'MILESTONE';
  const target = milestone ? 1 : keyResult.target;
  const baseline = milestone ? 0 : keyResult.baseline;

  // Latest recording wins for each effective day, as it does for the current value.
  const byDay = new Map<number, ChartKeyResult['checkIns'][number]>();
  for (const checkIn of keyResult.checkIns) {
    const t = dayToMs(checkIn.effectiveDate);
    const known = byDay.get(t);
    if (!known || known.recordedAt <= checkIn.recordedAt) byDay.set(t, checkIn);
  }
  const actual: ActualPoint[] = [...byDay.entries()]
    .filter(([t]) => inPeriod(t))
    .sort(([a], [b]) => a - b)
    .map(([t, c]) => ({ t, value: c.value, confidence: c.confidence, narrative: c.narrative }));

  let plan: ChartPoint[] = [];
  if (target !== null) {
    const stay = keyResult.direction === 'STAY_AT_LEAST' || keyResult.direction === 'STAY_AT_MOST';
    const from = stay ? target : baseline;
    if (from !== null) plan = [{ t: start, value: from }, { t: end, value: target }];
  }

  let forecast: ChartPoint[] = [];
  const last = actual[actual.length - 1];
  if (keyResult.forecast && !milestone && last) {
    const { projectedValue, slopePerDay } = keyResult.forecast;
    const trendAt = (t: number) => projectedValue - (slopePerDay * (end - t)) / dayMs;
    forecast = [{ t: last.t, value: trendAt(last.t) }, { t: end, value: projectedValue }];
  }

  const annotations = keyResult.annotations
    .map((a) => ({ id: a.id, t: dayToMs(a.date), text: a.text, kind: a.kind }))
    .filter((a) => inPeriod(a.t))
    .sort((a, b) => a.t - b.t);

  const values = [...plan, ...actual, ...forecast].map((p) => p.value);
  if (target !== null) values.push(target);
  if (baseline !== null) values.push(baseline);
  const valueRange: [number, number] | null = values.length ? [Math.min(...values), Math.max(...values)] : null;

  return { domain: [start, end], plan, actual, forecast, annotations, target, valueRange };
}

/** Month starts inside the domain, for the time axis. */
export function monthTicks([start, end]: [number, number]): number[] {
  const ticks: number[] = [];
  const first = new Date(start);
  let t = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1);
  if (t < start) t = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1);
  while (t <= end) {
    ticks.push(t);
    const d = new Date(t);
    t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  // Short periods: weekly ticks read better than one or two months.
  if (ticks.length < 3) {
    const weekly: number[] = [];
    for (let w = start; w <= end; w += 7 * dayMs) weekly.push(w);
    return weekly;
  }
  return ticks;
}

/** Round ticks covering [low, high] (about `count` of them): 60, 65, 70… rather than 59.67, 64.67… */
export function niceTicks(low: number, high: number, count = 6): number[] {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return [];
  if (low === high) {
    const pad = Math.abs(low) * 0.1 || 1;
    low -= pad;
    high += pad;
  }
  const raw = (high - low) / Math.max(1, count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const first = Math.floor(low / step) * step;
  const ticks: number[] = [];
  for (let t = first; t < high + step - step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}
