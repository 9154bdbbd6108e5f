/** Writes that send a version in If-Match, and what to do when it was stale. */
import { describeError } from '../../api/http';

/** The write was refused because what it was based on changed meanwhile (If-Match with a stale version: 412). */
export function isStale(error: unknown): boolean {
  return describeError(error).status === 412;
}

/**
 * Runs a write that sends a version in If-Match. When the version was stale, the current state is read again before
 * the refusal is passed on, so what is shown is current and trying again sends the current version.
 */
export async function rereadWhenStale<T>(write: () => Promise<T>, reread: () => Promise<unknown>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isStale(e)) await reread();
    throw e;
  }
}
