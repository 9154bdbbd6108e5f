import type { Member } from '../../auth/session';

interface UnitRef {
  id: string;
  ancestors: readonly { id: string }[];
}

/** The person leads this unit or one above it (admins lead everything), as the server's LeadsOver. */
export function leadsOver(member: Pick<Member, 'isAdmin' | 'memberships'>, unit: UnitRef): boolean {
  if (member.isAdmin) return true;
  const chain = new Set([unit.id, ...unit.ancestors.map((a) => a.id)]);
  return member.memberships.some((m) => m.isLead && chain.has(m.unitId));
}

/**
 * Whether to offer the check-in form: the key result's owner, a member of its unit, or a lead over its unit or
 * the objective's (the server decides; this only hides a form that would be refused).
 */
export function canCheckIn(
  member: Pick<Member, 'personId' | 'isAdmin' | 'memberships'>,
  keyResult: { owner: { id: string } | null; owningUnit: UnitRef },
  objectiveUnit: UnitRef,
): boolean {
  return (
    keyResult.owner?.id === member.personId ||
    member.memberships.some((m) => m.unitId === keyResult.owningUnit.id) ||
    leadsOver(member, keyResult.owningUnit) ||
    leadsOver(member, objectiveUnit)
  );
}
