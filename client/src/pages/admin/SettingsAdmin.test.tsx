import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../components/exec/testing';
import { fill, problem } from '../../components/plan/testing';
import { PlanOrganizationDocument } from '../../graphql/documents/PlanOrganization';
import { SettingsAdmin } from './SettingsAdmin';

const graphqlMock = vi.fn();
const changeOrganizationSettings = vi.fn();
const getOrganization = vi.fn();
vi.mock('../../api/graphql', () => ({ graphql: (...args: unknown[]) => graphqlMock(...args) }));
vi.mock('../../api/rest', () => ({
  api: {
    organizations: {
      changeOrganizationSettings: (...a: unknown[]) => changeOrganizationSettings(...a),
      getOrganization: (...a: unknown[]) => getOrganization(...a),
    },
  },
}));

const settings = {
  fiscalYearStartMonth: 1,
  checkInCadenceDays: 7,
  stalenessGraceDays: 3,
  aspirationalSuccessThreshold: 0.7,
  committedSuccessThreshold: 0.85,
  financialSuccessThreshold: 1,
  onTrackRatio: 0.9,
  atRiskRatio: 0.7,
  lowConfidence: 3,
};
const organization = (version: number, extra: Partial<typeof settings> = {}) => ({
  organization: { id: 'org', version, name: 'Acme', settings: { ...settings, ...extra } },
});

beforeEach(() => {
  graphqlMock.mockReset();
  changeOrganizationSettings.mockReset();
  getOrganization.mockReset();
});

describe('SettingsAdmin', { timeout: 20_000 }, () => {
  it('reads the settings and their version from GraphQL, and saves with that version in If-Match', async () => {
    const user = userEvent.setup({ delay: null });
    graphqlMock.mockResolvedValue(organization(4));
    changeOrganizationSettings.mockImplementation(async () => graphqlMock.mockResolvedValue(organization(5, { checkInCadenceDays: 14 })));
    renderWithApp(<SettingsAdmin />);

    const cadence = await screen.findByRole('textbox', { name: 'Check-in cadence (days)' });
    await waitFor(() => expect(cadence).toHaveValue('7'));
    expect(graphqlMock).toHaveBeenCalledWith(PlanOrganizationDocument);
    expect(getOrganization).not.toHaveBeenCalled();

    await fill(user, cadence, '14');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(changeOrganizationSettings).toHaveBeenCalledWith('org', { ...settings, checkInCadenceDays: 14 }, '"4"'));
    expect(await screen.findByText('Saved. Statuses and grades now follow these rules.')).toBeInTheDocument();
  });

  it('when someone else changed the settings meanwhile (412), offers to load the current ones and then saves with their version', async () => {
    const user = userEvent.setup({ delay: null });
    graphqlMock.mockResolvedValue(organization(4));
    changeOrganizationSettings.mockRejectedValueOnce(
      problem(412, { title: 'This Organization changed since you read it (you have version 4, the current one is 5). Reload it and try again.' }),
    );
    renderWithApp(<SettingsAdmin />);

    const cadence = await screen.findByRole('textbox', { name: 'Check-in cadence (days)' });
    await waitFor(() => expect(cadence).toHaveValue('7'));
    await fill(user, cadence, '14');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This Organization changed since you read it');
    // Someone else set a fortnightly cadence and a grace of 5 days: loading shows theirs.
    graphqlMock.mockResolvedValue(organization(5, { checkInCadenceDays: 14, stalenessGraceDays: 5 }));
    await user.click(screen.getByRole('button', { name: 'Load the current settings' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Staleness grace (days)' })).toHaveValue('5'));
    expect(screen.queryByRole('alert')).toBeNull();

    changeOrganizationSettings.mockResolvedValueOnce({});
    await fill(user, screen.getByRole('textbox', { name: 'Low confidence (0–10)' }), '4');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(changeOrganizationSettings).toHaveBeenLastCalledWith(
        'org',
        { ...settings, checkInCadenceDays: 14, stalenessGraceDays: 5, lowConfidence: 4 },
        '"5"',
      ),
    );
  });

  it('puts the server’s field errors on the fields, with no reload offered', async () => {
    const user = userEvent.setup({ delay: null });
    graphqlMock.mockResolvedValue(organization(4));
    changeOrganizationSettings.mockRejectedValueOnce(
      problem(400, { title: 'The request has invalid fields.', errors: { lowConfidence: ['Low confidence must be between 0 and 10.'] } }),
    );
    renderWithApp(<SettingsAdmin />);
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Check-in cadence (days)' })).toHaveValue('7'));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Low confidence must be between 0 and 10.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load the current settings' })).toBeNull();
  });
});
