import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/rest';
import { ApiError } from '../api/http';

export interface Member {
  personId: string;
  displayName: string;
  email: string;
  isAdmin: boolean;
  organizationId: string;
  organizationName: string;
  /** The units the person belongs to, and whether they lead them. */
  memberships: { unitId: string; unitName: string; isLead: boolean; isCompany?: boolean }[];
}

export interface Session {
  /** null while loading */
  status: 'loading' | 'signed-out' | 'no-organization' | 'member';
  email: string | null;
  member: Member | null;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Loads who the signed-in person is in their organisation; null when they have none. Set by the app. */
export type MemberLoader = () => Promise<Member | null>;

export function SessionProvider({ children, loadMember }: { children: ReactNode; loadMember: MemberLoader }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      try {
        const info = await api.auth.getManageInfo();
        return { email: info.email ?? null, member: await loadMember() };
      } catch (error) {
        if ((error as { status?: number }).status === 401 || (error instanceof ApiError && error.status === 401)) {
          return { email: null, member: null };
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });

  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: ['session'] });
  }, [queryClient]);

  const signOut = useCallback(async () => {
    await api.auth.logout();
    queryClient.clear();
    await queryClient.invalidateQueries({ queryKey: ['session'] });
  }, [queryClient]);

  const value = useMemo<Session>(() => {
    const data = query.data;
    const status: Session['status'] = !data
      ? query.isError
        ? 'signed-out'
        : 'loading'
      : data.email === null
        ? 'signed-out'
        : data.member === null
          ? 'no-organization'
          : 'member';
    return { status, email: data?.email ?? null, member: data?.member ?? null, refresh, signOut };
  }, [query.data, query.isError, refresh, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in member; only for pages behind RequireMember. */
export function useMember(): Member {
  const { member } = useSession();
  if (!member) throw new Error('useMember outside a member page');
  return member;
}
