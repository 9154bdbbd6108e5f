import { useQueryClient } from '@tanstack/react-query';

/** After a write: every OKR read and the period list recompute from the server. */
export function useRefreshOkr() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: ['okr'] }), queryClient.invalidateQueries({ queryKey: ['periods'] })]);
}
