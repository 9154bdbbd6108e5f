import { describe, expect, it } from 'vitest';
import type { PlanObjectiveFragment } from '../../graphql/generated';
import { activationConcerns } from './ObjectiveCard';

type Parents = PlanObjectiveFragment['parents'];
const parent = (title: string, state: 'DRAFT' | 'ACTIVE') =>
  ({ id: `a-${title}`, kind: 'CONTRIBUTES', weight: 1, counted: true, parent: { id: title, title, state, owningUnit: { id: 'acme', name: 'Acme' } }, parentKeyResult: null }) as Parents[number];
const team = { ancestors: [{ id: 'acme', name: 'Acme' }] };
const company = { ancestors: [] };

describe('activationConcerns', () => {
  it('has nothing to ask of an aligned objective with no open findings in an active period', () => {
    expect(activationConcerns({ parents: [parent('Grow', 'ACTIVE')] }, [{ severity: 'INFO', message: 'Consider a stretch target' }], team, 'ACTIVE')).toEqual([]);
  });

  it('names open findings, no alignment, a draft parent and a period in planning', () => {
    const findings = [
      { severity: 'WARNING' as const, message: 'The title reads like a task' },
      { severity: 'ERROR' as const, message: 'No key results' },
    ];
    expect(activationConcerns({ parents: [] }, findings, team, 'PLANNING')).toEqual([
      'The coach has 2 open findings on it: “The title reads like a task” and more.',
      'It is not aligned to anything above it: nobody will see what it moves.',
      'The period is still in planning: other teams may still be drafting and aligning.',
    ]);
    expect(activationConcerns({ parents: [parent('Grow', 'DRAFT')] }, [], team, 'ACTIVE')).toEqual([
      'Its parent “Grow” is still a draft and may still change.',
    ]);
  });

  it('does not ask the company to align above itself', () => {
    expect(activationConcerns({ parents: [] }, [], company, 'ACTIVE')).toEqual([]);
  });
});
