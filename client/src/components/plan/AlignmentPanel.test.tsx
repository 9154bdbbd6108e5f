import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../exec/testing';
import type { PlanObjectiveFragment } from '../../graphql/generated';
import { PeriodsDocument } from '../../graphql/documents/Periods';
import { PlanAlignmentCandidatesDocument } from '../../graphql/documents/PlanAlignmentCandidates';
import { AlignmentPanel } from './AlignmentPanel';

Element.prototype.scrollIntoView ??= () => {};

const graphqlMock = vi.fn();
const { objectives } = vi.hoisted(() => ({ objectives: { alignObjective: vi.fn(), removeAlignment: vi.fn() } }));
vi.mock('../../api/graphql', () => ({ graphql: (...args: unknown[]) => graphqlMock(...args) }));
vi.mock('../../api/rest', () => ({ api: { objectives } }));

const periods = [
  { id: 'fy27', name: 'FY2027', kind: 'YEAR', state: 'PLANNING', start: '2027-01-01', end: '2027-12-31', parent: null },
  { id: 'q1', name: 'Q1 2027', kind: 'QUARTER', state: 'PLANNING', start: '2027-01-01', end: '2027-03-31', parent: { id: 'fy27' } },
];
const yearObjective = {
  id: 'grow',
  title: 'Double recurring revenue',
  state: 'ACTIVE',
  owningUnit: { id: 'acme', name: 'Acme' },
  keyResults: [{ id: 'arr', title: 'ARR from 10 to 20 M' }],
};
const draft = { id: 'mine', parents: [] } as unknown as PlanObjectiveFragment;

let yearObjectives: (typeof yearObjective)[] = [];
beforeEach(() => {
  yearObjectives = [yearObjective];
  graphqlMock.mockReset();
  graphqlMock.mockImplementation(async (document: unknown, variables: { withYear?: boolean; yearId?: string }) => {
    if (document === PeriodsDocument) return { periods };
    if (document === PlanAlignmentCandidatesDocument)
      return {
        objectives: { totalCount: 0, nodes: [] },
        ...(variables.withYear ? { yearObjectives: { totalCount: yearObjectives.length, nodes: yearObjectives } } : {}),
      };
    throw new Error('unexpected document');
  });
  objectives.alignObjective.mockReset();
});

describe('AlignmentPanel', { timeout: 20_000 }, () => {
  it('planning the next quarter before the company has objectives in it, aligns to the year’s', async () => {
    const user = userEvent.setup({ delay: null });
    objectives.alignObjective.mockResolvedValue({});
    renderWithApp(<AlignmentPanel objective={draft} periodId="q1" canEdit onChanged={async () => {}} />);

    await user.click(screen.getByRole('button', { name: 'Align to a parent' }));
    await waitFor(() =>
      expect(graphqlMock).toHaveBeenCalledWith(PlanAlignmentCandidatesDocument, { periodId: 'q1', yearId: 'fy27', withYear: true, text: null }),
    );
    await user.click(screen.getByLabelText('Parent objective', { selector: 'input' }));
    const listbox = await screen.findByRole('listbox', { hidden: true });
    expect(within(listbox).getByText('FY2027')).toBeInTheDocument();
    await user.click(within(listbox).getByRole('option', { name: 'Double recurring revenue — Acme', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Align' }));
    await waitFor(() =>
      expect(objectives.alignObjective).toHaveBeenCalledWith('mine', { parentObjectiveId: 'grow', parentKeyResultId: undefined, kind: 'CONTRIBUTES', weight: 1 }),
    );
  });

  it('says plainly when there is nothing to align to yet', async () => {
    yearObjectives = [];
    const user = userEvent.setup({ delay: null });
    renderWithApp(<AlignmentPanel objective={draft} periodId="q1" canEdit onChanged={async () => {}} />);

    await user.click(screen.getByRole('button', { name: 'Align to a parent' }));
    expect(await screen.findByRole('note')).toHaveTextContent('Q1 2027 and FY2027 have no draft or active objective to align to yet');
  });
});
