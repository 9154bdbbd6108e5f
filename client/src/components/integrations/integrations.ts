/**
 * Admin → Integrations' server state: service accounts and their keys (REST's list: they have no GraphQL field), webhook
 * subscriptions and a subscription's deliveries (GraphQL). Each carries the `version` its REST writes send in If-Match.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { graphql } from '../../api/graphql';
import { api } from '../../api/rest';
import type { IntegrationWebhookDeliveriesQuery, IntegrationWebhooksQuery } from '../../graphql/generated';
import { IntegrationWebhookDeliveriesDocument } from '../../graphql/documents/IntegrationWebhookDeliveries';
import { IntegrationWebhooksDocument } from '../../graphql/documents/IntegrationWebhooks';

export type WebhookSubscription = NonNullable<IntegrationWebhooksQuery['webhookSubscriptions']>[number];
export type WebhookDelivery = NonNullable<IntegrationWebhookDeliveriesQuery['webhookDeliveries']>[number];

export const integrationsKey = ['okr', 'integrations'] as const;

export function useServiceAccounts() {
  return useQuery({ queryKey: [...integrationsKey, 'service-accounts'], queryFn: () => api.serviceAccounts.listServiceAccounts() });
}

export function useWebhookSubscriptions() {
  return useQuery({
    queryKey: [...integrationsKey, 'webhooks'],
    queryFn: () => graphql(IntegrationWebhooksDocument),
    select: (data) => data.webhookSubscriptions ?? [],
  });
}

export function useWebhookDeliveries(subscriptionId: string) {
  return useQuery({
    queryKey: [...integrationsKey, 'webhooks', subscriptionId, 'deliveries'],
    queryFn: () => graphql(IntegrationWebhookDeliveriesDocument, { subscriptionId, first: 50 }),
    select: (data) => data.webhookDeliveries ?? [],
  });
}

/** After a write: the integration queries are read again (the house rule invalidates under ['okr']). */
export function useRefreshIntegrations() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: integrationsKey });
}

/** The event types a subscription may receive, with what each means. */
export const webhookEventTypes: { value: string; label: string }[] = [
  { value: 'check_in.recorded', label: 'Check-in recorded' },
  { value: 'key_result.status_changed', label: 'Key result status changed' },
  { value: 'objective.created', label: 'Objective created' },
  { value: 'objective.activated', label: 'Objective activated' },
  { value: 'objective.closed', label: 'Objective closed' },
  { value: 'objective.graded', label: 'Objective graded' },
  { value: 'alignment.changed', label: 'Alignment changed' },
  { value: 'comment.created', label: 'Comment created' },
];
