import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { renderWithProviders } from '../../components/week/testing';
import type { ObjectivePageQuery } from '../../graphql/generated';
import ObjectivePage from './ObjectivePage';

type Objective = NonNullable<ObjectivePageQuery['objective']>;
type KeyResult = Objective['keyResults'][number];

const graphqlMock = vi.fn();
const deleteComment = vi.fn();
const updateComment = vi.fn();
vi.mock('../../api/graphql', () => ({ graphql: (...args: unknown[]) => graphqlMock(...args) }));
vi.mock('../../api/rest', () => ({
  api: { keyResults: { recordCheckIn: vi.fn() }, comments: { createComment: vi.fn(), updateComment: (...a: unknown[]) => updateComment(...a), deleteComment: (...a: unknown[]) => deleteComment(...a) } },
}));
vi.mock('../../auth/session', () => ({
  useMember: () => ({ personId: 'p-morgan', isAdmin: false, displayName: 'Morgan', memberships: [{ unitId: 'u-eng', unitName: 'Product Engineering', isLead: false }] }),
}));

const person = (id: string, displayName: string) => ({ id, displayName });

function keyResult(id: string, overrides: Partial<KeyResult> = {}): KeyResult {
  return {
    id, version: 2, title: `Key result ${id}`, description: null, metricKind: 'NUMBER', direction: 'INCREASE', currencyCode: null, unitLabel: 'items',
    baseline: 0, baselineMeasuredAt: '2026-09-30', baselineMethod: 'Jira', target: 41, currentValue: 26, currentValueDate: '2026-11-19', weight: 1, isFinancial: false,
    latestConfidence: 8, owner: person('p-morgan', 'Morgan Member'), owningUnit: { id: 'u-eng', name: 'Product Engineering', ancestors: [{ id: 'u-acme' }] },
    progress: 0.63, expectedProgress: 0.57, status: 'ON_TRACK', lastCheckInAt: '2026-11-19T10:00:00Z', checkInCount: 2,
    grade: null, computedGrade: null, gradeOverride: null, gradeOverrideReason: null,
    forecast: { projectedValue: 48.3, projectedProgress: 1, trendingToMiss: false, slopePerDay: 0.52 },
    checkIns: [
      { id: 'c2', value: 26, progress: 0.63, confidence: 8, reportedStatus: null, narrative: 'Moved from 22 to 26.', blockers: null, nextSteps: null, recordedAt: '2026-11-19T10:00:00Z', effectiveDate: '2026-11-19', author: person('p-morgan', 'Morgan Member') },
      { id: 'c1', value: 22, progress: 0.54, confidence: 8, reportedStatus: null, narrative: 'Moved from 18 to 22.', blockers: 'Waiting on QA', nextSteps: null, recordedAt: '2026-11-12T10:00:00Z', effectiveDate: '2026-11-12', author: person('p-morgan', 'Morgan Member') },
    ],
    annotations: [{ id: 'a1', date: '2026-10-25', text: 'New flow shipped', kind: 'CHANGE' }],
    kpis: [{ id: 'k1', name: 'Open CMO bugs', description: null, unitLabel: 'bugs', direction: 'LOWER_IS_BETTER', healthyMin: null, healthyMax: 20, latestValue: { date: '2026-11-19', value: 24, healthy: false, source: 'Jira' }, values: [] }],
    initiatives: [{ id: 'i1', title: 'Export pipeline rewrite', status: 'BLOCKED', dueDate: null, owner: person('p-dev', 'Dev'), externalReference: { system: 'Jira', key: 'PE-188', url: 'https://jira.example/PE-188' } }],
    ...overrides,
  };
}

function objective(overrides: Partial<Objective> = {}): Objective {
  return {
    id: 'o1', version: 1, title: 'Build irreplaceable products', description: 'Ship what CMOs cannot get elsewhere.', type: 'COMMITTED', state: 'ACTIVE', visibility: 'PUBLIC',
    successCriteria: 'CMOs renew because of us.', targetAudience: null, risks: 'Tech debt.', dependencies: null, createdAt: '2026-09-20T10:00:00Z', activatedAt: '2026-10-01T10:00:00Z', closedAt: null, asOf: null,
    period: { id: 'q4', name: 'Q4 2026', state: 'ACTIVE', start: '2026-10-01', end: '2026-12-31' },
    owningUnit: { id: 'u-eng', name: 'Product Engineering', ancestors: [{ id: 'u-acme' }] }, owner: person('p-dev', 'Dev Malhotra'),
    focusArea: { id: 'f1', title: 'Win the CMO', description: null }, rolledOverFrom: { id: 'o0', title: 'Earlier objective', period: { name: 'Q3 2026' } },
    progress: 0.6, expectedProgress: 0.57, status: 'ON_TRACK', grade: null, computedGrade: null, gradeOverride: null, gradeOverrideReason: null, retrospective: null,
    raci: [{ role: 'ACCOUNTABLE', person: person('p-avery', 'Avery Admin') }, { role: 'CONSULTED', person: person('p-lee', 'Lee Lead') }],
    parents: [{ id: 'al1', kind: 'CONTRIBUTES', weight: 2, counted: true, parent: { id: 'o-company', title: 'Make it easy to buy', status: 'AT_RISK', owningUnit: { name: 'Acme' } }, parentKeyResult: null }],
    children: [], hiddenChildCount: 1, isFollowedByMe: false, followerCount: 2,
    comments: [
      { id: 'm1', version: 3, text: 'Mine to change.', createdAt: '2026-11-20T10:00:00Z', editedAt: null, author: person('p-morgan', 'Morgan Member') },
      { id: 'm2', version: 1, text: 'Someone else’s.', createdAt: '2026-11-21T10:00:00Z', editedAt: null, author: person('p-lee', 'Lee Lead') },
    ],
    keyResults: [keyResult('kr1'), keyResult('kr2', { title: 'Sales-owned key result', owner: person('p-sam', 'Sam'), owningUnit: { id: 'u-sales', name: 'Sales', ancestors: [] } })],
    ...overrides,
  };
}

function renderPage(route = '/objectives/o1') {
  return renderWithProviders(
    <Routes>
      <Route path="/objectives/:objectiveId" element={<ObjectivePage />} />
    </Routes>,
    { route },
  );
}

beforeEach(() => {
  graphqlMock.mockReset();
  deleteComment.mockReset();
  updateComment.mockReset();
});

describe('ObjectivePage', { timeout: 20_000 }, () => {
  it('shows the objective, its alignment, RACI, and each key result with KPIs, initiatives and history', async () => {
    graphqlMock.mockResolvedValue({ objective: objective() });
    renderPage();
    expect(await screen.findByRole('heading', { name: 'Build irreplaceable products' })).toBeInTheDocument();
    expect(graphqlMock).toHaveBeenCalledWith(expect.anything(), { id: 'o1', asOf: null }, expect.anything());
    expect(screen.getByText('CMOs renew because of us.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Make it easy to buy' })).toHaveAttribute('href', '/objectives/o-company');
    expect(screen.getByText(/contributes, weight 2/)).toBeInTheDocument();
    expect(screen.getByText(/1 restricted objective you cannot see/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Earlier objective' })).toHaveAttribute('href', '/objectives/o0');
    expect(screen.getByText('Avery Admin')).toBeInTheDocument();

    const [mine, sales] = screen.getAllByTestId('key-result-section');
    const section = within(mine!);
    expect(section.getByText('Open CMO bugs')).toBeInTheDocument();
    expect(section.getByText('Outside band')).toBeInTheDocument();
    expect(section.getByText(/healthy at 20 bugs or less/)).toBeInTheDocument();
    expect(section.getByText('Blocked')).toBeInTheDocument();
    expect(section.getByRole('link', { name: 'Jira PE-188' })).toHaveAttribute('href', 'https://jira.example/PE-188');
    expect(section.getByText(/New flow shipped/)).toBeInTheDocument();
    // The overview has no history and no form: those are on the Check-ins tab.
    expect(section.queryByRole('table')).not.toBeInTheDocument();
    expect(section.queryByRole('form')).not.toBeInTheDocument();
    expect(within(sales!).getByText('Sales-owned key result')).toBeInTheDocument();

    await userEvent.setup({ delay: null }).click(screen.getByRole('tab', { name: 'Check-ins (4)' }));
    const [mineCheckIns, salesCheckIns] = await screen.findAllByTestId('key-result-section');
    const history = within(mineCheckIns!).getByRole('table', { name: 'Check-in history (2)' });
    expect(within(history).getAllByRole('row')).toHaveLength(3);
    expect(within(history).getByText('Waiting on QA')).toBeInTheDocument();
    // The check-in form only where the person may check in.
    expect(within(mineCheckIns!).getByRole('form', { name: 'Check in on Key result kr1' })).toBeInTheDocument();
    expect(within(salesCheckIns!).queryByRole('form')).not.toBeInTheDocument();
  });

  it('opens on the comments when a link (a notification) points at them', async () => {
    graphqlMock.mockResolvedValue({ objective: objective() });
    renderPage('/objectives/o1#comments');
    expect(await screen.findAllByTestId('comment')).toHaveLength(2);
    expect(screen.getByRole('tab', { name: /^Comments and history/ })).toHaveAttribute('aria-selected', 'true');
  });

  it('explains its status by the key results that set it', async () => {
    graphqlMock.mockResolvedValue({
      objective: objective({ status: 'AT_RISK', keyResults: [keyResult('kr1'), keyResult('kr2', { title: 'Renewals signed', status: 'AT_RISK' })] }),
    });
    renderPage();
    expect(await screen.findByTestId('status-reason')).toHaveTextContent('At risk because KR2 “Renewals signed” is at risk.');
  });

  it('re-reads the objective as it stood on a past day, without check-in forms', async () => {
    graphqlMock.mockResolvedValue({ objective: objective({ asOf: '2026-11-01T23:59:59Z' }) });
    renderPage('/objectives/o1?asOf=2026-11-01');
    expect(await screen.findByText('As it stood at the end of 1 Nov 2026')).toBeInTheDocument();
    expect(graphqlMock).toHaveBeenCalledWith(expect.anything(), { id: 'o1', asOf: '2026-11-01T23:59:59Z' }, expect.anything());
    await userEvent.setup({ delay: null }).click(screen.getByRole('tab', { name: /^Check-ins/ }));
    await screen.findAllByRole('table');
    expect(screen.queryByRole('form', { name: /Check in on/ })).not.toBeInTheDocument();
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Back to today' }));
    await waitFor(() => expect(graphqlMock).toHaveBeenLastCalledWith(expect.anything(), { id: 'o1', asOf: null }, expect.anything()));
  });

  it('lets people edit and delete only their own comments', async () => {
    graphqlMock.mockResolvedValue({ objective: objective() });
    deleteComment.mockResolvedValue(undefined);
    renderPage('/objectives/o1?tab=activity');
    const [mine, theirs] = await screen.findAllByTestId('comment');
    expect(within(theirs!).queryByRole('button', { name: /Edit|Delete/ })).not.toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(within(mine!).getByRole('button', { name: /^Delete your comment/ }));
    await user.click(within(mine!).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(deleteComment).toHaveBeenCalledWith('m1', '"3"'));
  });

  it('edits a comment with its version, and keeps what was typed when someone changed it meanwhile', async () => {
    const { ApiError } = await import('../../api/http');
    graphqlMock.mockResolvedValue({ objective: objective() });
    updateComment.mockRejectedValue(new ApiError('This Comment changed since you read it. Reload it and try again.', 412, 'CONFLICT'));
    renderPage('/objectives/o1?tab=activity');
    const [mine] = await screen.findAllByTestId('comment');
    const user = userEvent.setup({ delay: null });
    await user.click(within(mine!).getByRole('button', { name: /^Edit your comment/ }));
    const box = within(mine!).getByRole('textbox', { name: 'Edit your comment' });
    await user.clear(box);
    await user.type(box, 'Mine, rewritten.');
    const reads = graphqlMock.mock.calls.length;
    await user.click(within(mine!).getByRole('button', { name: 'Save' }));

    expect(await within(mine!).findByRole('alert')).toHaveTextContent('changed since you read it');
    expect(updateComment).toHaveBeenCalledWith('m1', { text: 'Mine, rewritten.' }, '"3"');
    expect(within(mine!).getByRole('textbox', { name: 'Edit your comment' })).toHaveValue('Mine, rewritten.');
    await waitFor(() => expect(graphqlMock.mock.calls.length).toBeGreaterThan(reads)); // re-read, so trying again sends the current version
  });

  it('says so when the objective does not exist or is hidden', async () => {
    const { ApiError } = await import('../../api/http');
    graphqlMock.mockRejectedValue(new ApiError('Objective not found.', 200, 'NOT_FOUND'));
    renderPage();
    expect(await screen.findByText('This objective does not exist, or it is not visible to you')).toBeInTheDocument();
  });
});
