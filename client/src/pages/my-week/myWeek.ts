import type { Member } from '../../auth/session';
import type { MyWeekQuery } from '../../graphql/generated';

export type MyKeyResults = NonNullable<MyWeekQuery['myKeyResults']>;
export type MyKeyResult = MyKeyResults['keyResults'][number];
export type MyObjective = MyKeyResult['objective'];

const dayMs = 86_400_000;

/** What is due for a key result this week. */
export interface Due {
  /** No check-in within the current cadence window (the last cadenceDays days), on an active objective. */
  due: boolean;
  /** Whole days until the next check-in is due; 0 when due now; null when nothing is due (not active). */
  inDays: number | null;
}

/**
 * Whether a check-in is due is the server's call (`checkInDue`: active, and no check-in within the current
 * cadence window, the window check-in compliance counts); the days until the next one are for display.
 */
export function dueState(
  checkInDue: boolean,
  lastCheckInAt: string | null,
  objectiveState: MyObjective['state'],
  now: Date,
  cadenceDays: number,
): Due {
  if (objectiveState !== 'ACTIVE') return { due: false, inDays: null };
  if (checkInDue || !lastCheckInAt) return { due: checkInDue, inDays: 0 };
  const left = new Date(lastCheckInAt).getTime() + cadenceDays * dayMs - now.getTime();
  return { due: false, inDays: Math.max(1, Math.ceil(left / dayMs)) };
}

export interface MyWeekItem {
  keyResult: MyKeyResult;
  objective: MyObjective;
  /** Why it is on the list. */
  mine: 'owner' | 'unit';
  due: Due;
  /** A check-in can be recorded now: the objective is active. */
  open: boolean;
}

/**
 * The page's rows for the server's `myKeyResults` (the key results the person owns or their units own, on objectives
 * they can see that are not cancelled), in the server's order: due ones first, then open ones, then the person's own,
 * then the tree's order.
 */
export function myKeyResults(mine: MyKeyResults, member: Pick<Member, 'personId'>, cadenceDays: number): MyWeekItem[] {
  const now = new Date(mine.evaluatedAt);
  return mine.keyResults.map((keyResult) => {
    const { objective } = keyResult;
    return {
      keyResult,
      objective,
      mine: keyResult.owner?.id === member.personId ? 'owner' : 'unit',
      due: dueState(keyResult.checkInDue, keyResult.lastCheckInAt, objective.state, now, cadenceDays),
      open: objective.state === 'ACTIVE',
    };
  });
}

/** "Due now", "Next check-in in 3 days", "Objective in draft". */
export function dueLabel(item: MyWeekItem): string {
  if (item.objective.state === 'DRAFT') return 'Check-ins start when the objective is activated';
  if (item.objective.state === 'CLOSED') return 'Closed';
  if (item.due.due) return item.keyResult.lastCheckInAt ? 'Check-in due' : 'First check-in due';
  const days = item.due.inDays ?? 0;
  return days === 1 ? 'Next check-in due tomorrow' : `Next check-in due in ${days} days`;
}

/**
 * The week is done when there was something to check in (an active objective's key result) and nothing is due any more:
 * the soonest next check-in, in days (null: the week is not done).
 */
export function weekDone(items: readonly MyWeekItem[]): { nextInDays: number } | null {
  const open = items.filter((item) => item.open);
  if (open.length === 0 || open.some((item) => item.due.due)) return null;
  return { nextInDays: Math.min(...open.map((item) => item.due.inDays ?? 1)) };
}
