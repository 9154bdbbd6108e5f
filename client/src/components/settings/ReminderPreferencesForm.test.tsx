import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../exec/testing';
import { problem } from '../plan/testing';
import { ReminderPreferencesForm } from './ReminderPreferencesForm';

const graphqlMock = vi.fn();
const changeMyReminderPreferences = vi.fn();
vi.mock('../../api/graphql', () => ({ graphql: (...args: unknown[]) => graphqlMock(...args) }));
vi.mock('../../api/rest', () => ({
  api: { people: { changeMyReminderPreferences: (...a: unknown[]) => changeMyReminderPreferences(...a) } },
}));

const answer = (version: number, timeZone: string | null, remindersPausedUntil: string | null, enabled = true) => ({
  me: {
    reminderPreferences: { version, timeZone, remindersPausedUntil },
    organization: { id: 'org', reminders: { enabled, dayOfWeek: 'MONDAY', hour: 9, timeZone: 'Europe/Paris' } },
  },
});

/** The time zone select's input (its listbox is labelled by the same label). */
const zoneInput = () => screen.getAllByLabelText('Your time zone').find((el) => el.tagName === 'INPUT');

beforeEach(() => {
  graphqlMock.mockReset();
  changeMyReminderPreferences.mockReset();
});

describe('ReminderPreferencesForm', { timeout: 60_000 }, () => {
  it('is the anchor the reminder email links to, says when reminders come, and pauses them until a date with the version read', async () => {
    const user = userEvent.setup({ delay: null });
    graphqlMock.mockResolvedValue(answer(3, null, null));
    changeMyReminderPreferences.mockImplementation(async () => graphqlMock.mockResolvedValue(answer(4, null, '2026-12-24')));
    const { container } = renderWithApp(<ReminderPreferencesForm />);

    expect(await screen.findByText(/every Monday at 09:00, in your time zone/)).toBeInTheDocument();
    expect(container.querySelector('#reminder-preferences')).not.toBeNull();
    expect(zoneInput()).toHaveValue('The organisation’s (Europe/Paris)');

    fireEvent.change(screen.getByLabelText('Pause reminders until (on holiday)'), { target: { value: '2026-12-24' } });
    await user.click(screen.getByRole('button', { name: 'Save reminder preferences' }));

    await waitFor(() => expect(changeMyReminderPreferences).toHaveBeenCalledWith({ timeZone: undefined, remindersPausedUntil: '2026-12-24' }, '"3"'));
    expect(await screen.findByRole('status')).toHaveTextContent('No reminders until 2026-12-24, inclusive.');
  });

  it('says so when the organisation has reminders off, and puts a refused time zone on its field', async () => {
    const user = userEvent.setup({ delay: null });
    graphqlMock.mockResolvedValue(answer(3, 'Asia/Tokyo', null, false));
    changeMyReminderPreferences.mockRejectedValueOnce(
      problem(400, { title: 'The request has invalid fields.', errors: { timeZone: ['Give an IANA time zone such as Europe/Paris.'] } }),
    );
    renderWithApp(<ReminderPreferencesForm />);
    expect(await screen.findByText(/has not turned reminders on yet/)).toBeInTheDocument();
    await waitFor(() => expect(zoneInput()).toHaveValue('Asia/Tokyo'));
    await user.click(screen.getByRole('button', { name: 'Save reminder preferences' }));
    expect(await screen.findByText('Give an IANA time zone such as Europe/Paris.')).toBeInTheDocument();
  });
});
