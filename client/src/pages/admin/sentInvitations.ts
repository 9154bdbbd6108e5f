/**
 * The server has no list of invitations (GET /api/invitations/{id} only), so the invitations sent from this
 * browser are remembered by id, per organisation, and read back one by one for their current status.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { useQueries } from '@tanstack/react-query';
import { api } from '../../api/rest';

const listeners = new Set<() => void>();
const storageKey = (organizationId: string) => `okr.sent-invitations.${organizationId}`;

function read(organizationId: string): string[] {
  try {
    const raw = window.localStorage.getItem(storageKey(organizationId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

const cache = new Map<string, { raw: string | null; ids: string[] }>();
function snapshot(organizationId: string): string[] {
  const raw = window.localStorage.getItem(storageKey(organizationId));
  const cached = cache.get(organizationId);
  if (cached && cached.raw === raw) return cached.ids;
  const ids = read(organizationId);
  cache.set(organizationId, { raw, ids });
  return ids;
}

export function rememberInvitation(organizationId: string, id: string) {
  const ids = read(organizationId);
  if (!ids.includes(id)) window.localStorage.setItem(storageKey(organizationId), JSON.stringify([id, ...ids].slice(0, 200)));
  listeners.forEach((l) => l());
}

export function forgetInvitation(organizationId: string, id: string) {
  window.localStorage.setItem(storageKey(organizationId), JSON.stringify(read(organizationId).filter((x) => x !== id)));
  listeners.forEach((l) => l());
}

/** The invitations sent from this browser, freshly read from the server. */
export function useSentInvitations(organizationId: string) {
  const subscribe = useCallback((listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  const ids = useSyncExternalStore(subscribe, () => snapshot(organizationId));
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['okr', 'plan', 'invitation', id],
      queryFn: () => api.invitations.getInvitation(id),
      retry: false,
    })),
  });
  return { ids, results };
}
