/**
 * The organisation's units, people and invitations from GraphQL: the tree (the company and its descendants, however
 * deep, in one flat list), `people` and `invitations`. Each carries the `version` its REST writes send in If-Match.
 */
import { useQuery } from '@tanstack/react-query';
import { graphql } from '../../api/graphql';
import type { PlanInvitationsQuery, PlanPeopleQuery, PlanTreeUnitFragment, UnitKind, UnitRole } from '../../graphql/generated';
import { PlanInvitationsDocument } from '../../graphql/documents/PlanInvitations';
import { PlanOrganizationDocument } from '../../graphql/documents/PlanOrganization';
import { PlanOrgTreeDocument } from '../../graphql/documents/PlanOrgTree';
import { PlanPeopleDocument } from '../../graphql/documents/PlanPeople';

export interface TreeUnit {
  id: string;
  /** The unit's ETag: unit and member writes send it in If-Match. */
  version: number;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  depth: number;
  members: PlanTreeUnitFragment['members'];
}

export type Person = NonNullable<PlanPeopleQuery['people']>[number];
export type Invitation = NonNullable<PlanInvitationsQuery['invitations']>[number];

/** A person with the units they belong to (the admin's People tab). */
export interface PersonEntry extends Person {
  memberships: { unitId: string; unitName: string; role: UnitRole }[];
}

/**
 * The company and its descendants (a flat list, each naming its parent) as a tree in reading order: depth first,
 * children by name, each unit with its depth. Units whose parent is not in the list hang under the root.
 */
export function flattenTree(root: PlanTreeUnitFragment, descendants: readonly PlanTreeUnitFragment[]): TreeUnit[] {
  const ids = new Set([root.id, ...descendants.map((u) => u.id)]);
  const children = new Map<string, PlanTreeUnitFragment[]>();
  for (const u of descendants) {
    const parentId = u.parent && ids.has(u.parent.id) ? u.parent.id : root.id;
    children.set(parentId, [...(children.get(parentId) ?? []), u]);
  }
  const out: TreeUnit[] = [];
  const seen = new Set<string>();
  const visit = (u: PlanTreeUnitFragment, parentId: string | null, depth: number) => {
    if (seen.has(u.id)) return;
    seen.add(u.id);
    out.push({
      id: u.id,
      version: u.version,
      name: u.name,
      kind: u.kind,
      parentId,
      depth,
      members: [...u.members].sort(
        (a, b) => Number(b.role === 'LEAD') - Number(a.role === 'LEAD') || a.person.displayName.localeCompare(b.person.displayName),
      ),
    });
    for (const c of [...(children.get(u.id) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) visit(c, u.id, depth + 1);
  };
  visit(root, null, 0);
  return out;
}

/** Each person with the units they belong to (by the tree's order), everyone by name. */
export function withMemberships(people: readonly Person[], units: readonly TreeUnit[]): PersonEntry[] {
  const memberships = new Map<string, PersonEntry['memberships']>();
  for (const unit of units)
    for (const m of unit.members)
      memberships.set(m.person.id, [...(memberships.get(m.person.id) ?? []), { unitId: unit.id, unitName: unit.name, role: m.role }]);
  return people
    .map((p) => ({ ...p, memberships: memberships.get(p.id) ?? [] }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export const orgTreeKey = ['okr', 'plan', 'org-tree'] as const;

/** The organisation's units (flat, depth first, however deep). */
export function useOrgTree() {
  return useQuery({
    queryKey: orgTreeKey,
    queryFn: () => graphql(PlanOrgTreeDocument),
    select: (data) => {
      const company = data.organization?.company;
      return { organization: data.organization, units: company ? flattenTree(company, company.descendants) : [] };
    },
  });
}

/** Every person of the organisation by name (the active ones, or everyone with includeInactive). */
export function usePeople({ includeInactive = false }: { includeInactive?: boolean } = {}) {
  return useQuery({
    queryKey: ['okr', 'plan', 'people', { includeInactive }],
    queryFn: () => graphql(PlanPeopleDocument, { includeInactive }),
    select: (data) => [...(data.people ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName)),
  });
}

export const invitationsKey = ['okr', 'plan', 'invitations'] as const;

/** The organisation's invitations, newest first (admins only). */
export function useInvitations({ pendingOnly = false }: { pendingOnly?: boolean } = {}) {
  return useQuery({
    queryKey: [...invitationsKey, { pendingOnly }],
    queryFn: () => graphql(PlanInvitationsDocument, { pendingOnly }),
    select: (data) => data.invitations ?? [],
  });
}

/** The organisation with its settings (the rules of the practice) and the version its writes send in If-Match. */
export function useOrganization({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['okr', 'plan', 'organization'],
    queryFn: () => graphql(PlanOrganizationDocument),
    select: (data) => data.organization,
    enabled,
  });
}
