import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderWithApp } from '../../components/exec/testing';
import type { AdminGettingStartedQuery } from '../../graphql/generated';
import { GettingStarted, setupSteps } from './GettingStarted';

const graphqlMock = vi.fn();
vi.mock('../../api/graphql', () => ({
  graphql: (...args: unknown[]) => graphqlMock(...args),
}));

const state = ({
  periods = 0,
  units = 0,
  people = 1,
  invited = 0,
  years = 0,
  objectives = 0,
  placed = 0,
  active = false,
}): AdminGettingStartedQuery => ({
  periods: [
    ...Array.from({ length: years }, (_, i) => ({
      id: `y${i}`,
      kind: 'YEAR' as const,
      state: 'PLANNING' as const,
    })),
    ...Array.from({ length: periods }, (_, i) => ({
      id: `p${i}`,
      kind: 'QUARTER' as const,
      state: active && i === 0 ? ('ACTIVE' as const) : ('PLANNING' as const),
    })),
  ],
  organization: {
    id: 'org',
    company: {
      id: 'co',
      descendants: Array.from({ length: units }, (_, i) => ({
        id: `u${i}`,
        members: i < placed ? [{ person: { id: `person${i}` } }] : [],
      })),
    },
  },
  objectives: { totalCount: objectives },
  people: Array.from({ length: people }, (_, i) => ({ id: `person${i}` })),
  invitations: Array.from({ length: invited }, (_, i) => ({ id: `i${i}` })),
});

beforeEach(() => graphqlMock.mockReset());

describe('setupSteps', () => {
  it('marks a step done once the organisation has it', () => {
    const done = (s: Parameters<typeof state>[0]) => Object.fromEntries(setupSteps(state(s)).map((step) => [step.key, step.done]));
    expect(done({})).toEqual({ period: false, units: false, people: false, objectives: false, placed: false, activate: false });
    expect(done({ years: 1 })).toMatchObject({ period: false }); // a year alone is not something to set OKRs for
    expect(done({ years: 1, periods: 2 })).toMatchObject({ period: true, units: false, people: false, activate: false });
    expect(done({ units: 1 })).toMatchObject({ units: true });
    expect(done({ invited: 1 })).toMatchObject({ people: true }); // an invitation sent counts: they join later
    expect(done({ people: 2 })).toMatchObject({ people: true });
    expect(done({ objectives: 1 })).toMatchObject({ objectives: true });
    expect(done({ units: 3 })).toMatchObject({ placed: false }); // units with nobody in them
    expect(done({ units: 3, placed: 1 })).toMatchObject({ placed: true });
    expect(done({ periods: 1, active: true })).toMatchObject({ activate: true });
  });
});

describe('GettingStarted', () => {
  it('shows a new organisation what is left, each with the way to do it', async () => {
    graphqlMock.mockResolvedValue(state({ periods: 1 }));
    renderWithApp(<GettingStarted />);

    const card = await screen.findByRole('region', { name: 'Get started' });
    expect(card).toHaveTextContent('Create the year and its first quarter (done)');
    expect(screen.queryByRole('link', { name: /New period/ })).toBeNull();
    expect(screen.getAllByRole('link', { name: /^Units/ }).map((l) => l.getAttribute('href'))).toEqual(['/admin?tab=units', '/admin?tab=units']);
    expect(screen.getByRole('link', { name: /Invitations/ })).toHaveAttribute('href', '/admin?tab=invitations');
  });

  it('stays after the first three steps while there are no objectives, nobody in a unit and the quarter in planning', async () => {
    graphqlMock.mockResolvedValue(state({ periods: 1, units: 3, people: 4 }));
    renderWithApp(<GettingStarted />);

    const card = await screen.findByRole('region', { name: 'Get started' });
    expect(card).toHaveTextContent('Invite your colleagues (done)');
    expect(screen.getByRole('link', { name: /The company’s OKRs/ })).toHaveAttribute('href', '/units/co');
    expect(screen.getByRole('link', { name: /Periods/ })).toHaveAttribute('href', '/periods');
  });

  it('steps aside once everything is set up', async () => {
    graphqlMock.mockResolvedValue(state({ periods: 1, units: 3, people: 4, objectives: 5, placed: 2, active: true }));
    renderWithApp(<GettingStarted />);
    await waitFor(() => expect(graphqlMock).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20)); // the answer has arrived and rendered
    expect(screen.queryByRole('region', { name: 'Get started' })).toBeNull();
  });
});
