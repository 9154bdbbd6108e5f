import { describe, expect, it } from 'vitest';
import { defaultPeriod, type PeriodItem } from './periods';

const period = (id: string, kind: PeriodItem['kind'], state: PeriodItem['state'], start: string): PeriodItem => ({
  id,
  name: id,
  kind,
  state,
  start,
  end: start,
  parent: null,
});

describe('defaultPeriod', () => {
  it('prefers the active quarter over the active year', () => {
    const periods = [period('FY', 'YEAR', 'ACTIVE', '2026-01-01'), period('Q4', 'QUARTER', 'ACTIVE', '2026-10-01')];
    expect(defaultPeriod(periods)?.id).toBe('Q4');
  });

  it('falls back to the latest period that has started', () => {
    const periods = [period('Q3', 'QUARTER', 'CLOSED', '2026-07-01'), period('Q1', 'QUARTER', 'PLANNING', '2027-01-01')];
    expect(defaultPeriod(periods, '2026-11-22')?.id).toBe('Q3');
  });

  it('is undefined without periods', () => {
    expect(defaultPeriod([])).toBeUndefined();
  });
});
