/**
 * Who may do what with a unit's OKRs, mirroring the server's access policy (src/Okr.Application/Common/Security/
 * AccessPolicy.cs) so the page hides what would be refused and says why. The server still decides.
 */
import type { Member } from '../../auth/session';
import type { ObjectiveState, PeriodState } from '../../graphql/generated';

export interface UnitContext {
  id: string;
  name: string;
  /** From the parent up to the company. */
  ancestors: readonly { id: string; name: string }[];
}

/** Admin, or lead of the unit or of a unit above it. */
export function leadsOver(member: Member, unit: UnitContext): boolean {
  if (member.isAdmin) return true;
  const ids = new Set([unit.id, ...unit.ancestors.map((a) => a.id)]);
  return member.memberships.some((m) => m.isLead && ids.has(m.unitId));
}

export function isMemberOf(member: Member, unitId: string): boolean {
  return member.memberships.some((m) => m.unitId === unitId);
}

export interface Permission {
  allowed: boolean;
  /** Why not, in words; null when allowed. */
  reason: string | null;
}

const allow: Permission = { allowed: true, reason: null };
const deny = (reason: string): Permission => ({ allowed: false, reason });

function periodReadOnly(periodState: PeriodState | undefined): string | null {
  if (periodState === 'CLOSED') return 'This period is closed: its OKRs are read-only (only late check-ins are still accepted).';
  return null;
}

/** Draft objectives for the unit: its members, the leads over it and admins. */
export function canDraftIn(member: Member, unit: UnitContext, periodState: PeriodState | undefined): Permission {
  const closed = periodReadOnly(periodState);
  if (closed) return deny(closed);
  if (leadsOver(member, unit) || isMemberOf(member, unit.id)) return allow;
  return deny(
    `Only members of ${unit.name}, the leads of ${unit.name} or of a unit above it, and admins can draft objectives here. Ask a lead to add you to ${unit.name}.`,
  );
}

interface ObjectiveContext {
  state: ObjectiveState;
  ownerId: string | null | undefined;
}

/** Edit the objective and its key results: leads over its unit, its owner; while a draft, the unit's members too. */
export function canEditObjective(member: Member, unit: UnitContext, objective: ObjectiveContext, periodState: PeriodState | undefined): Permission {
  const closed = periodReadOnly(periodState);
  if (closed) return deny(closed);
  if (objective.state === 'CLOSED') return deny('This objective is closed and graded: it can no longer be changed.');
  if (objective.state === 'CANCELLED') return deny('This objective was cancelled: it is kept for its history and can no longer be changed.');
  if (leadsOver(member, unit) || objective.ownerId === member.personId) return allow;
  if (objective.state === 'DRAFT' && isMemberOf(member, unit.id)) return allow;
  if (objective.state === 'ACTIVE' && isMemberOf(member, unit.id)) {
    return deny(`Once active, only the objective's owner, the leads of ${unit.name} (or above) and admins can change it.`);
  }
  return deny(
    `Only members of ${unit.name} (while it is a draft), its owner, the leads of ${unit.name} or above, and admins can change this objective.`,
  );
}

/** Activate or cancel: leads over its unit and admins (not the owner: owning a draft grants editing only). */
export function canDecide(member: Member, unit: UnitContext, objective: ObjectiveContext, periodState: PeriodState | undefined): Permission {
  const closed = periodReadOnly(periodState);
  if (closed) return deny(closed);
  if (objective.state === 'CLOSED' || objective.state === 'CANCELLED') return deny('This objective is no longer open.');
  if (leadsOver(member, unit)) return allow;
  return deny(`Only the leads of ${unit.name} (or above) and admins can activate or cancel it.`);
}
