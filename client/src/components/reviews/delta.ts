/** How a business review words what moved since the previous one. */

/** +0.062 → "+6 pts", −0.01 → "−1 pt", 0 → "±0 pts"; null (no previous review) → null. */
export function points(delta: number | null | undefined): string | null {
  if (delta === null || delta === undefined || Number.isNaN(delta)) return null;
  const p = Math.round(delta * 100);
  const sign = p > 0 ? '+' : p < 0 ? '−' : '±';
  return `${sign}${Math.abs(p)} ${Math.abs(p) === 1 ? 'pt' : 'pts'}`;
}

/** The colour of a movement: up is good, down is bad, nothing is grey. */
export function deltaColor(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return 'dimmed';
  const p = Math.round(delta * 100);
  return p > 0 ? 'teal.8' : p < 0 ? 'red.8' : 'dimmed';
}

export type ReviewTriggerName = 'ON_DEMAND' | 'WEEKLY' | 'QUARTER_END';

export const triggerLabel: Record<ReviewTriggerName, string> = {
  ON_DEMAND: 'On demand',
  WEEKLY: 'Weekly',
  QUARTER_END: 'End of quarter',
};

/** An instant as the review names it: "22 Nov 2026, 12:00 UTC". */
export function reviewInstant(iso: string): string {
  const date = new Date(iso);
  return `${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date)}, ${new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(date)} UTC`;
}
