/**
 * Instant hints while a person types, for the coach's obvious rules. The server's findings (okrFindings) stay the
 * source of truth: these only say early what the coach will say after saving, in the same words.
 */
import type { Direction, MetricKind } from '../../graphql/generated';
import { formatValue } from '../format';

export interface Hint {
  ruleId: string;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  message: string;
}

/** The coach's output verbs (src/Okr.Domain/Coaching/OkrCoach.cs): work, which belongs in an initiative. */
export const activityVerbs: ReadonlySet<string> = new Set([
  'launch', 'build', 'implement', 'ship', 'release', 'create', 'develop', 'deliver', 'complete', 'finish',
  'write', 'design', 'deploy', 'publish', 'migrate', 'introduce', 'instrument', 'hold', 'organise', 'organize',
  'start', 'roll out', 'set up', 'kick off',
]);

/** The first word (or two) of a title is an activity verb: "Launch the onboarding", "Roll out SSO". */
export function startsWithActivityVerb(title: string): string | null {
  const words = (title.match(/\p{L}+/gu) ?? []).slice(0, 2).map((w) => w.toLowerCase());
  if (words.length === 0) return null;
  if (words.length > 1 && activityVerbs.has(`${words[0]} ${words[1]}`)) return `${words[0]} ${words[1]}`;
  return activityVerbs.has(words[0]!) ? words[0]! : null;
}

/** Verbs of direction without a destination (OkrCoach.VagueVerbs): "Improve onboarding" names an area, not an outcome. */
export const vagueVerbs: ReadonlySet<string> = new Set([
  'improve', 'increase', 'enhance', 'optimise', 'optimize', 'better', 'boost', 'grow', 'support', 'maintain',
  'continue', 'streamline', 'strengthen', 'work on', 'focus on',
]);

/** Two words or fewer, or a vague verb with at most four words in all (the server's objective.vague_title). */
export function isVague(title: string): boolean {
  const words = (title.match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase());
  if (words.length === 0) return false;
  if (words.length <= 2) return true;
  return (vagueVerbs.has(words[0]!) || vagueVerbs.has(`${words[0]} ${words[1]}`)) && words.length <= 4;
}

export function objectiveHints(title: string): Hint[] {
  const hints: Hint[] = [];
  if (isVague(title)) {
    hints.push({
      ruleId: 'objective.vague_title',
      severity: 'WARNING',
      message: `“${title.trim()}” names an area to work on, not what will be true: say the outcome, e.g. “New customers succeed on their own in their first week”.`,
    });
  }
  if (/\d/.test(title)) {
    hints.push({
      ruleId: 'objective.title_has_numbers',
      severity: 'WARNING',
      message: 'The title carries numbers: an objective is the qualitative why; put the numbers in key results.',
    });
  }
  return hints;
}

export interface MeasureDraft {
  title: string;
  metricKind: MetricKind;
  direction: Direction;
  baseline: number | null;
  target: number | null;
  /** The person has been to the target field (or tried to save): only then is a missing target worth saying. */
  targetVisited?: boolean;
}

export function keyResultHints(draft: MeasureDraft): Hint[] {
  const hints: Hint[] = [];
  const verb = startsWithActivityVerb(draft.title);
  if (verb) {
    hints.push({
      ruleId: 'key_result.activity_phrasing',
      severity: 'WARNING',
      message: `“${verb[0]!.toUpperCase()}${verb.slice(1)} …” reads as an activity (an output). Say what outcome it should change, and track the work as an initiative.`,
    });
  }
  if (draft.metricKind !== 'MILESTONE') {
    if (draft.target === null) {
      if (draft.title.trim() && draft.targetVisited) {
        hints.push({ ruleId: 'key_result.not_measurable', severity: 'ERROR', message: 'Set a target: without one, progress cannot be measured.' });
      }
    } else if ((draft.direction === 'INCREASE' || draft.direction === 'DECREASE') && draft.target === (draft.baseline ?? 0)) {
      hints.push({ ruleId: 'key_result.not_measurable', severity: 'ERROR', message: 'The target equals the baseline: there is no movement to measure.' });
    }
  }
  return hints;
}

/** The measure in words: "Increase from 20 to 60 tickets", "Stay at or above 95%", "From not done to done". */
export function describeMeasure(m: {
  metricKind: MetricKind;
  direction: Direction;
  baseline: number | null;
  target: number | null;
  unitLabel?: string | null;
  currencyCode?: string | null;
}): string {
  if (m.metricKind === 'MILESTONE') return 'From not done to done';
  const value = (v: number | null) => (v === null ? '?' : formatValue(v, m.metricKind, m.unitLabel, m.currencyCode || 'USD'));
  switch (m.direction) {
    case 'INCREASE':
      return `Increase from ${value(m.baseline ?? 0)} to ${value(m.target)}`;
    case 'DECREASE':
      return `Decrease from ${value(m.baseline ?? 0)} to ${value(m.target)}`;
    case 'STAY_AT_LEAST':
      return `Stay at or above ${value(m.target)}`;
    case 'STAY_AT_MOST':
      return `Stay at or below ${value(m.target)}`;
  }
}

/** What is wrong with a measure before it is sent (the server refuses the same with 422). */
export function measureProblem(m: { metricKind: MetricKind; direction: Direction; baseline: number | null; target: number | null }): string | null {
  if (m.metricKind === 'MILESTONE') return null;
  if (m.metricKind === 'PERCENTAGE' && ((m.baseline ?? 0) < 0 || (m.target ?? 0) < 0)) return 'A percentage cannot be negative.';
  if (m.baseline !== null && m.target !== null) {
    if (m.direction === 'INCREASE' && m.target < m.baseline) return `An increase cannot target ${m.target}, below its baseline ${m.baseline}: choose “Decrease”.`;
    if (m.direction === 'DECREASE' && m.target > m.baseline) return `A decrease cannot target ${m.target}, above its baseline ${m.baseline}: choose “Increase”.`;
  }
  if ((m.direction === 'STAY_AT_LEAST' || m.direction === 'STAY_AT_MOST') && m.target === null) return 'Give the threshold to stay at as the target.';
  return null;
}
