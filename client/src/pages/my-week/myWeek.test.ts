import { describe, expect, it } from 'vitest';
import { dueLabel, dueState, myKeyResults, weekDone } from './myWeek';
import { kr, me, mine, objective } from './fixtures';

const now = new Date('2026-11-22T12:00:00Z');

describe('dueState', () => {
  it('is due when the server says so', () => {
    expect(dueState(true, null, 'ACTIVE', now, 7)).toEqual({ due: true, inDays: 0 });
    expect(dueState(true, '2026-11-15T12:00:00Z', 'ACTIVE', now, 7)).toEqual({ due: true, inDays: 0 });
  });

  it('is not due within the window, and says when it will be', () => {
    expect(dueState(false, '2026-11-19T10:00:00Z', 'ACTIVE', now, 7)).toEqual({ due: false, inDays: 4 });
    expect(dueState(false, '2026-11-22T11:00:00Z', 'ACTIVE', now, 14)).toEqual({ due: false, inDays: 14 });
  });

  it('is never due on an objective that is not active', () => {
    expect(dueState(false, null, 'DRAFT', now, 7)).toEqual({ due: false, inDays: null });
    expect(dueState(false, '2026-09-01T10:00:00Z', 'CLOSED', now, 7)).toEqual({ due: false, inDays: null });
  });
});

describe('myKeyResults', () => {
  it('keeps the server\'s order, and says which are mine and which my units\'', () => {
    const items = myKeyResults(
      mine([
        kr('d', { owningUnit: { id: 'u-pm', name: 'Product Management' }, objective: objective('pm'), lastCheckInAt: null }),
        kr('b', { owner: { id: 'p-dev', displayName: 'Dev' }, lastCheckInAt: '2026-11-01T10:00:00Z' }),
        kr('a'),
        kr('u', { owner: null }),
      ]),
      me,
      7,
    );
    expect(items.map((i) => [i.keyResult.id, i.objective.id, i.mine, i.due.due])).toEqual([
      ['d', 'pm', 'owner', true],
      ['b', 'eng', 'unit', true],
      ['a', 'eng', 'owner', false],
      ['u', 'eng', 'unit', false],
    ]);
    expect(dueLabel(items[0]!)).toBe('First check-in due');
    expect(dueLabel(items[1]!)).toBe('Check-in due');
    expect(dueLabel(items[2]!)).toBe('Next check-in due in 4 days');
  });

  it('lets drafts and closed objectives be shown but not checked in', () => {
    const items = myKeyResults(
      mine([
        kr('y'),
        kr('x', { lastCheckInAt: null, objective: objective('draft', { state: 'DRAFT' }) }),
        kr('z', { objective: objective('closed', { state: 'CLOSED' }), grade: 0.7 }),
      ]),
      me,
      7,
    );
    expect(items.map((i) => [i.keyResult.id, i.open, i.due])).toEqual([
      ['y', true, { due: false, inDays: 4 }],
      ['x', false, { due: false, inDays: null }],
      ['z', false, { due: false, inDays: null }],
    ]);
    expect(dueLabel(items[1]!)).toBe('Check-ins start when the objective is activated');
    expect(dueLabel(items[2]!)).toBe('Closed');
  });
});

describe('weekDone', () => {
  const item = (due: boolean, inDays: number | null, open = true) =>
    ({ open, due: { due, inDays } }) as unknown as Parameters<typeof weekDone>[0][number];

  it('is done when nothing open is due, with the soonest next check-in', () => {
    expect(weekDone([item(false, 3), item(false, 5), item(false, null, false)])).toEqual({ nextInDays: 3 });
  });
  it('is not done while something is due, nor when there was nothing to check in', () => {
    expect(weekDone([item(false, 3), item(true, 0)])).toBeNull();
    expect(weekDone([item(false, null, false)])).toBeNull();
    expect(weekDone([])).toBeNull();
  });
});
