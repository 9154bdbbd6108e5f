/**
 * The organisation tree and the people in it, from GraphQL (PlanOrgTree). GraphQL has no list of people: people are
 * gathered from the units' members, so someone who belongs to no unit is not listed (see the report of issue 5).
 */
import { useQuery } from '@tanstack/react-query';
import { graphql } from '../../api/graphql';
import {
  PlanOrgTreeDocument,
  type OrganizationRole,
  type PlanTreeUnitFragment,
  type UnitKind,
  type UnitRole,
} from '../../graphql/generated';

export interface TreeUnit {
  id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  depth: number;
  members: PlanTreeUnitFragment['members'];
  /** Units exist below this one beyond what was loaded. */
  hasUnloadedChildren: boolean;
  childIds: string[];
}

export interface PersonEntry {
  id: string;
  displayName: string;
  email: string;
  role: OrganizationRole;
  isActive: boolean;
  memberships: { unitId: string; unitName: string; role: UnitRole }[];
}

type Nested = PlanTreeUnitFragment & { children?: readonly Nested[] | readonly { id: string }[] };

function isLoaded(child: Nested | { id: string }): child is Nested {
  return 'name' in child;
}

/** Flattens a nested tree, depth first (children by name), keeping each unit's parent and depth. */
export function flattenTree(root: Nested, parentId: string | null = null, depth = 0): TreeUnit[] {
  const children = [...(root.children ?? [])];
  const loaded = children.filter(isLoaded).sort((a, b) => a.name.localeCompare(b.name));
  const unit: TreeUnit = {
    id: root.id,
    name: root.name,
    kind: root.kind,
    parentId,
    depth,
    members: [...root.members].sort(
      (a, b) => Number(b.role === 'LEAD') - Number(a.role === 'LEAD') || a.person.displayName.localeCompare(b.person.displayName),
    ),
    hasUnloadedChildren: children.length > loaded.length,
    childIds: children.map((c) => c.id),
  };
  return [unit, ...loaded.flatMap((child) => flattenTree(child, root.id, depth + 1))];
}

/** Everyone who belongs to at least one unit, by name, with their memberships. */
export function peopleOf(units: readonly TreeUnit[]): PersonEntry[] {
  const byId = new Map<string, PersonEntry>();
  for (const unit of units) {
    for (const m of unit.members) {
      const entry =
        byId.get(m.person.id) ??
        ({
          id: m.person.id,
          displayName: m.person.displayName,
          email: m.person.email,
          role: m.person.role,
          isActive: m.person.isActive,
          memberships: [],
        } satisfies PersonEntry);
      entry.memberships.push({ unitId: unit.id, unitName: unit.name, role: m.role });
      byId.set(m.person.id, entry);
    }
  }
  return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export const orgTreeKey = ['okr', 'plan', 'org-tree'] as const;

/** The organisation's units (flat, depth first) and its people. */
export function useOrgTree() {
  return useQuery({
    queryKey: orgTreeKey,
    queryFn: () => graphql(PlanOrgTreeDocument),
    select: (data) => {
      const company = data.organization?.company;
      const units = company ? flattenTree(company as Nested) : [];
      return { organization: data.organization, units, people: peopleOf(units) };
    },
  });
}
