import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiException } from '../../api/okr-client';
import { renderWithProviders } from '../../components/week/testing';
import { PeriodsDocument } from '../../graphql/documents/Periods';
import { kr, me, mine } from './fixtures';
import MyWeekPage from './MyWeekPage';

const graphqlMock = vi.fn();
const recordCheckIn = vi.fn();
vi.mock('../../api/graphql', () => ({ graphql: (...args: unknown[]) => graphqlMock(...args) }));
vi.mock('../../api/rest', () => ({ api: { keyResults: { recordCheckIn: (...args: unknown[]) => recordCheckIn(...args) } } }));
vi.mock('../../auth/session', () => ({ useMember: () => ({ ...me, isAdmin: false, displayName: 'Morgan Member' }) }));

const periods = { periods: [{ id: 'q4', name: 'Q4 2026', kind: 'QUARTER', state: 'ACTIVE', start: '2026-10-01', end: '2026-12-31', parent: null }] };

function serve(myKeyResults: ReturnType<typeof mine>) {
  graphqlMock.mockImplementation(async (document: unknown) =>
    document === PeriodsDocument ? periods : { organization: { settings: { checkInCadenceDays: 7, stalenessGraceDays: 3 } }, myKeyResults },
  );
}

beforeEach(() => {
  graphqlMock.mockReset();
  recordCheckIn.mockReset();
});

// Typing through Mantine inputs is slow in jsdom on a busy machine.
describe('MyWeekPage', { timeout: 45_000 }, () => {
  it('shows each key result with its objective, status, value against target and what is due', async () => {
    serve(mine([kr('a', { title: 'Pay down tech debt', lastCheckInAt: '2026-11-10T10:00:00Z' }), kr('b', { title: 'Ship weekly' })]));
    renderWithProviders(<MyWeekPage />);
    const cards = await screen.findAllByTestId('my-key-result');
    expect(cards).toHaveLength(2);
    const first = within(cards[0]!);
    expect(first.getByText('Pay down tech debt')).toBeInTheDocument();
    expect(first.getByRole('link', { name: 'Objective eng' })).toHaveAttribute('href', '/objectives/eng');
    expect(first.getByText('Due')).toBeInTheDocument();
    expect(first.getByText('At risk')).toBeInTheDocument();
    expect(first.getByText('4 items')).toBeInTheDocument();
    expect(first.getByText(/Check-in due/)).toBeInTheDocument();
    expect(within(cards[1]!).queryByText('Due')).not.toBeInTheDocument();
    expect(within(cards[1]!).getByText(/Next check-in due in 4 days/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'No changes to check in' })).toBeDisabled();
    expect(screen.queryByText('Your week is done')).toBeNull(); // one is still due
  });

  it('says when the week is done, and not before', async () => {
    serve(mine([kr('b', { title: 'Ship weekly' }), kr('c', { title: 'Also checked in', lastCheckInAt: '2026-11-21T10:00:00Z' })]));
    renderWithProviders(<MyWeekPage />);
    expect(await screen.findByText('Your week is done')).toBeInTheDocument();
    expect(screen.getByText(/The next check-in is due in 4 days/)).toBeInTheDocument();
  });

  it('checks in several key results in one keyboard pass, and keeps a refused row as typed', async () => {
    serve(mine([kr('a', { title: 'Pay down tech debt', version: 4 }), kr('b', { title: 'Ship weekly' }), kr('c', { title: 'Untouched' })]));
    recordCheckIn.mockImplementation(async (id: string) => {
      if (id === 'a')
        throw new ApiException('Unprocessable Content', 422, JSON.stringify({
          title: "The value moves against the key result's direction (4 → 3): add a narrative saying why.",
          code: 'check_in.narrative_required',
        }), {}, null);
      return {};
    });
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<MyWeekPage />);
    const [a, b] = await screen.findAllByTestId('my-key-result');

    // value → confidence → narrative → the next key result's value, by Tab alone.
    const valueA = within(a!).getByLabelText('Value (items)');
    await user.click(valueA);
    await user.keyboard('{Control>}a{/Control}3');
    await user.tab();
    expect(within(a!).getByRole('radio', { name: '7' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    await user.tab();
    expect(within(a!).getByLabelText('Narrative')).toHaveFocus();
    await user.tab();
    const valueB = within(b!).getByLabelText('Value (items)');
    expect(valueB).toHaveFocus();
    await user.keyboard('{Control>}a{/Control}6');
    await user.tab();
    await user.tab();
    await user.keyboard('Two releases this week.');

    expect(screen.getByRole('button', { name: 'Check in 2 key results' })).toBeEnabled();
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(recordCheckIn).toHaveBeenCalledTimes(2));
    expect(recordCheckIn).toHaveBeenCalledWith('a', { value: 3, confidence: 6, narrative: undefined, blockers: undefined });
    expect(recordCheckIn).toHaveBeenCalledWith('b', { value: 6, confidence: 7, narrative: 'Two releases this week.', blockers: undefined });

    expect(await screen.findByText(/Checked in 1 key result; statuses are updated\. 1 needs your attention/)).toBeInTheDocument();
    expect(within(a!).getByText(/add a narrative saying why/)).toBeInTheDocument();
    expect(within(a!).getByLabelText('Value (items)')).toHaveValue('3');
    expect(within(a!).getByRole('radio', { name: '6' })).toBeChecked();
    expect(within(b!).getByText('✓ Checked in')).toBeInTheDocument();
    // The statuses are read again from the server.
    await waitFor(() => expect(graphqlMock.mock.calls.filter(([doc]) => doc !== PeriodsDocument).length).toBeGreaterThanOrEqual(2));
    expect(screen.getByRole('button', { name: 'Check in 1 key result' })).toBeEnabled();
  });

  it('says when nothing is yours, and where to look instead', async () => {
    serve(mine([]));
    renderWithProviders(<MyWeekPage />);
    expect(await screen.findByText('No key results are yours this period')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Product Engineering’s page' })).toHaveAttribute('href', '/units/u-eng');
    expect(screen.getByRole('link', { name: 'company dashboard' })).toHaveAttribute('href', '/dashboard');
  });

  it('says what went wrong when the key results cannot be loaded', async () => {
    graphqlMock.mockImplementation(async (document: unknown) => {
      if (document === PeriodsDocument) return periods;
      throw new (await import('../../api/http')).ApiError('The server cannot be reached. Check your connection and try again.', 0);
    });
    renderWithProviders(<MyWeekPage />);
    expect(await screen.findByText('Your key results could not be loaded')).toBeInTheDocument();
    expect(screen.getByText('The server cannot be reached. Check your connection and try again.')).toBeInTheDocument();
  });
});
