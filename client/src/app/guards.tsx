import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { Loading } from '../components/States';

/** Pages for members of an organisation: others are sent to sign in, or to create or join one. */
export function RequireMember({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Loading label="Signing you in…" />;
  if (session.status === 'signed-out') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (session.status === 'no-organization') return <Navigate to="/create-organization" replace />;
  return <>{children}</>;
}

/** Pages for a signed-in person who does not belong to an organisation yet. */
export function RequireSignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Loading label="Signing you in…" />;
  if (session.status === 'signed-out') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return <>{children}</>;
}

/** Signed-out pages: someone already signed in goes home. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const session = useSession();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'member') return <Navigate to="/" replace />;
  return <>{children}</>;
}

/**
 * Where a member lands: the company's lead (the CEO) on the dashboard, where the whole company's answer is; everyone else
 * on My week, their own key results.
 */
export function homePath(member: { memberships: { isLead: boolean; isCompany?: boolean }[] } | null): string {
  return member?.memberships.some((m) => m.isLead && m.isCompany) ? '/dashboard' : '/my-week';
}

/** The index route: sends a member to their home. */
export function Home() {
  const session = useSession();
  return <Navigate to={homePath(session.member)} replace />;
}
