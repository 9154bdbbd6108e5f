// Test data of My week (imported by tests only).
import type { MyWeekQuery } from '../../graphql/generated';

type Mine = NonNullable<MyWeekQuery['myKeyResults']>;
type KeyResult = Mine['keyResults'][number];
type Objective = KeyResult['objective'];

export const me = { personId: 'p-morgan', memberships: [{ unitId: 'u-eng', unitName: 'Product Engineering', isLead: false }] };

export function objective(id: string, overrides: Partial<Objective> = {}): Objective {
  return { id, title: `Objective ${id}`, state: 'ACTIVE', owningUnit: { id: 'u-eng', name: 'Product Engineering' }, ...overrides };
}

export function kr(id: string, overrides: Partial<KeyResult> = {}): KeyResult {
  return {
    id,
    version: 1,
    title: `Key result ${id}`,
    metricKind: 'NUMBER',
    direction: 'INCREASE',
    currencyCode: null,
    unitLabel: 'items',
    baseline: 0,
    target: 10,
    currentValue: 4,
    latestConfidence: 7,
    owner: { id: 'p-morgan', displayName: 'Morgan Member' },
    owningUnit: { id: 'u-eng', name: 'Product Engineering' },
    progress: 0.4,
    expectedProgress: 0.5,
    status: 'AT_RISK',
    lastCheckInAt: '2026-11-19T10:00:00Z',
    // As the server answers at 2026-11-22T12:00Z with a weekly cadence.
    checkInDue: dueAtFixtureTime(overrides),
    checkInCount: 3,
    grade: null,
    latestCheckIn: { effectiveDate: '2026-11-19', narrative: 'Moving.' },
    objective: objective('eng'),
    ...overrides,
  };
}

function dueAtFixtureTime(overrides: Partial<KeyResult>): boolean {
  if (overrides.objective && overrides.objective.state !== 'ACTIVE') return false;
  const last = 'lastCheckInAt' in overrides ? overrides.lastCheckInAt : '2026-11-19T10:00:00Z';
  return !last || new Date(last).getTime() <= Date.parse('2026-11-15T12:00:00Z');
}

/** What `myKeyResults` answers: the key results as the server picked and ordered them. */
export function mine(keyResults: KeyResult[], evaluatedAt = '2026-11-22T12:00:00Z'): Mine {
  return {
    evaluatedAt,
    expectedProgress: 0.57,
    period: { id: 'q4', name: 'Q4 2026', state: 'ACTIVE', start: '2026-10-01', end: '2026-12-31' },
    keyResults,
  };
}
