import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../components/exec/testing';
import { fill, problem } from '../../components/plan/testing';
import { ReminderSettingsAdmin } from './ReminderSettingsAdmin';

const graphqlMock = vi.fn();
const changeReminderSettings = vi.fn();
vi.mock('../../api/graphql', () => ({ graphql: (...args: unknown[]) => graphqlMock(...args) }));
vi.mock('../../api/rest', () => ({
  api: { organizations: { changeReminderSettings: (...a: unknown[]) => changeReminderSettings(...a) } },
}));

const reminders = { enabled: false, dayOfWeek: 'MONDAY', hour: 9, secondNudge: true, escalateAfterMissedCycles: 2, timeZone: 'UTC' };
const organization = (version: number, extra: Partial<typeof reminders> = {}) => ({
  organization: { id: 'org', version, name: 'Acme', settings: {}, reminders: { ...reminders, ...extra } },
});

beforeEach(() => {
  graphqlMock.mockReset();
  changeReminderSettings.mockReset();
});

describe('ReminderSettingsAdmin', { timeout: 60_000 }, () => {
  it('turns reminders on and saves the whole schedule with the organisation’s version in If-Match', async () => {
    const user = userEvent.setup({ delay: null });
    graphqlMock.mockResolvedValue(organization(4));
    changeReminderSettings.mockImplementation(async () => graphqlMock.mockResolvedValue(organization(5, { enabled: true, escalateAfterMissedCycles: 3 })));
    renderWithApp(<ReminderSettingsAdmin />);

    const escalate = await screen.findByRole('textbox', { name: 'Tell the unit’s lead after (missed cycles)' });
    expect(escalate).toBeDisabled();
    await user.click(screen.getByRole('switch', { name: /Remind DRIs to check in/ }));
    expect(escalate).toBeEnabled();
    await fill(user, escalate, '3');
    await user.click(screen.getByRole('button', { name: 'Save reminders' }));

    await waitFor(() =>
      expect(changeReminderSettings).toHaveBeenCalledWith('org', { ...reminders, enabled: true, escalateAfterMissedCycles: 3 }, '"4"'),
    );
    expect(await screen.findByRole('status')).toHaveTextContent('Saved. Reminders go on this schedule from the next cycle.');
  });

  it('refuses a missing number before sending, and shows the server’s refusal of a time zone on its field', async () => {
    const user = userEvent.setup({ delay: null });
    graphqlMock.mockResolvedValue(organization(4, { enabled: true }));
    renderWithApp(<ReminderSettingsAdmin />);
    const escalate = await screen.findByRole('textbox', { name: 'Tell the unit’s lead after (missed cycles)' });
    await waitFor(() => expect(escalate).toHaveValue('2'));
    await user.clear(escalate);
    await user.click(screen.getByRole('button', { name: 'Save reminders' }));
    expect(await screen.findByText('A whole number from 0 (never) to 52.')).toBeInTheDocument();
    expect(changeReminderSettings).not.toHaveBeenCalled();

    changeReminderSettings.mockRejectedValueOnce(
      problem(400, { title: 'The request has invalid fields.', errors: { timeZone: ['Give an IANA time zone such as Europe/Paris or America/New_York.'] } }),
    );
    await fill(user, escalate, '2');
    await user.click(screen.getByRole('button', { name: 'Save reminders' }));
    expect(await screen.findByText('Give an IANA time zone such as Europe/Paris or America/New_York.')).toBeInTheDocument();
  });
});
