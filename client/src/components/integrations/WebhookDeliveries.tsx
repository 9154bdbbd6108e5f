import { Badge, Button, Code, Group, Spoiler, Stack, Table, Text } from '@mantine/core';
import { api } from '../../api/rest';
import type { WebhookDeliveryState } from '../../graphql/generated';
import { ErrorAlert, Loading } from '../States';
import { useRefreshIntegrations, useWebhookDeliveries } from './integrations';

const stateColor: Record<WebhookDeliveryState, string> = { PENDING: 'blue', DELIVERED: 'green', FAILED: 'red' };
const stateLabel: Record<WebhookDeliveryState, string> = { PENDING: 'Pending', DELIVERED: 'Delivered', FAILED: 'Failed' };

const dateTime = (value: string | null | undefined) =>
  value ? new Date(value).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }) + ' UTC' : '';

/** A subscription's delivery log, newest first: the request, the last answer, attempts, the next attempt; redeliver. */
export function WebhookDeliveries({ subscriptionId, onProblem }: {
  subscriptionId: string;
  onProblem: (p: { title: string; error: unknown }) => void;
}) {
  const deliveries = useWebhookDeliveries(subscriptionId);
  const refresh = useRefreshIntegrations();
  if (deliveries.isLoading) return <Loading label="Loading the deliveries…" />;
  if (deliveries.error) return <ErrorAlert error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  const list = deliveries.data ?? [];
  if (list.length === 0)
    return (
      <Text size="sm" data-testid="deliveries-empty">
        Nothing delivered yet. Events of the chosen types appear here as they happen; send a test event to try the endpoint.
      </Text>
    );
  return (
    <Stack gap="xs">
      <Group justify="flex-end">
        <Button size="compact-xs" variant="subtle" onClick={() => void deliveries.refetch()}>
          Refresh
        </Button>
      </Group>
      <Table verticalSpacing="xs" aria-label="Deliveries" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Event</Table.Th>
            <Table.Th w={{ base: 150, sm: 300 }}>Outcome</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((d) => (
            <Table.Tr key={d.id} data-testid="delivery-row">
              <Table.Td>
                <Text size="sm" fw={600}>
                  {d.eventType}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {d.messageId} · {dateTime(d.createdAt)}
                </Text>
                <Spoiler maxHeight={0} showLabel="Request body" hideLabel="Hide" styles={{ control: { fontSize: 12 } }}>
                  <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                    {pretty(d.payload)}
                  </Code>
                </Spoiler>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={stateColor[d.state]}>
                  {stateLabel[d.state]}
                </Badge>
                <Text size="xs" mt={2}>
                  {d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'}
                  {d.responseStatus ? ` · HTTP ${d.responseStatus}` : ''}
                </Text>
                {d.lastError && (
                  <Text size="xs" c="red.8" style={{ overflowWrap: 'anywhere' }}>
                    {d.lastError}
                  </Text>
                )}
                {d.responseBody && (
                  <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                    “{d.responseBody}”
                  </Text>
                )}
                {d.state === 'PENDING' && d.nextAttemptAt && (
                  <Text size="xs" c="dimmed">
                    Next attempt {dateTime(d.nextAttemptAt)}
                  </Text>
                )}
                <Button
                  size="compact-xs"
                  variant="subtle"
                  px={0}
                  aria-label={`Redeliver ${d.messageId}`}
                  onClick={async () => {
                    try {
                      await api.webhooks.redeliverWebhook(subscriptionId, d.id);
                    } catch (e) {
                      onProblem({ title: 'The delivery was not queued again', error: e });
                    }
                    await refresh();
                  }}
                >
                  Redeliver
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
