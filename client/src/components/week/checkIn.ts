/**
 * The check-in of one key result as the person types it (a draft), what it sends, and how the server's answer
 * reads next to the row. Pure functions: the row and the batch hook are built on them.
 */
import { describeError } from '../../api/http';
import type { RecordCheckIn } from '../../api/okr-client';
import type { CheckInTargetFragment } from '../../graphql/generated';

export type CheckInTarget = CheckInTargetFragment;

/** What the person typed for one key result. Nothing here is ever thrown away on an error. */
export interface CheckInDraft {
  /** '' while empty; 0 or 1 for a milestone. */
  value: number | '';
  confidence: number;
  narrative: string;
  blockers: string;
  /** The blockers field is shown (collapsed by default). */
  blockersOpen: boolean;
  /** Left out of this week's pass. */
  skipped: boolean;
}

export type CheckInField = 'value' | 'confidence' | 'narrative' | 'blockers';

/** How a row's last submission went. */
export type CheckInResult =
  | { state: 'saving' }
  | { state: 'saved'; at: string }
  | { state: 'error'; message: string; field: CheckInField | null };

/** Confidence when the key result has none yet: the middle of the scale. */
export const defaultConfidence = 5;

/** The draft a row starts from: the current value (or the baseline) and the latest confidence. */
export function initialDraft(keyResult: CheckInTarget): CheckInDraft {
  const start = keyResult.currentValue ?? keyResult.baseline;
  const value = keyResult.metricKind === 'MILESTONE' ? (start !== null && start >= 1 ? 1 : 0) : (start ?? '');
  return {
    value,
    confidence: keyResult.latestConfidence ?? defaultConfidence,
    narrative: '',
    blockers: '',
    blockersOpen: false,
    skipped: false,
  };
}

/** The person changed something worth sending: another value or confidence, or wrote a narrative or blockers. */
export function isChanged(keyResult: CheckInTarget, draft: CheckInDraft): boolean {
  const start = initialDraft(keyResult);
  return (
    draft.value !== start.value ||
    draft.confidence !== start.confidence ||
    draft.narrative.trim() !== '' ||
    draft.blockers.trim() !== ''
  );
}

/** Included in the pass: changed, and not skipped. */
export function isIncluded(keyResult: CheckInTarget, draft: CheckInDraft): boolean {
  return !draft.skipped && isChanged(keyResult, draft);
}

/** What is wrong before sending, in words; null when the row can be sent. */
export function localProblem(keyResult: CheckInTarget, draft: CheckInDraft): { field: CheckInField; message: string } | null {
  if (draft.value === '' || Number.isNaN(draft.value)) {
    return { field: 'value', message: `Enter the value of “${keyResult.title}” now.` };
  }
  if (!Number.isInteger(draft.confidence) || draft.confidence < 0 || draft.confidence > 10) {
    return { field: 'confidence', message: 'Confidence is a whole number from 0 to 10.' };
  }
  return null;
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The REST body of the check-in. */
export function toRecordCheckIn(draft: CheckInDraft): RecordCheckIn {
  return {
    value: draft.value === '' ? 0 : draft.value,
    confidence: draft.confidence,
    narrative: optional(draft.narrative),
    blockers: optional(draft.blockers),
  };
}

/** Which field a server problem belongs to, from its rule code or its field errors. */
const fieldOfCode: Record<string, CheckInField> = {
  'check_in.narrative_required': 'narrative',
  'check_in.milestone_value': 'value',
  'key_result.percentage_negative': 'value',
};

/** The server's refusal of one row in words, placed on the field it concerns when there is one. */
export function rowError(error: unknown): Extract<CheckInResult, { state: 'error' }> {
  const problem = describeError(error);
  const code = problem.code ?? '';
  if (fieldOfCode[code]) return { state: 'error', message: problem.message, field: fieldOfCode[code] };
  const fields = Object.entries(problem.fieldErrors);
  if (fields.length > 0) {
    const [name, messages] = fields[0]!;
    const field = (['value', 'confidence', 'narrative', 'blockers'] as const).find((f) => f === name.toLowerCase()) ?? null;
    return { state: 'error', message: fields.flatMap(([, m]) => m).join(' ') || messages.join(' '), field };
  }
  return { state: 'error', message: problem.message, field: null };
}

/** A check-in never conflicts with another (both are true at their time), so it carries no If-Match. */
export type PostCheckIn = (id: string, body: RecordCheckIn) => Promise<unknown>;

/**
 * Posts each row in turn and reports every row's outcome: one refusal never stops the others, and nothing
 * typed is lost (the caller keeps the drafts of the rows that failed).
 */
export async function submitCheckIns(
  rows: readonly { keyResult: CheckInTarget; draft: CheckInDraft }[],
  post: PostCheckIn,
  onResult?: (id: string, result: CheckInResult) => void,
): Promise<Map<string, CheckInResult>> {
  const results = new Map<string, CheckInResult>();
  for (const { keyResult, draft } of rows) {
    const local = localProblem(keyResult, draft);
    let result: CheckInResult;
    if (local) {
      result = { state: 'error', ...local };
    } else {
      onResult?.(keyResult.id, { state: 'saving' });
      try {
        await post(keyResult.id, toRecordCheckIn(draft));
        result = { state: 'saved', at: new Date().toISOString() };
      } catch (error) {
        result = rowError(error);
      }
    }
    results.set(keyResult.id, result);
    onResult?.(keyResult.id, result);
  }
  return results;
}
