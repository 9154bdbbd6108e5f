import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiException } from '../../api/okr-client';
import { CheckInForm } from './CheckInForm';
import type { CheckInTarget } from './checkIn';
import { renderWithProviders } from './testing';

const recordCheckIn = vi.fn();
vi.mock('../../api/rest', () => ({ api: { keyResults: { recordCheckIn: (...args: unknown[]) => recordCheckIn(...args) } } }));

function keyResult(overrides: Partial<CheckInTarget> = {}): CheckInTarget {
  return {
    id: 'kr-1',
    version: 3,
    title: 'Pay down 41 tech debt items',
    metricKind: 'NUMBER',
    direction: 'INCREASE',
    currencyCode: null,
    unitLabel: 'items',
    baseline: 0,
    target: 41,
    currentValue: 26,
    latestConfidence: 8,
    ...overrides,
  };
}

function renderForm(kr: CheckInTarget) {
  const { queryClient } = renderWithProviders(<CheckInForm keyResult={kr} />);
  const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
  return { invalidate, user: userEvent.setup({ delay: null }) };
}

const problem = (status: number, body: object) => new ApiException('Unprocessable Content', status, JSON.stringify(body), {}, null);

beforeEach(() => recordCheckIn.mockReset());

describe('CheckInRow', { timeout: 20_000 }, () => {
  it('starts from the current value and confidence, and sends only once something changed', async () => {
    recordCheckIn.mockResolvedValue({});
    const { user, invalidate } = renderForm(keyResult());
    const value = screen.getByLabelText('Value (items)');
    expect(value).toHaveValue('26');
    const send = screen.getByRole('button', { name: 'Check in' });
    expect(send).toBeDisabled();

    await user.clear(value);
    await user.type(value, '28');
    await user.click(screen.getByRole('radio', { name: '9' }));
    await user.type(screen.getByLabelText('Narrative'), 'Closed two more items.');
    await user.click(send);

    await waitFor(() => expect(recordCheckIn).toHaveBeenCalledTimes(1));
    expect(recordCheckIn).toHaveBeenCalledWith('kr-1', { value: 28, confidence: 9, narrative: 'Closed two more items.', blockers: undefined });
    expect(await screen.findByText('✓ Checked in')).toBeInTheDocument();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['okr'] });
  });

  it('checks in a milestone with a Done switch, and sends blockers only when written', async () => {
    recordCheckIn.mockResolvedValue({});
    const { user } = renderForm(keyResult({ metricKind: 'MILESTONE', unitLabel: null, baseline: 0, target: 1, currentValue: 0, latestConfidence: null }));
    expect(screen.queryByRole('textbox', { name: /Value/ })).not.toBeInTheDocument();
    const done = screen.getByRole('switch', { name: 'Done' });
    expect(done).not.toBeChecked();
    await user.click(done);
    expect(done).toBeChecked();

    // Blockers are collapsed until asked for.
    const toggle = screen.getByRole('button', { name: 'Add blockers' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    await user.type(screen.getByLabelText('Blockers'), 'Waiting for the Pendo licence.');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(recordCheckIn).toHaveBeenCalledTimes(1));
    expect(recordCheckIn.mock.calls[0]![1]).toEqual({ value: 1, confidence: 5, narrative: undefined, blockers: 'Waiting for the Pendo licence.' });
  });

  it('shows the narrative-required refusal next to the narrative and keeps everything typed', async () => {
    recordCheckIn.mockRejectedValueOnce(
      problem(422, {
        title: 'With this value the key result is off track: add a narrative saying why and what happens next.',
        status: 422,
        code: 'check_in.narrative_required',
      }),
    );
    const { user } = renderForm(keyResult());
    const value = screen.getByLabelText('Value (items)');
    await user.clear(value);
    await user.type(value, '5');
    await user.click(screen.getByRole('radio', { name: '3' }));
    await user.click(screen.getByRole('button', { name: 'Check in' }));

    const narrative = screen.getByLabelText('Narrative');
    await waitFor(() => expect(narrative).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText(/add a narrative saying why/)).toBeInTheDocument();
    // Nothing the person entered is lost, and the narrative is where the cursor goes.
    expect(value).toHaveValue('5');
    expect(screen.getByRole('radio', { name: '3' })).toBeChecked();
    await waitFor(() => expect(narrative).toHaveFocus());

    // Writing the narrative clears the message; the retry sends it all.
    recordCheckIn.mockResolvedValueOnce({});
    await user.type(narrative, 'A release broke the counter; fixing it this week.');
    expect(screen.queryByText(/add a narrative saying why/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Check in' }));
    await waitFor(() => expect(recordCheckIn).toHaveBeenCalledTimes(2));
    expect(recordCheckIn.mock.calls[1]![1]).toEqual({
      value: 5,
      confidence: 3,
      narrative: 'A release broke the counter; fixing it this week.',
      blockers: undefined,
    });
  });

  it('shows any other refusal in words next to the row', async () => {
    recordCheckIn.mockRejectedValueOnce(problem(403, { title: 'You can check in on key results you own, that your unit owns, or that you lead.', status: 403, code: 'FORBIDDEN' }));
    const { user } = renderForm(keyResult());
    await user.type(screen.getByLabelText('Narrative'), 'Still 26.');
    await user.click(screen.getByRole('button', { name: 'Check in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You can check in on key results you own, that your unit owns, or that you lead.');
    expect(screen.getByLabelText('Narrative')).toHaveValue('Still 26.');
  });
});
