import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../components/exec/testing';
import { fill, problem } from '../../components/plan/testing';
import type { ServiceAccountDto } from '../../api/okr-client';
import { IntegrationWebhooksDocument } from '../../graphql/documents/IntegrationWebhooks';
import { IntegrationWebhookDeliveriesDocument } from '../../graphql/documents/IntegrationWebhookDeliveries';
import { PlanOrgTreeDocument } from '../../graphql/documents/PlanOrgTree';
import { IntegrationsAdmin } from './IntegrationsAdmin';

// Hoisted with the mocks below, which hand these to the components.
const { graphqlMock, serviceAccounts, webhooks } = vi.hoisted(() => ({
  graphqlMock: vi.fn(),
  serviceAccounts: { listServiceAccounts: vi.fn(), createServiceAccount: vi.fn(), createApiKey: vi.fn(), revokeApiKey: vi.fn(), disableServiceAccount: vi.fn() },
  webhooks: {
    createWebhookSubscription: vi.fn(),
    updateWebhookSubscription: vi.fn(),
    deleteWebhookSubscription: vi.fn(),
    rotateWebhookSecret: vi.fn(),
    sendTestWebhook: vi.fn(),
    redeliverWebhook: vi.fn(),
  },
}));
vi.mock('../../api/graphql', () => ({ graphql: (...args: unknown[]) => graphqlMock(...args) }));
vi.mock('../../api/rest', () => ({ api: { serviceAccounts, webhooks } }));

const account = (keys: ServiceAccountDto['keys'] = []): ServiceAccountDto => ({
  id: 'sa1',
  version: 1,
  name: 'Warehouse feed',
  scope: 'READ_ONLY',
  personId: 'p-sa1',
  createdAt: '2026-11-20T09:00:00Z',
  keys,
});

const subscription = {
  id: 'w1',
  version: 3,
  url: 'https://hooks.example.com/okr',
  description: 'Data warehouse',
  eventTypes: ['check_in.recorded'],
  enabled: true,
  createdAt: '2026-11-20T09:00:00Z',
  disabledAt: null,
  disabledReason: null,
  secretRotatedAt: null,
  previousSecretExpiresAt: null,
};

function answerGraphQL(subscriptions: unknown[], deliveries: unknown[] = []) {
  graphqlMock.mockImplementation(async (document: unknown) => {
    if (document === IntegrationWebhooksDocument) return { webhookSubscriptions: subscriptions };
    if (document === IntegrationWebhookDeliveriesDocument) return { webhookDeliveries: deliveries };
    if (document === PlanOrgTreeDocument) return { organization: null };
    throw new Error('unexpected document');
  });
}

beforeEach(() => {
  graphqlMock.mockReset();
  for (const fn of [...Object.values(serviceAccounts), ...Object.values(webhooks)]) fn.mockReset();
});

describe('IntegrationsAdmin', { timeout: 20_000 }, () => {
  it('says when there are no service accounts, checks the form, and shows a new key once with a warning', async () => {
    answerGraphQL([]);
    serviceAccounts.listServiceAccounts.mockResolvedValue([]);
    const user = userEvent.setup();
    renderWithApp(<IntegrationsAdmin />);

    await screen.findByTestId('service-accounts-empty');
    const form = screen.getByRole('form', { name: 'New service account' });
    await user.click(within(form).getByRole('button', { name: 'Create' }));
    expect(await screen.findByText(/Give the service account a name/)).toBeInTheDocument();
    expect(serviceAccounts.createServiceAccount).not.toHaveBeenCalled();

    serviceAccounts.createServiceAccount.mockResolvedValue(account());
    serviceAccounts.listServiceAccounts.mockResolvedValue([account()]);
    await fill(user, within(form).getByRole('textbox', { name: 'Name' }), 'Warehouse feed');
    await user.click(within(form).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(serviceAccounts.createServiceAccount).toHaveBeenCalledWith({ name: 'Warehouse feed', scope: 'READ_ONLY', unitId: undefined }));
    await screen.findByText('No API keys yet.');

    serviceAccounts.createApiKey.mockResolvedValue({
      id: 'k1', serviceAccountId: 'sa1', name: 'production', publicId: '3f9a1c0b7d2e', createdAt: '2026-11-22T12:00:00Z', key: 'okr_live_3f9a1c0b7d2e_secret',
    });
    serviceAccounts.listServiceAccounts.mockResolvedValue([
      account([{ id: 'k1', name: 'production', publicId: '3f9a1c0b7d2e', createdAt: '2026-11-22T12:00:00Z' }]),
    ]);
    const keyForm = screen.getByRole('form', { name: 'New API key for Warehouse feed' });
    await fill(user, within(keyForm).getByRole('textbox', { name: 'Key name' }), 'production');
    await user.click(within(keyForm).getByRole('button', { name: 'Make a key' }));
    const once = await screen.findByTestId('secret-once');
    expect(within(once).getByRole('textbox', { name: 'API key' })).toHaveValue('okr_live_3f9a1c0b7d2e_secret');
    expect(within(once).getByText('Copy it now: it is never shown again')).toBeInTheDocument();
    expect(within(once).getByRole('button', { name: 'Copy the api key' })).toBeInTheDocument();
    expect(await screen.findByText('okr_live_3f9a1c0b7d2e_…')).toBeInTheDocument();
    expect(screen.getByText('Never used')).toBeInTheDocument();

    await user.click(within(once).getByRole('button', { name: 'I have copied it' }));
    await waitFor(() => expect(screen.queryByTestId('secret-once')).not.toBeInTheDocument());
    expect(screen.queryByDisplayValue('okr_live_3f9a1c0b7d2e_secret')).not.toBeInTheDocument();
  });

  it('subscribes a webhook with its event types, shows the server’s field errors, and lists the delivery log', async () => {
    answerGraphQL([]);
    serviceAccounts.listServiceAccounts.mockResolvedValue([]);
    const user = userEvent.setup();
    renderWithApp(<IntegrationsAdmin />);
    await user.click(await screen.findByRole('radio', { name: 'Webhooks' }));
    await screen.findByTestId('webhooks-empty');

    const form = screen.getByRole('form', { name: 'New webhook' });
    await user.click(within(form).getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByText('Choose at least one event type.')).toBeInTheDocument();

    webhooks.createWebhookSubscription.mockRejectedValueOnce(
      problem(400, { title: 'The request has invalid fields.', code: 'VALIDATION', errors: { url: ['The host resolves to 10.0.0.1, a private address.'] } }),
    );
    await fill(user, within(form).getByRole('textbox', { name: 'Endpoint URL' }), 'https://internal.example.com/okr');
    await user.click(within(form).getByRole('checkbox', { name: /Check-in recorded/ }));
    await user.click(within(form).getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByText('The host resolves to 10.0.0.1, a private address.')).toBeInTheDocument();

    webhooks.createWebhookSubscription.mockResolvedValue({ subscription: { ...subscription, eventTypes: ['check_in.recorded'] }, secret: 'whsec_abc' });
    answerGraphQL([subscription], [
      {
        id: 'd1', messageId: 'msg_1', eventType: 'check_in.recorded', payload: '{"type":"check_in.recorded"}', state: 'PENDING', attempts: 2,
        createdAt: '2026-11-22T12:00:00Z', lastAttemptAt: '2026-11-22T12:05:00Z', nextAttemptAt: '2026-11-22T12:35:00Z', deliveredAt: null,
        responseStatus: 503, responseBody: 'down for maintenance', lastError: 'HTTP 503',
      },
    ]);
    await fill(user, within(form).getByRole('textbox', { name: 'Endpoint URL' }), 'https://hooks.example.com/okr');
    await user.click(within(form).getByRole('button', { name: 'Subscribe' }));
    await waitFor(() =>
      expect(webhooks.createWebhookSubscription).toHaveBeenLastCalledWith({ url: 'https://hooks.example.com/okr', description: undefined, eventTypes: ['check_in.recorded'] }),
    );
    expect(within(await screen.findByTestId('secret-once')).getByRole('textbox', { name: 'Signing secret' })).toHaveValue('whsec_abc');

    const card = await screen.findByTestId('webhook-subscription');
    expect(within(card).getByText('Enabled')).toBeInTheDocument();
    expect(within(card).getByText('Check-in recorded')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Deliveries' }));
    const row = await screen.findByTestId('delivery-row');
    expect(within(row).getByText('Pending')).toBeInTheDocument();
    expect(within(row).getByText('2 attempts · HTTP 503')).toBeInTheDocument();
    expect(within(row).getByText('“down for maintenance”')).toBeInTheDocument();

    webhooks.redeliverWebhook.mockResolvedValue({});
    await user.click(within(row).getByRole('button', { name: 'Redeliver msg_1' }));
    await waitFor(() => expect(webhooks.redeliverWebhook).toHaveBeenCalledWith('w1', 'd1'));
  });
});
