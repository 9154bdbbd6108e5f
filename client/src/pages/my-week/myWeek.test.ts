import { describe, expect, it } from 'vitest';
import { dueLabel, dueState, myKeyResults } from './myWeek';
import { kr, me, objective, tree } from './fixtures';

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
  it('takes the key results I own or my units own, once each, due ones first', () => {
    const mineNotDue = kr('a');
    const unitsDue = kr('b', { owner: { id: 'p-dev', displayName: 'Dev' }, lastCheckInAt: '2026-11-01T10:00:00Z' });
    const someoneElses = kr('c', { owner: { id: 'p-sam', displayName: 'Sam' }, owningUnit: { id: 'u-sales', name: 'Sales' } });
    const mineOnAnotherUnitsObjective = kr('d', { owningUnit: { id: 'u-pm', name: 'Product Management' }, lastCheckInAt: null });
    const items = myKeyResults(
      tree([
        [objective('company', [mineNotDue, someoneElses]), objective('cancelled', [kr('e')], { state: 'CANCELLED' })],
        [objective('eng', [unitsDue, mineNotDue]), objective('pm', [mineOnAnotherUnitsObjective])],
      ]),
      me,
      7,
    );
    expect(items.map((i) => [i.keyResult.id, i.mine, i.due.due])).toEqual([
      ['d', 'owner', true],
      ['b', 'unit', true],
      ['a', 'owner', false],
    ]);
    expect(dueLabel(items[0]!)).toBe('First check-in due');
    expect(dueLabel(items[1]!)).toBe('Check-in due');
    expect(dueLabel(items[2]!)).toBe('Next check-in due in 4 days');
  });

  it('lists drafts after the open ones, without a check-in', () => {
    const items = myKeyResults(tree([[objective('draft', [kr('x', { lastCheckInAt: null })], { state: 'DRAFT' }), objective('live', [kr('y')])]]), me, 7);
    expect(items.map((i) => [i.keyResult.id, i.open, i.due.due])).toEqual([
      ['y', true, false],
      ['x', false, false],
    ]);
    expect(dueLabel(items[1]!)).toBe('Check-ins start when the objective is activated');
  });
});
