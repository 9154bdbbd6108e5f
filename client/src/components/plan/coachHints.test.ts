import { describe, expect, it } from 'vitest';
import { describeMeasure, isVague, keyResultHints, measureProblem, objectiveHints, startsWithActivityVerb } from './coachHints';

const kr = (over: Partial<Parameters<typeof keyResultHints>[0]>) =>
  keyResultHints({ title: 'Weekly active Tier 1 customers', metricKind: 'NUMBER', direction: 'INCREASE', baseline: 20, target: 60, ...over });

describe('objective hints', () => {
  it('flags numbers in an objective title', () => {
    expect(objectiveHints('Win 3 flagship CMOs').map((h) => h.ruleId)).toEqual(['objective.title_has_numbers']);
  });
  it('says nothing about a qualitative title', () => {
    expect(objectiveHints('Win the flagship CMOs')).toEqual([]);
  });
});

describe('key result hints', () => {
  it.each([
    ['Launch the CMO onboarding', 'launch'],
    ['build a dashboard', 'build'],
    ['Implement SSO', 'implement'],
    ['Ship v2', 'ship'],
    ['Roll out the new pricing', 'roll out'],
    ['  "Set up" the pipeline', 'set up'],
  ])('“%s” starts with the activity verb %s', (title, verb) => {
    expect(startsWithActivityVerb(title)).toBe(verb);
  });

  it.each(['Flagship CMOs onboarded on their own', 'Shipping costs fall to 3%', 'Launches per quarter rise to 4', ''])('“%s” is not an activity', (title) => {
    expect(startsWithActivityVerb(title)).toBeNull();
  });

  it('flags an activity, in the words of the coach', () => {
    const hints = kr({ title: 'Launch the CMO onboarding' });
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ ruleId: 'key_result.activity_phrasing', severity: 'WARNING' });
    expect(hints[0]!.message).toMatch(/^“Launch …” reads as an activity/);
  });

  it('flags a target equal to the baseline for increase and decrease, not for stay-at', () => {
    expect(kr({ baseline: 40, target: 40 }).map((h) => h.ruleId)).toEqual(['key_result.not_measurable']);
    expect(kr({ direction: 'DECREASE', baseline: 40, target: 40 }).map((h) => h.ruleId)).toEqual(['key_result.not_measurable']);
    expect(kr({ direction: 'STAY_AT_LEAST', baseline: 40, target: 40 })).toEqual([]);
  });

  it('treats a missing baseline as 0, as the server does', () => {
    expect(kr({ baseline: null, target: 0 })[0]!.message).toBe('The target equals the baseline: there is no movement to measure.');
  });

  it('asks for a target once there is a title and the person has reached the field, never for a milestone', () => {
    expect(kr({ target: null, targetVisited: true })[0]!.message).toBe('Set a target: without one, progress cannot be measured.');
    expect(kr({ target: null })).toEqual([]); // still typing the title
    expect(kr({ title: '', target: null, targetVisited: true })).toEqual([]);
    expect(kr({ metricKind: 'MILESTONE', baseline: null, target: null, targetVisited: true })).toEqual([]);
  });

  it('says nothing about a measurable outcome', () => {
    expect(kr({})).toEqual([]);
  });
});

describe('the measure in words', () => {
  it.each([
    [{ metricKind: 'NUMBER', direction: 'INCREASE', baseline: 20, target: 60 }, 'Increase from 20 to 60'],
    [{ metricKind: 'NUMBER', direction: 'DECREASE', baseline: 378, target: 250, unitLabel: 'tickets' }, 'Decrease from 378 tickets to 250 tickets'],
    [{ metricKind: 'PERCENTAGE', direction: 'STAY_AT_LEAST', baseline: null, target: 95 }, 'Stay at or above 95%'],
    [{ metricKind: 'CURRENCY', direction: 'INCREASE', baseline: 1000, target: 5000, currencyCode: 'EUR' }, 'Increase from €1,000 to €5,000'],
    [{ metricKind: 'MILESTONE', direction: 'INCREASE', baseline: 0, target: 1 }, 'From not done to done'],
  ] as const)('%o → %s', (measure, words) => {
    expect(describeMeasure(measure)).toBe(words);
  });

  it('refuses the combinations the server refuses', () => {
    expect(measureProblem({ metricKind: 'NUMBER', direction: 'INCREASE', baseline: 60, target: 20 })).toMatch(/choose “Decrease”/);
    expect(measureProblem({ metricKind: 'NUMBER', direction: 'DECREASE', baseline: 20, target: 60 })).toMatch(/choose “Increase”/);
    expect(measureProblem({ metricKind: 'PERCENTAGE', direction: 'INCREASE', baseline: -1, target: 20 })).toMatch(/cannot be negative/);
    expect(measureProblem({ metricKind: 'NUMBER', direction: 'STAY_AT_MOST', baseline: 2, target: null })).toMatch(/threshold/);
    expect(measureProblem({ metricKind: 'MILESTONE', direction: 'INCREASE', baseline: null, target: null })).toBeNull();
  });
});

describe('a vague objective title', () => {
  it('is flagged as the server flags it: a short title, or a vague verb with few words', () => {
    expect(isVague('Improve onboarding')).toBe(true);
    expect(isVague('Work on retention')).toBe(true);
    expect(isVague('Onboarding')).toBe(true);
    expect(isVague('Improve onboarding so new customers succeed in week one')).toBe(false);
    expect(isVague('Delight our customers')).toBe(false);
    expect(isVague('')).toBe(false);
    expect(objectiveHints('Improve onboarding').map((h) => h.ruleId)).toEqual(['objective.vague_title']);
  });
});
