import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { api } from '../../api/rest';
import { ApiError } from '../../api/http';
import { renderWithApp } from '../../components/exec/testing';
import { LifecycleCard } from './LifecycleCard';
import { RoadmapCard } from './RoadmapCard';
import { currentQuarter, nextYear, quarterOf, quarterToPlan } from './NewPeriodModal';
import PeriodsPage, { periodTree } from './PeriodsPage';
import { ExecPeriodDocument } from '../../graphql/documents/ExecPeriod';
import { PeriodsDocument } from '../../graphql/documents/Periods';

const graphqlMock = vi.fn();
vi.mock('../../api/graphql', () => ({ graphql: (...args: unknown[]) => graphqlMock(...args) }));
vi.mock('../../auth/session', () => ({
  useMember: () => ({ personId: 'p-avery', isAdmin: true, organizationId: 'org', organizationName: 'Acme', memberships: [] }),
}));
vi.mock('../../api/rest', () => ({
  api: {
    periods: {
      getPeriod: vi.fn(),
      markCheckpoint: vi.fn(),
      addCheckpoint: vi.fn(),
      startPeriodReview: vi.fn(),
      activatePeriod: vi.fn(),
      reopenPeriod: vi.fn(),
    },
  },
}));
const periods = vi.mocked(api.periods);

const period = {
  id: 'q4',
  version: 4,
  name: 'Q4 2026',
  kind: 'QUARTER' as const,
  state: 'ACTIVE' as const,
  start: '2026-10-01',
  end: '2026-12-31',
  expectedProgress: 0.58,
  parent: { id: 'fy', name: 'FY2026' },
  checkpoints: [
    { id: 'c1', name: 'Alignment review', date: '2026-10-01', done: true },
    { id: 'c2', name: 'Mid-quarter review', date: '2026-11-15', done: false },
    { id: 'c3', name: 'Grading due', date: '2026-12-31', done: false },
  ],
};

beforeEach(() => {
  vi.clearAllMocks();
});

describe('RoadmapCard', () => {
  it('shows why the server refused to mark a checkpoint', async () => {
    const user = userEvent.setup();
    periods.markCheckpoint.mockRejectedValue(new ApiError('Only admins and unit leads mark checkpoints.', 403, 'FORBIDDEN'));
    renderWithApp(<RoadmapCard period={period} today="2026-11-22" canManage={false} canMark />);
    await user.click(screen.getByRole('checkbox', { name: 'Grading due done' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Only admins and unit leads mark checkpoints.');
  });

  it('classifies each checkpoint and marks one done with the period’s version', async () => {
    const user = userEvent.setup();
    periods.markCheckpoint.mockResolvedValue({} as never);
    renderWithApp(<RoadmapCard period={period} today="2026-11-22" canManage canMark />);
    expect(screen.getAllByTestId('checkpoint-state').map((b) => b.textContent)).toEqual(['Done', 'Overdue', 'Upcoming']);
    expect(screen.getByText('15 Nov 2026 · 7 days late')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Mid-quarter review done' }));
    expect(periods.markCheckpoint).toHaveBeenCalledWith('q4', 'c2', { done: true }, '"4"');
  });

  it('asks for a name and a date before adding a checkpoint', async () => {
    const user = userEvent.setup();
    renderWithApp(<RoadmapCard period={period} today="2026-11-22" canManage canMark />);
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Name the checkpoint.')).toBeInTheDocument();
    expect(screen.getByText('Pick its date.')).toBeInTheDocument();
    expect(periods.addCheckpoint).not.toHaveBeenCalled();
  });

  it('is read-only for people who neither lead a unit nor administer', () => {
    renderWithApp(<RoadmapCard period={period} today="2026-11-22" canManage={false} canMark={false} />);
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByText('Add a checkpoint')).not.toBeInTheDocument();
    expect(screen.getByText('Admins and unit leads keep the roadmap up to date.')).toBeInTheDocument();
  });
});

describe('LifecycleCard', () => {
  it('explains the next step and asks before taking it', async () => {
    const user = userEvent.setup();
    periods.startPeriodReview.mockResolvedValue({} as never);
    renderWithApp(<LifecycleCard period={period} isAdmin onStartClose={() => {}} />);
    expect(screen.getByText(/The cycle runs: key results are checked in every week./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start the review' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('teams grade their key results');
    await user.click(within(dialog).getByRole('button', { name: 'Start the review' }));
    expect(periods.startPeriodReview).toHaveBeenCalledWith('q4', '"4"');
  });

  it('offers closing and reopening in review, nothing to non-admins', () => {
    const { unmount } = renderWithApp(<LifecycleCard period={{ ...period, state: 'REVIEW' }} isAdmin onStartClose={() => {}} />);
    expect(screen.getByRole('button', { name: 'Close the period…' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reopen' })).toBeInTheDocument();
    unmount();
    renderWithApp(<LifecycleCard period={{ ...period, state: 'REVIEW' }} isAdmin={false} onStartClose={() => {}} />);
    for (const name of ['Close the period…', 'Reopen', 'Start the review', 'Activate the period'])
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    expect(screen.getByText('Admins move the period through its lifecycle.')).toBeInTheDocument();
  });
});

describe('PeriodsPage', () => {
  it('sends the version GraphQL reports for the period in If-Match, with no REST read for it', async () => {
    const user = userEvent.setup();
    graphqlMock.mockImplementation(async (document: unknown) => {
      if (document === PeriodsDocument)
        return { periods: [{ id: 'q4', name: 'Q4 2026', kind: 'QUARTER', state: 'ACTIVE', start: '2026-10-01', end: '2026-12-31', parent: null }] };
      if (document === ExecPeriodDocument) return { period: { ...period, version: 11 } };
      throw new Error('unexpected document');
    });
    periods.startPeriodReview.mockResolvedValue({} as never);
    periods.markCheckpoint.mockResolvedValue({} as never);
    renderWithApp(<PeriodsPage />, { url: '/periods?period=q4' });

    await user.click(await screen.findByRole('checkbox', { name: 'Mid-quarter review done' }));
    expect(periods.markCheckpoint).toHaveBeenCalledWith('q4', 'c2', { done: true }, '"11"');
    await user.click(screen.getByRole('button', { name: 'Start the review' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Start the review' }));
    expect(periods.startPeriodReview).toHaveBeenCalledWith('q4', '"11"');
    expect(periods.getPeriod).not.toHaveBeenCalled();
  });

  it('reads the period again when its version was stale, so trying again sends the current one', async () => {
    const user = userEvent.setup();
    let version = 11;
    graphqlMock.mockImplementation(async (document: unknown) => {
      if (document === PeriodsDocument)
        return { periods: [{ id: 'q4', name: 'Q4 2026', kind: 'QUARTER', state: 'ACTIVE', start: '2026-10-01', end: '2026-12-31', parent: null }] };
      if (document === ExecPeriodDocument) return { period: { ...period, version } };
      throw new Error('unexpected document');
    });
    periods.markCheckpoint.mockImplementationOnce(async () => {
      version = 12;
      throw new ApiError('This Period changed since you read it (you have version 11, the current one is 12). Reload it and try again.', 412, 'CONFLICT');
    });
    periods.markCheckpoint.mockResolvedValueOnce({} as never);
    renderWithApp(<PeriodsPage />, { url: '/periods?period=q4' });

    await user.click(await screen.findByRole('checkbox', { name: 'Mid-quarter review done' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This Period changed since you read it');
    await user.click(screen.getByRole('checkbox', { name: 'Mid-quarter review done' }));
    expect(periods.markCheckpoint).toHaveBeenLastCalledWith('q4', 'c2', { done: true }, '"12"');
  });
});

describe('new periods', () => {
  it('fills a quarter’s dates from its fiscal year', () => {
    expect(quarterOf({ start: '2027-01-01', end: '2027-12-31' }, 2)).toEqual({ start: '2027-04-01', end: '2027-06-30', name: 'Q2 2027' });
    expect(quarterOf({ start: '2026-04-01', end: '2027-03-31' }, 4)).toEqual({ start: '2027-01-01', end: '2027-03-31', name: 'Q4 2027' });
  });
  it('proposes the year after the latest', () => {
    expect(nextYear([{ start: '2026-01-01', end: '2026-12-31' }, { start: '2027-01-01', end: '2027-12-31' }], '2026-11-22')).toEqual({
      start: '2028-01-01',
      end: '2028-12-31',
      name: 'FY2028',
    });
  });
  it('lists years newest first, each with its quarters in order, periods without a year last', () => {
    const p = (id: string, kind: 'YEAR' | 'QUARTER' | 'CUSTOM', start: string, parent: string | null = null) => ({
      id,
      name: id,
      kind,
      state: 'ACTIVE' as const,
      start,
      end: start,
      parent: parent ? { id: parent } : null,
    });
    const tree = periodTree([p('q4', 'QUARTER', '2026-10-01', 'fy26'), p('fy26', 'YEAR', '2026-01-01'), p('q3', 'QUARTER', '2026-07-01', 'fy26'), p('fy27', 'YEAR', '2027-01-01'), p('e2e', 'CUSTOM', '2026-11-22')]);
    expect(tree.map((t) => `${t.depth}:${t.period.id}`)).toEqual(['0:fy27', '0:fy26', '1:q3', '1:q4', '0:e2e']);
  });
});

describe('the first period', () => {
  it('is the fiscal year running today, from the organisation’s start month', () => {
    expect(nextYear([], '2026-11-22')).toEqual({ start: '2026-01-01', end: '2026-12-31', name: 'FY2026' });
    expect(nextYear([], '2026-11-22', 4)).toEqual({ start: '2026-04-01', end: '2027-03-31', name: 'FY2027' });
    expect(nextYear([], '2026-02-10', 4)).toEqual({ start: '2025-04-01', end: '2026-03-31', name: 'FY2026' });
  });
  it('is the next fiscal year when the running one is nearly over (signing up in December)', () => {
    expect(nextYear([], '2026-12-07')).toEqual({ start: '2027-01-01', end: '2027-12-31', name: 'FY2027' });
    expect(nextYear([], '2026-12-01')).toEqual({ start: '2026-01-01', end: '2026-12-31', name: 'FY2026' }); // 30 days left
    expect(nextYear([], '2027-03-10', 4)).toEqual({ start: '2027-04-01', end: '2028-03-31', name: 'FY2028' });
  });
  it('plans today’s quarter, or the next one when today’s ends within 30 days', () => {
    const fy26 = { start: '2026-01-01', end: '2026-12-31' };
    expect(quarterToPlan(fy26, '2026-11-22')).toBe(4); // 39 days left
    expect(quarterToPlan(fy26, '2026-09-07')).toBe(4); // Q3 has 23 days left
    expect(quarterToPlan(fy26, '2026-08-15')).toBe(3);
    expect(quarterToPlan(fy26, '2026-12-07')).toBeNull(); // the first quarter of the next year
    expect(quarterToPlan({ start: '2027-01-01', end: '2027-12-31' }, '2026-12-07')).toBe(1);
  });
  it('then the quarter of that year that contains today', () => {
    expect(currentQuarter({ start: '2026-01-01', end: '2026-12-31' }, '2026-11-22')).toBe(4);
    expect(currentQuarter({ start: '2026-04-01', end: '2027-03-31' }, '2026-11-22')).toBe(3);
    expect(currentQuarter({ start: '2027-01-01', end: '2027-12-31' }, '2026-11-22')).toBe(1);
  });
});

describe('the new period form', () => {
  const fy = { id: 'fy26', name: 'FY2026', kind: 'YEAR' as const, state: 'ACTIVE' as const, start: '2026-01-01', end: '2026-12-31', parent: null };

  it('in December, proposes the first quarter of the next year and says why', async () => {
    const { NewPeriodModal } = await import('./NewPeriodModal');
    const fy27 = { ...fy, id: 'fy27', name: 'FY2027', state: 'PLANNING' as const, start: '2027-01-01', end: '2027-12-31' };
    renderWithApp(<NewPeriodModal opened onClose={() => {}} periods={[fy, fy27]} onCreated={() => {}} today="2026-12-07" />);

    const dialog = await screen.findByRole('dialog', { name: 'New period' });
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('Q1 2027');
    expect(within(dialog).getByLabelText('In the year')).toHaveValue('FY2027');
    expect(within(dialog).getByRole('note')).toHaveTextContent('Q4 ends in 24 days, so the next quarter is proposed');
  });

  it('in December without a next year, says to create it first', async () => {
    const { NewPeriodModal } = await import('./NewPeriodModal');
    renderWithApp(<NewPeriodModal opened onClose={() => {}} periods={[fy]} onCreated={() => {}} today="2026-12-07" />);

    const dialog = await screen.findByRole('dialog', { name: 'New period' });
    expect(within(dialog).getByRole('note')).toHaveTextContent('Q4 ends in 24 days: create the next year first');
  });

  it('proposes the current quarter of the year, and keeps a year when going back from Year to Quarter', async () => {
    const { NewPeriodModal } = await import('./NewPeriodModal');
    const user = userEvent.setup({ delay: null });
    renderWithApp(<NewPeriodModal opened onClose={() => {}} periods={[fy]} onCreated={() => {}} today="2026-11-22" />);

    const dialog = await screen.findByRole('dialog', { name: 'New period' });
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('Q4 2026');
    await user.click(within(dialog).getByText('Year'));
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('FY2027');
    await user.click(within(dialog).getByText('Quarter'));
    expect(within(dialog).getByLabelText('In the year')).toHaveValue('FY2026');
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Q4 2026');
  });
});
