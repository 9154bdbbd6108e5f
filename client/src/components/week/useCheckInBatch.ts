import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/rest';
import {
  initialDraft,
  isIncluded,
  submitCheckIns,
  type CheckInDraft,
  type CheckInField,
  type CheckInResult,
  type CheckInTarget,
  type PostCheckIn,
} from './checkIn';

/** The DOM id of a row's field, for focus moves (Tab to the next row, the first error after a pass). */
export const fieldId = (keyResultId: string, field: CheckInField) => `check-in-${keyResultId}-${field}`;

const postCheckIn: PostCheckIn = (id, body) => api.keyResults.recordCheckIn(id, body);

export interface BatchOutcome {
  saved: number;
  failed: number;
}

/**
 * The drafts of several check-ins, posted in one pass. Rows that were saved start over from the refreshed key
 * result; rows the server refused keep everything the person typed, with the reason next to them.
 */
export function useCheckInBatch(post: PostCheckIn = postCheckIn) {
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Record<string, CheckInDraft>>({});
  const [results, setResults] = useState<Record<string, CheckInResult>>({});
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);
  // The field to put the cursor in once the rows are enabled again (a disabled field cannot take focus).
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (submitting || !focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  }, [submitting, results]);

  const draftOf = useCallback((keyResult: CheckInTarget) => drafts[keyResult.id] ?? initialDraft(keyResult), [drafts]);

  const change = useCallback((keyResult: CheckInTarget, patch: Partial<CheckInDraft>) => {
    setDrafts((current) => ({ ...current, [keyResult.id]: { ...(current[keyResult.id] ?? initialDraft(keyResult)), ...patch } }));
    // What was said about the row concerned what it held then.
    setResults((current) => {
      if (!(keyResult.id in current)) return current;
      const next = { ...current };
      delete next[keyResult.id];
      return next;
    });
  }, []);

  const reset = useCallback((keyResult: CheckInTarget) => {
    setDrafts((current) => {
      const next = { ...current };
      delete next[keyResult.id];
      return next;
    });
  }, []);

  const included = useCallback(
    (keyResults: readonly CheckInTarget[]) => keyResults.filter((kr) => isIncluded(kr, draftOf(kr))),
    [draftOf],
  );

  /** Posts every included row; resolves with how many were saved and refused. */
  const submit = useCallback(
    async (keyResults: readonly CheckInTarget[]): Promise<BatchOutcome> => {
      if (busy.current) return { saved: 0, failed: 0 };
      const rows = keyResults.map((keyResult) => ({ keyResult, draft: drafts[keyResult.id] ?? initialDraft(keyResult) }));
      const toSend = rows.filter((row) => isIncluded(row.keyResult, row.draft));
      if (toSend.length === 0) return { saved: 0, failed: 0 };
      busy.current = true;
      setSubmitting(true);
      try {
        const outcome = await submitCheckIns(toSend, post, (id, result) => setResults((current) => ({ ...current, [id]: result })));
        const savedIds = [...outcome].filter(([, r]) => r.state === 'saved').map(([id]) => id);
        if (savedIds.length > 0) {
          // Progress, status and forecast are the server's: read them again before the saved rows start over.
          await queryClient.invalidateQueries({ queryKey: ['okr'] });
          setDrafts((current) => {
            const next = { ...current };
            for (const id of savedIds) delete next[id];
            return next;
          });
        }
        const failed = [...outcome].filter(([, r]) => r.state === 'error');
        const firstError = failed[0];
        if (firstError) {
          const [id, result] = firstError;
          const field = (result.state === 'error' && result.field) || 'value';
          focusNext.current = fieldId(id, field);
        }
        return { saved: savedIds.length, failed: failed.length };
      } finally {
        busy.current = false;
        setSubmitting(false);
      }
    },
    [drafts, post, queryClient],
  );

  return { draftOf, change, reset, results, submitting, submit, included };
}

export type CheckInBatch = ReturnType<typeof useCheckInBatch>;
