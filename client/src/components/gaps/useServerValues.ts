import { useEffect } from 'react';
import type { UseFormReturnType } from '@mantine/form';

/**
 * Puts what the server answered into a form, as its clean state, each time a new answer arrives (the first read, a
 * refetch after a save or a stale refusal). `source` is the answer (its identity changes only when it does).
 */
export function useServerValues<S, V extends Record<string, unknown>>(form: UseFormReturnType<V>, source: S | null | undefined, toValues: (source: S) => V) {
  useEffect(() => {
    if (source) {
      const values = toValues(source);
      form.setValues(values);
      form.resetDirty(values);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source]);
}
