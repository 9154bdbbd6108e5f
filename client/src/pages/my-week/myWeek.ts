import type { Member } from '../../auth/session';
import type { MyWeekQuery } from '../../graphql/generated';

type Tree = NonNullable<MyWeekQuery['okrTree']>;
type TreeObjective = Tree['units'][number]['objectives'][number];
export type MyKeyResult = TreeObjective['keyResults'][number];
export type MyObjective = Omit<TreeObjective, 'keyResults'>;

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
  objectiveState: TreeObjective['state'],
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
 * The key results the person owns or their units own in the period's tree (a key result shows once, even when
 * its objective and it belong to different units), due ones first, then in the tree's order.
 */
export function myKeyResults(tree: Tree, member: Pick<Member, 'personId' | 'memberships'>, cadenceDays: number): MyWeekItem[] {
  const units = new Set(member.memberships.map((m) => m.unitId));
  const now = new Date(tree.evaluatedAt);
  const seen = new Set<string>();
  const items: MyWeekItem[] = [];
  for (const unit of tree.units) {
    for (const { keyResults, ...objective } of unit.objectives) {
      if (objective.state === 'CANCELLED') continue;
      for (const keyResult of keyResults) {
        if (seen.has(keyResult.id)) continue;
        const mine = keyResult.owner?.id === member.personId ? 'owner' : units.has(keyResult.owningUnit.id) ? 'unit' : null;
        if (!mine) continue;
        seen.add(keyResult.id);
        items.push({
          keyResult,
          objective,
          mine,
          due: dueState(keyResult.checkInDue, keyResult.lastCheckInAt, objective.state, now, cadenceDays),
          open: objective.state === 'ACTIVE',
        });
      }
    }
  }
  // Stable: due first, then the ones I own, then the tree's order.
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        Number(b.item.due.due) - Number(a.item.due.due) ||
        Number(b.item.open) - Number(a.item.open) ||
        Number(a.item.mine !== 'owner') - Number(b.item.mine !== 'owner') ||
        a.index - b.index,
    )
    .map(({ item }) => item);
}

/** "Due now", "Next check-in in 3 days", "Objective in draft". */
export function dueLabel(item: MyWeekItem): string {
  if (item.objective.state === 'DRAFT') return 'Check-ins start when the objective is activated';
  if (item.objective.state === 'CLOSED') return 'Closed';
  if (item.due.due) return item.keyResult.lastCheckInAt ? 'Check-in due' : 'First check-in due';
  const days = item.due.inDays ?? 0;
  return days === 1 ? 'Next check-in due tomorrow' : `Next check-in due in ${days} days`;
}
