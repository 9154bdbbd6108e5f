import type { Member } from '../auth/session';

/** Who the signed-in user is in their organisation (GraphQL `me`); null when they have none yet. */
export async function loadMember(): Promise<Member | null> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query: '{ me { id displayName email isAdmin organization { id name } } }' }),
  });
  if (!response.ok) return null;
  const body = (await response.json()) as {
    data?: { me: { id: string; displayName: string; email: string; isAdmin: boolean; organization: { id: string; name: string } } | null };
  };
  const me = body.data?.me;
  return me
    ? { personId: me.id, displayName: me.displayName, email: me.email, isAdmin: me.isAdmin, organizationId: me.organization.id, organizationName: me.organization.name }
    : null;
}
