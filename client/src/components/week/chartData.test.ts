import { describe, expect, it } from 'vitest';
import { dayToMs, keyResultChartData, monthTicks, niceTicks, type ChartKeyResult } from './chartData';

const day = 86_400_000;
const period = { start: '2026-10-01', end: '2026-12-31' };
const start = Date.UTC(2026, 9, 1);
const end = Date.UTC(2027, 0, 1); // the end of the last day, as the server counts

function keyResult(overrides: Partial<ChartKeyResult> = {}): ChartKeyResult {
  return {
    metricKind: 'NUMBER',
    direction: 'INCREASE',
    baseline: 0,
    target: 41,
    forecast: { projectedValue: 48.3, slopePerDay: 0.52, trendingToMiss: false },
    checkIns: [
      // newest first, as GraphQL answers
      { value: 26, effectiveDate: '2026-11-19', recordedAt: '2026-11-19T10:00:00Z', confidence: 8, narrative: 'Up to 26' },
      { value: 22, effectiveDate: '2026-11-12', recordedAt: '2026-11-12T10:00:00Z', confidence: 8, narrative: null },
      { value: 20, effectiveDate: '2026-11-12', recordedAt: '2026-11-12T09:00:00Z', confidence: 7, narrative: 'typo' },
      { value: 3, effectiveDate: '2026-09-20', recordedAt: '2026-09-20T10:00:00Z', confidence: 7, narrative: 'last quarter' },
    ],
    annotations: [
      { id: 'a2', date: '2026-11-01', text: 'HubSpot sync down', kind: 'INCIDENT' },
      { id: 'a1', date: '2026-10-25', text: 'New flow shipped', kind: 'CHANGE' },
      { id: 'a0', date: '2026-08-01', text: 'Before the period', kind: 'CHANGE' },
    ],
    ...overrides,
  };
}

describe('keyResultChartData', () => {
  it('draws the plan from the baseline at the period start to the target at its end', () => {
    const data = keyResultChartData(keyResult(), period);
    expect(data.domain).toEqual([start, end]);
    expect(data.plan).toEqual([
      { t: start, value: 0 },
      { t: end, value: 41 },
    ]);
  });

  it('plots the check-ins in the period by effective date, a later correction of a day replacing it', () => {
    const data = keyResultChartData(keyResult(), period);
    expect(data.actual.map((p) => [new Date(p.t).toISOString().slice(0, 10), p.value, p.confidence])).toEqual([
      ['2026-11-12', 22, 8],
      ['2026-11-19', 26, 8],
    ]);
    expect(data.actual[1]!.narrative).toBe('Up to 26');
  });

  it('draws the forecast along the server trend from the latest check-in to the period end', () => {
    const data = keyResultChartData(keyResult(), period);
    const latest = dayToMs('2026-11-19');
    const daysLeft = (end - latest) / day; // 43
    expect(data.forecast).toHaveLength(2);
    expect(data.forecast[0]!.t).toBe(latest);
    expect(data.forecast[0]!.value).toBeCloseTo(48.3 - 0.52 * daysLeft, 6);
    expect(data.forecast[1]).toEqual({ t: end, value: 48.3 });
  });

  it('has no forecast without one from the server, nor for a milestone', () => {
    expect(keyResultChartData(keyResult({ forecast: null }), period).forecast).toEqual([]);
    const milestone = keyResultChartData(keyResult({ metricKind: 'MILESTONE', baseline: null, target: null }), period);
    expect(milestone.forecast).toEqual([]);
    expect(milestone.plan).toEqual([
      { t: start, value: 0 },
      { t: end, value: 1 },
    ]);
  });

  it('keeps a "stay at least" plan flat at the target, and has no plan without a target', () => {
    const stay = keyResultChartData(keyResult({ direction: 'STAY_AT_LEAST', baseline: 91, target: 95 }), period);
    expect(stay.plan.map((p) => p.value)).toEqual([95, 95]);
    expect(keyResultChartData(keyResult({ target: null }), period).plan).toEqual([]);
  });

  it('puts the annotations of the period on the timeline, in date order', () => {
    const data = keyResultChartData(keyResult(), period);
    expect(data.annotations.map((a) => [a.id, a.t])).toEqual([
      ['a1', dayToMs('2026-10-25')],
      ['a2', dayToMs('2026-11-01')],
    ]);
  });

  it('reports the value range the axis must show', () => {
    expect(keyResultChartData(keyResult(), period).valueRange).toEqual([0, 48.3]);
  });
});

describe('axis ticks', () => {
  it('are month starts for a quarter', () => {
    expect(monthTicks([start, end]).map((t) => new Date(t).toISOString().slice(0, 10))).toEqual([
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
    ]);
  });

  it('are round numbers covering the values', () => {
    expect(niceTicks(61, 77.6)).toEqual([60, 65, 70, 75, 80]);
    expect(niceTicks(0, 41)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(niceTicks(0.51, 0.73)).toEqual([0.5, 0.55, 0.6, 0.65, 0.7, 0.75]);
  });
});
