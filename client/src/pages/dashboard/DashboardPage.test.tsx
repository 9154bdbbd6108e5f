import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { graphql } from '../../api/graphql';
import { ApiError } from '../../api/http';
import type { ExecDashboardQuery, ExecUnitSectionsQuery } from '../../graphql/generated';
import { ExecDashboardDocument } from '../../graphql/documents/ExecDashboard';
import { ExecUnitSectionsDocument } from '../../graphql/documents/ExecUnitSections';
import { ExecUnitsDocument } from '../../graphql/documents/ExecUnits';
import { PeriodsDocument } from '../../graphql/documents/Periods';
import { renderWithApp } from '../../components/exec/testing';
import DashboardPage from './DashboardPage';
import { verdict } from './Headline';

vi.mock('../../api/graphql', () => ({ graphql: vi.fn() }));
const graphqlMock = vi.mocked(graphql);

const counts = (c: Partial<Record<'notStarted' | 'onTrack' | 'atRisk' | 'offTrack' | 'stale' | 'achieved' | 'missed', number>>) => ({
  notStarted: 0,
  onTrack: 0,
  atRisk: 0,
  offTrack: 0,
  stale: 0,
  achieved: 0,
  missed: 0,
  ...c,
});

const flagged = (id: string, status: 'AT_RISK' | 'OFF_TRACK' | 'STALE', narrative: string | null, extra: object = {}) => ({
  status,
  progress: 0.3,
  expectedProgress: 0.58,
  latestNarrative: narrative,
  latestBlockers: null,
  latestCheckInDate: '2026-11-19',
  keyResult: {
    id,
    title: `Key result ${id}`,
    latestConfidence: 5,
    owner: { id: 'p1', displayName: 'Sam Okafor' },
    owningUnit: { id: 'sales', name: 'Global Sales' },
    objective: { id: `objective-of-${id}`, title: `Objective of ${id}` },
  },
  ...extra,
});

const dashboard: NonNullable<ExecDashboardQuery['dashboard']> = {
  unit: { id: 'acme', name: 'Acme', kind: 'COMPANY' },
  includeDescendants: true,
  asOf: null,
  evaluatedAt: '2026-11-22T10:00:00Z',
  progress: 0.7,
  expectedProgress: 0.58,
  objectiveCount: 8,
  keyResultCount: 27,
  hiddenObjectiveCount: 0,
  objectivesByStatus: counts({ onTrack: 4, atRisk: 3, offTrack: 1 }),
  keyResultsByStatus: counts({ onTrack: 21, atRisk: 4, offTrack: 1, stale: 1 }),
  atRisk: [flagged('kr-risk', 'AT_RISK', 'One Tier 1 deal slipped a month.', { latestBlockers: 'Security reviews' })],
  offTrack: [flagged('kr-off', 'OFF_TRACK', 'The campaign list is still waiting on the export.', { keyResult: { ...flagged('kr-off', 'OFF_TRACK', null).keyResult, latestConfidence: 3, owner: { id: 'p2', displayName: 'Priya Raman' } } })],
  stale: [flagged('kr-stale', 'STALE', null, { latestCheckInDate: '2026-11-05' })],
  checkInCompliance: 0.9629,
  blockedInitiatives: [
    {
      id: 'i1',
      title: 'One-to-few campaign playbook',
      dueDate: '2026-11-30',
      owner: { id: 'p2', displayName: 'Priya Raman' },
      unit: { id: 'cm', name: 'Customer Marketing' },
      externalReference: { system: 'Jira', key: 'MKT-42', url: 'https://jira.example/MKT-42' },
      keyResults: [{ id: 'kr-off', title: 'Key result kr-off', objective: { id: 'objective-of-kr-off', title: 'Objective of kr-off' } }],
    },
  ],
  upcomingCheckpoints: [{ id: 'c1', name: 'Grading due', date: '2026-12-31', done: false }],
  overdueCheckpoints: [{ id: 'c2', name: 'Mid-quarter review', date: '2026-11-15', done: false }],
};

const objective = (id: string, title: string, status: 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK', state: 'ACTIVE' | 'DRAFT' = 'ACTIVE') => ({
  id,
  title,
  state,
  type: 'COMMITTED' as const,
  status,
  progress: 0.6,
  owner: null,
});
const sections: NonNullable<ExecUnitSectionsQuery['okrTree']> = {
  evaluatedAt: '2026-11-22T10:00:00Z',
  expectedProgress: 0.58,
  units: [
    { id: 'acme', name: 'Acme', kind: 'COMPANY', parentId: null, depth: 0, progress: 0.66, progressWithDescendants: 0.7, hiddenObjectiveCount: 0, objectives: [objective('o-acme', 'Make it easy to buy', 'AT_RISK')] },
    {
      id: 'mkt',
      name: 'Marketing',
      kind: 'DEPARTMENT',
      parentId: 'acme',
      depth: 1,
      progress: 0.6,
      progressWithDescendants: 0.6,
      hiddenObjectiveCount: 1,
      objectives: [objective('o-mkt', 'Marketing enables Customer Success', 'OFF_TRACK'), objective('o-draft', 'A draft', 'ON_TRACK', 'DRAFT')],
    },
  ],
};

function serve({ dashboardError }: { dashboardError?: Error } = {}) {
  graphqlMock.mockImplementation((async (document: unknown) => {
    if (document === PeriodsDocument)
      return { periods: [{ id: 'q4', name: 'Q4 2026', kind: 'QUARTER', state: 'ACTIVE', start: '2026-10-01', end: '2026-12-31', parent: null }] };
    if (document === ExecUnitsDocument)
      return { okrTree: { units: sections.units.map(({ id, name, kind, parentId, depth }) => ({ id, name, kind, parentId, depth })) } };
    if (document === ExecDashboardDocument) {
      if (dashboardError) throw dashboardError;
      return { organization: { settings: { checkInCadenceDays: 7 } }, dashboard };
    }
    if (document === ExecUnitSectionsDocument) return { okrTree: sections };
    throw new Error(`unexpected document ${String(document)}`);
  }) as typeof graphql);
}

beforeEach(() => {
  graphqlMock.mockReset();
});

describe('the company dashboard', () => {
  it('leads with the answer: progress against plan and what needs attention', async () => {
    serve();
    renderWithApp(<DashboardPage />, { url: '/dashboard' });
    expect(await screen.findByTestId('verdict')).toHaveTextContent('4 of 8 objectives need attention');
    expect(screen.getByText('1 off track, 3 at risk; 4 on track.')).toBeInTheDocument();
    expect(screen.getByTestId('overall-progress')).toHaveTextContent('70%');
    expect(screen.getByText(/12 points ahead of where the plan expects/)).toBeInTheDocument();
  });

  it('counts objectives by status, and a click filters the units to that status', async () => {
    serve();
    const user = userEvent.setup();
    renderWithApp(<DashboardPage />, { url: '/dashboard' });
    const onTrack = await screen.findByRole('button', { name: '4 objectives on track (click to show only these)' });
    expect(onTrack).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: /^3 objectives at risk/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^0 objectives stale/ })).toBeInTheDocument();

    const units = await screen.findByRole('region', { name: 'Acme' });
    expect(within(units).getByText('Make it easy to buy')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^1 objectives off track/ }));
    expect(screen.getByText(/Showing only objectives that are/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Acme' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Marketing' })).getByText('Marketing enables Customer Success')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all' }));
    expect(await screen.findByRole('region', { name: 'Acme' })).toBeInTheDocument();
  });

  it('lists what is at risk and why: off track first, with the narratives, blockers, owner and confidence', async () => {
    serve();
    renderWithApp(<DashboardPage />, { url: '/dashboard' });
    const attention = await screen.findByRole('region', { name: 'Needs attention, and why' });
    const items = within(attention).getAllByRole('article');
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual(['Key result kr-off', 'Key result kr-risk', 'Key result kr-stale']);
    expect(within(items[0]!).getByText('The campaign list is still waiting on the export.')).toBeInTheDocument();
    expect(within(items[0]!).getByText('Priya Raman')).toBeInTheDocument();
    expect(within(items[0]!).getByText('3/10')).toBeInTheDocument();
    expect(within(items[1]!).getByText('Security reviews')).toBeInTheDocument();
    expect(within(items[2]!).getByText('No narrative with the latest check-in.')).toBeInTheDocument();
    expect(within(items[0]!).getByRole('link', { name: 'Open the objective →' })).toHaveAttribute('href', '/objectives/objective-of-kr-off');
  });

  it('shows check-in compliance, blocked initiatives and the checkpoints', async () => {
    serve();
    renderWithApp(<DashboardPage />, { url: '/dashboard' });
    const compliance = await screen.findByRole('region', { name: 'Check-in compliance' });
    expect(within(compliance).getByText('96%')).toBeInTheDocument();
    expect(within(compliance).getByText('this week')).toBeInTheDocument();
    const blocked = screen.getByRole('region', { name: /Blocked initiatives/ });
    expect(within(blocked).getByText('One-to-few campaign playbook')).toBeInTheDocument();
    expect(within(blocked).getByRole('link', { name: 'Jira MKT-42' })).toHaveAttribute('href', 'https://jira.example/MKT-42');
    const checkpoints = screen.getByRole('region', { name: 'Checkpoints of Q4 2026' });
    expect(within(checkpoints).getByText(/Overdue · 15 Nov 2026/)).toBeInTheDocument();
    expect(within(checkpoints).getByText('Grading due')).toBeInTheDocument();
  });

  it('has one section per unit with its counted objectives, drafts and restricted ones apart', async () => {
    serve();
    renderWithApp(<DashboardPage />, { url: '/dashboard' });
    const marketing = await screen.findByRole('region', { name: 'Marketing' });
    expect(within(marketing).getByText(/Department in Acme · 1 objective · 1 draft · 1 restricted/)).toBeInTheDocument();
    expect(within(marketing).queryByText('A draft')).not.toBeInTheDocument();
    expect(within(marketing).getByRole('link', { name: 'Marketing enables Customer Success' })).toHaveAttribute('href', '/objectives/o-mkt');
  });

  it('asks for the state as of a past day, and says so plainly', async () => {
    serve();
    renderWithApp(<DashboardPage />, { url: '/dashboard?asOf=2026-11-01' });
    expect(await screen.findByText(/Showing the state as of/)).toHaveTextContent('Showing the state as of 1 Nov 2026');
    await waitFor(() =>
      expect(graphqlMock).toHaveBeenCalledWith(ExecDashboardDocument, expect.objectContaining({ periodId: 'q4', unitId: null, includeDescendants: true, asOf: '2026-11-01T23:59:59Z' })),
    );
    // No unit in the URL: the company, the server's default, asked for beside the unit list rather than after it.
    expect(graphqlMock).toHaveBeenCalledWith(ExecUnitSectionsDocument, expect.objectContaining({ asOf: '2026-11-01T23:59:59Z', rootUnitId: null }));
    expect(screen.getByRole('button', { name: 'Back to now' })).toBeInTheDocument();
  });

  it('shows a server refusal in words', async () => {
    serve({ dashboardError: new ApiError('You are not allowed to see this unit.', 403, 'FORBIDDEN') });
    renderWithApp(<DashboardPage />, { url: '/dashboard' });
    expect(await screen.findByRole('alert')).toHaveTextContent('You are not allowed to see this unit.');
  });
});

describe('verdict', () => {
  it('says all is on track when nothing needs attention', () => {
    expect(verdict(counts({ onTrack: 3 }))).toMatchObject({ tone: 'good', title: 'All 3 objectives on track' });
  });
  it('reads a closed period by achieved and missed', () => {
    expect(verdict(counts({ achieved: 5, missed: 2 }))).toMatchObject({ tone: 'warning', title: '5 of 7 objectives achieved' });
  });
  it('warns without red when nothing is off track', () => {
    expect(verdict(counts({ onTrack: 2, stale: 1 }))).toMatchObject({ tone: 'warning', title: '1 of 3 objectives need attention' });
  });
});
