import { describe, expect, it } from 'vitest';
import { formatDate, formatValue, percent, relativeDays } from './format';

describe('format', () => {
  it('shows ratios as whole percents', () => {
    expect(percent(0.624)).toBe('62%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('–');
  });

  it.each([
    [42.5, 'PERCENTAGE', null, null, '42.5%'],
    [1, 'MILESTONE', null, null, 'Done'],
    [0, 'MILESTONE', null, null, 'Not done'],
    [35000, 'CURRENCY', null, 'USD', '$35,000'],
    [28_000_000, 'CURRENCY', null, 'USD', '$28M'],
    [378, 'NUMBER', 'tickets/month', null, '378 tickets/month'],
    ['0.7', 'NUMBER', null, null, '0.7'],
  ] as const)('formats %s as %s', (value, kind, label, currency, expected) => {
    expect(formatValue(value, kind, label, currency)).toBe(expected);
  });

  it('formats dates and ages', () => {
    expect(formatDate('2026-11-22')).toBe('22 Nov 2026');
    expect(relativeDays('2026-11-19T10:00:00Z', new Date('2026-11-22T12:00:00Z'))).toBe('3 days ago');
    expect(relativeDays(null)).toBe('never');
  });
});
