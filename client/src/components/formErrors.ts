import { describeError } from '../api/http';

/**
 * Maps a validation problem's field errors onto a form's fields (camelCase names match), and returns the
 * message for the rest.
 */
export function applyServerErrors(
  error: unknown,
  setFieldError: (field: string, message: string) => void,
  knownFields: readonly string[],
): string | null {
  const problem = describeError(error);
  const unmatched: string[] = [];
  for (const [field, messages] of Object.entries(problem.fieldErrors)) {
    const key = knownFields.find((known) => known.toLowerCase() === field.toLowerCase());
    if (key) setFieldError(key, messages.join(' '));
    else unmatched.push(...messages);
  }
  if (unmatched.length > 0) return unmatched.join(' ');
  return Object.keys(problem.fieldErrors).length > 0 ? null : problem.message;
}
