import { describe, expect, it } from 'vitest';
import { points, reviewInstant } from './delta';

describe('points', () => {
  it('words a movement in percentage points, signed', () => {
    expect(points(0.062)).toBe('+6 pts');
    expect(points(-0.01)).toBe('−1 pt');
    expect(points(0.001)).toBe('±0 pts');
    expect(points(null)).toBeNull();
  });
});

describe('reviewInstant', () => {
  it('reads an instant in UTC, as the review was computed', () => {
    expect(reviewInstant('2026-11-23T06:00:00Z')).toBe('23 Nov 2026, 06:00 UTC');
  });
});
