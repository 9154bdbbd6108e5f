// Test data of My week (imported by tests only).
import type { MyWeekQuery } from '../../graphql/generated';

type Tree = NonNullable<MyWeekQuery['okrTree']>;
type Objective = Tree['units'][number]['objectives'][number];
type KeyResult = Objective['keyResults'][number];

export const me = { personId: 'p-morgan', memberships: [{ unitId: 'u-eng', unitName: 'Product Engineering', isLead: false }] };

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
    ...overrides,
  };
}

function dueAtFixtureTime(overrides: Partial<KeyResult>): boolean {
  const last = 'lastCheckInAt' in overrides ? overrides.lastCheckInAt : '2026-11-19T10:00:00Z';
  return !last || new Date(last).getTime() <= Date.parse('2026-11-15T12:00:00Z');
}

export function objective(id: string, keyResults: KeyResult[], overrides: Partial<Objective> = {}): Objective {
  return { id, title: `Objective ${id}`, state: 'ACTIVE', owningUnit: { id: 'u-eng', name: 'Product Engineering' }, keyResults, ...overrides };
}

export function tree(units: Objective[][], evaluatedAt = '2026-11-22T12:00:00Z'): Tree {
  return {
    evaluatedAt,
    expectedProgress: 0.57,
    period: { id: 'q4', name: 'Q4 2026', state: 'ACTIVE', start: '2026-10-01', end: '2026-12-31' },
    units: units.map((objectives, i) => ({ id: `unit-${i}`, objectives })),
  };
}
