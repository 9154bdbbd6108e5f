import { useState } from 'react';
import { Alert, Badge, Button, Card, Checkbox, Collapse, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { api } from '../../api/rest';
import { ifMatch } from '../../api/http';
import type { WebhookSecretIssued } from '../../api/okr-client';
import { ErrorAlert, Loading } from '../States';
import { formatDate } from '../format';
import { applyServerErrors } from '../formErrors';
import { FormError } from '../FormError';
import { ConfirmButton } from '../plan/ConfirmButton';
import { WriteProblem } from '../gaps/WriteProblem';
import { SecretOnce } from './SecretOnce';
import { WebhookDeliveries } from './WebhookDeliveries';
import { useRefreshIntegrations, useWebhookSubscriptions, webhookEventTypes, type WebhookSubscription } from './integrations';

const typeLabel = new Map(webhookEventTypes.map((t) => [t.value, t.label]));

/** Webhook subscriptions: subscribe an HTTPS endpoint to event types (the secret shown once), rotate, disable, the delivery log. */
export function WebhooksSection() {
  const subscriptions = useWebhookSubscriptions();
  const refresh = useRefreshIntegrations();
  const [issued, setIssued] = useState<{ title: string; secret: WebhookSecretIssued } | null>(null);
  const [problem, setProblem] = useState<{ title: string; error: unknown } | null>(null);
  const list = subscriptions.data ?? [];
  return (
    <Stack gap="lg">
      <Card>
        <Stack gap="sm">
          <Title order={2} size="h4">
            New webhook
          </Title>
          <Text size="sm" c="dimmed">
            Okr POSTs each event to the endpoint, signed as the Standard Webhooks specification says (webhook-id, webhook-timestamp,
            webhook-signature), retries for a day when it fails, and keeps a log of every delivery.
          </Text>
          {issued && (
            <SecretOnce title={issued.title} label="Signing secret" secret={issued.secret.secret} onDone={() => setIssued(null)}>
              <Text size="xs" c="dimmed">
                Verify each request’s webhook-signature with it (for instance with the standardwebhooks package).
                {issued.secret.subscription.previousSecretExpiresAt
                  ? ` The previous secret also signs until ${formatDate(issued.secret.subscription.previousSecretExpiresAt)}.`
                  : ''}
              </Text>
            </SecretOnce>
          )}
          <WebhookForm
            onCreated={(secret) => {
              setIssued({ title: `Subscribed ${secret.subscription.url}`, secret });
              void refresh();
            }}
          />
        </Stack>
      </Card>
      <Card>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Webhooks
          </Title>
          {problem && <WriteProblem error={problem.error} title={problem.title} onClose={() => setProblem(null)} />}
          {subscriptions.isLoading ? (
            <Loading label="Loading the webhooks…" />
          ) : subscriptions.error ? (
            <ErrorAlert error={subscriptions.error} onRetry={() => void subscriptions.refetch()} />
          ) : list.length === 0 ? (
            <Text size="sm" data-testid="webhooks-empty">
              No webhooks yet. Subscribe an endpoint above to be told when check-ins, statuses, objectives, alignments or comments change.
            </Text>
          ) : (
            list.map((subscription) => (
              <SubscriptionCard
                key={subscription.id}
                subscription={subscription}
                onProblem={setProblem}
                onRotated={(secret) => setIssued({ title: `New secret for ${subscription.url}`, secret })}
                onChanged={() => void refresh()}
              />
            ))
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

function WebhookForm({ onCreated }: { onCreated: (secret: WebhookSecretIssued) => void }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ url: string; description: string; eventTypes: string[] }>({
    initialValues: { url: '', description: '', eventTypes: [] },
    validate: {
      url: (v) => (/^https?:\/\/\S+$/i.test(v.trim()) ? null : 'Enter the endpoint’s https:// URL.'),
      eventTypes: (v) => (v.length > 0 ? null : 'Choose at least one event type.'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const created = await api.webhooks.createWebhookSubscription({
        url: values.url.trim(),
        description: values.description.trim() || undefined,
        eventTypes: values.eventTypes,
      });
      form.reset();
      onCreated(created);
    } catch (e) {
      setError(applyServerErrors(e, (f, m) => form.setFieldError(f, m), ['url', 'description', 'eventTypes']));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="New webhook">
      <Stack gap="sm">
        <FormError error={error} />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            label="Endpoint URL"
            required
            placeholder="https://hooks.example.com/okr"
            style={{ flex: '2 1 260px' }}
            {...form.getInputProps('url')}
          />
          <TextInput label="Description" placeholder="Data warehouse" style={{ flex: '1 1 200px' }} {...form.getInputProps('description')} />
        </Group>
        <Checkbox.Group label="Events" required {...form.getInputProps('eventTypes')}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs" mt="xs">
            {webhookEventTypes.map((t) => (
              <Checkbox key={t.value} value={t.value} label={t.label} description={t.value} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            Subscribe
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SubscriptionCard({ subscription, onProblem, onRotated, onChanged }: {
  subscription: WebhookSubscription;
  onProblem: (p: { title: string; error: unknown }) => void;
  onRotated: (secret: WebhookSecretIssued) => void;
  onChanged: () => void;
}) {
  const [showLog, setShowLog] = useState(false);
  const [sent, setSent] = useState(false);
  const run = async (title: string, action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (e) {
      onProblem({ title, error: e });
    }
    onChanged();
  };
  const setEnabled = (enabled: boolean) =>
    run(`The webhook was not ${enabled ? 'enabled' : 'disabled'}`, () =>
      api.webhooks.updateWebhookSubscription(
        subscription.id,
        { url: subscription.url, description: subscription.description ?? undefined, eventTypes: [...subscription.eventTypes], enabled },
        ifMatch(subscription.version),
      ),
    );
  return (
    <Card withBorder data-testid="webhook-subscription" aria-label={`Webhook ${subscription.url}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
            <Group gap="xs">
              <Text fw={700} ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
                {subscription.url}
              </Text>
              <Badge variant="light" color={subscription.enabled ? 'green' : 'gray'}>
                {subscription.enabled ? 'Enabled' : 'Disabled'}
              </Badge>
            </Group>
            {subscription.description && <Text size="sm">{subscription.description}</Text>}
            <Text size="xs" c="dimmed">
              {subscription.eventTypes.map((t) => typeLabel.get(t) ?? t).join(' · ')}
            </Text>
            <Text size="xs" c="dimmed">
              Created {formatDate(subscription.createdAt)}
              {subscription.secretRotatedAt ? ` · secret rotated ${formatDate(subscription.secretRotatedAt)}` : ''}
            </Text>
            {!subscription.enabled && subscription.disabledReason && (
              <Text size="xs" c="orange.8">
                Disabled {formatDate(subscription.disabledAt)}: {subscription.disabledReason}
              </Text>
            )}
          </Stack>
          <Group gap={4} wrap="wrap">
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() =>
                void run('The test event was not queued', async () => {
                  await api.webhooks.sendTestWebhook(subscription.id);
                  setSent(true);
                  setShowLog(true);
                })
              }
            >
              Send test event
            </Button>
            <ConfirmButton
              size="compact-sm"
              variant="subtle"
              color="indigo"
              title="Rotate the signing secret?"
              message="A new secret is shown once. For the next 24 hours every request carries both signatures, the old secret’s and the new one’s, so the receiver can switch without losing a message."
              confirmLabel="Rotate"
              onConfirm={() =>
                run('The secret was not rotated', async () =>
                  onRotated(await api.webhooks.rotateWebhookSecret(subscription.id, { overlapHours: 24 }, ifMatch(subscription.version))),
                )
              }
            >
              Rotate secret
            </ConfirmButton>
            {subscription.enabled ? (
              <ConfirmButton
                size="compact-sm"
                variant="subtle"
                color="orange"
                title="Disable this webhook?"
                message="Nothing is sent to it until it is enabled again; deliveries already queued wait."
                confirmLabel="Disable"
                onConfirm={() => setEnabled(false)}
              >
                Disable
              </ConfirmButton>
            ) : (
              <Button size="compact-sm" variant="subtle" color="green" onClick={() => void setEnabled(true)}>
                Enable
              </Button>
            )}
            <ConfirmButton
              size="compact-sm"
              variant="subtle"
              color="red"
              title="Delete this webhook?"
              message="It receives nothing more, and its delivery log goes with it."
              confirmLabel="Delete"
              onConfirm={() =>
                run('The webhook was not deleted', () => api.webhooks.deleteWebhookSubscription(subscription.id, ifMatch(subscription.version)))
              }
            >
              Delete
            </ConfirmButton>
          </Group>
        </Group>
        {sent && (
          <Alert color="green" variant="light" role="status" withCloseButton onClose={() => setSent(false)}>
            A webhook.test event is queued: it goes within seconds, and appears in the log below.
          </Alert>
        )}
        <Group>
          <Button size="compact-xs" variant="light" onClick={() => setShowLog((v) => !v)} aria-expanded={showLog}>
            {showLog ? 'Hide deliveries' : 'Deliveries'}
          </Button>
        </Group>
        <Collapse expanded={showLog}>{showLog && <WebhookDeliveries subscriptionId={subscription.id} onProblem={onProblem} />}</Collapse>
      </Stack>
    </Card>
  );
}
