import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../components/week/testing';
import { ObjectiveHistory, HistoryEntryItem, fieldLabel, valueText, type HistoryEntry } from './ObjectiveHistory';

const graphqlMock = vi.fn();
vi.mock('../../api/graphql', () => ({ graphql: (...args: unknown[]) => graphqlMock(...args) }));

const edit: HistoryEntry = {
  id: 'e2',
  at: '2026-11-20T14:05:00Z',
  kind: 'OBJECTIVE_UPDATED',
  entityType: 'Objective',
  summary: 'Objective updated: Title, Success criteria',
  actor: { id: 'p-lee', displayName: 'Lee Lead' },
  changes: [
    { field: 'title', before: 'Make onboarding effortless', after: 'Make onboarding delightful' },
    { field: 'successCriteria', before: null, after: 'New users finish setup alone.' },
  ],
};

const checkIn: HistoryEntry = {
  id: 'e1',
  at: '2026-11-19T09:00:00Z',
  kind: 'CHECK_IN_RECORDED',
  entityType: 'CheckIn',
  summary: 'Check-in on “Week-one activation rises”: 31 (confidence 7)',
  actor: null,
  changes: [],
};

const page = (nodes: HistoryEntry[], endCursor: string | null, hasNextPage: boolean) => ({
  objective: { id: 'o1', history: { nodes, pageInfo: { hasNextPage, endCursor } } },
});

beforeEach(() => graphqlMock.mockReset());

describe('HistoryEntryItem', () => {
  it('says who changed what, when, and each field as before → after', () => {
    renderWithProviders(<HistoryEntryItem entry={edit} />);

    expect(screen.getByText('Objective updated: Title, Success criteria')).toBeInTheDocument();
    expect(screen.getByText('Objective updated')).toBeInTheDocument(); // the kind's badge
    expect(screen.getByText(/Lee Lead/)).toHaveTextContent('Lee Lead · 20 Nov 2026, 14:05 UTC');
    const fields = within(screen.getByRole('list', { name: 'Changed fields' })).getAllByRole('listitem');
    expect(fields[0]).toHaveTextContent('Title: Make onboarding effortless → Make onboarding delightful');
    expect(fields[1]).toHaveTextContent('Success criteria: New users finish setup alone.');
  });

  it('names the system when no one is the actor', () => {
    renderWithProviders(<HistoryEntryItem entry={checkIn} />);
    expect(screen.getByText(/The system/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Changed fields' })).not.toBeInTheDocument();
  });
});

describe('ObjectiveHistory', { timeout: 20_000 }, () => {
  it('shows the newest changes and more on demand', async () => {
    graphqlMock.mockResolvedValueOnce(page([edit], 'c1', true)).mockResolvedValueOnce(page([checkIn], 'c2', false));
    renderWithProviders(<ObjectiveHistory objectiveId="o1" />);

    expect(await screen.findByText('Objective updated: Title, Success criteria')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show more' }));

    expect(await screen.findByText('Check-in on “Week-one activation rises”: 31 (confidence 7)')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
    expect(graphqlMock).toHaveBeenLastCalledWith(expect.anything(), { id: 'o1', first: 20, after: 'c1' }, expect.anything());
  });

  it('says so when nothing was recorded, and shows errors', async () => {
    graphqlMock.mockResolvedValueOnce(page([], null, false));
    const { unmount } = renderWithProviders(<ObjectiveHistory objectiveId="o1" />);
    expect(await screen.findByText(/No changes recorded yet/)).toBeInTheDocument();
    unmount();

    graphqlMock.mockRejectedValueOnce(new Error('Network down'));
    renderWithProviders(<ObjectiveHistory objectiveId="o1" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The history could not be loaded');
  });
});

describe('labels', () => {
  it('reads field names and values as words', () => {
    expect(fieldLabel('successCriteria')).toBe('Success criteria');
    expect(fieldLabel('ownerId')).toBe('Owner');
    expect(valueText(null)).toBe('–');
    expect(valueText('2026-11-20')).toBe('20 Nov 2026');
    expect(valueText('42')).toBe('42');
    expect(valueText('OnTrack')).toBe('On track');
    expect(valueText('NotStarted')).toBe('Not started');
    expect(valueText('Dana Whitfield')).toBe('Dana Whitfield');
  });
});
