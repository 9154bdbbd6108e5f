import { graphql } from '../api/graphql';
import { MeDocument } from '../graphql/documents/Me';
import type { Member } from '../auth/session';

/** Who the signed-in user is in their organisation (GraphQL `me`); null when they have none yet. */
export async function loadMember(): Promise<Member | null> {
  const { me } = await graphql(MeDocument);
  if (!me?.person || !me.organization) return null;
  return {
    personId: me.person.id,
    displayName: me.person.displayName,
    email: me.person.email,
    isAdmin: me.role === 'ADMIN',
    organizationId: me.organization.id,
    organizationName: me.organization.name,
    memberships: me.memberships.map((m) => ({ unitId: m.unit.id, unitName: m.unit.name, isLead: m.role === 'LEAD', isCompany: m.unit.kind === 'COMPANY' })),
  };
}
