import type { ReactNode } from 'react';
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { graphql } from '../../api/graphql';
import { api } from '../../api/rest';
import { ErrorAlert, Loading } from '../../components/States';
import { reviewInstant } from '../../components/reviews/delta';
import { AdminEngineDocument } from '../../graphql/documents/AdminEngine';

const stateColor: Record<string, string> = { PENDING: 'yellow', SENT: 'teal', FAILED: 'red' };

function When({ at }: { at: string | null }) {
  return <>{at ? reviewInstant(at) : '–'}</>;
}

function Section({ title, children, count }: { title: string; children: ReactNode; count?: number }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Group gap="xs" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {count !== undefined && (
          <Badge variant="light" color="gray">
            {count}
          </Badge>
        )}
      </Group>
      {children}
    </Card>
  );
}

/** The background engine for admins: its jobs, the outbox (with a retry for what failed), reminder deliveries and mail files. */
export function EngineAdmin() {
  const queryClient = useQueryClient();
  const engine = useQuery({ queryKey: ['okr', 'admin', 'engine'], queryFn: () => graphql(AdminEngineDocument), refetchInterval: 30_000 });
  const retry = useMutation({
    mutationFn: (id: string) => api.backgroundWork.retryOutboxMessage(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['okr', 'admin', 'engine'] }),
  });
  if (engine.isLoading) return <Loading label="Reading the engine…" />;
  if (engine.error || !engine.data) return <ErrorAlert error={engine.error} onRetry={() => void engine.refetch()} />;
  const { backgroundJobs, outboxMessages, reminderDeliveries, mailFiles } = engine.data;
  const failed = outboxMessages.filter((m) => m.state !== 'SENT');

  return (
    <Stack gap="md">
      {retry.error && <ErrorAlert error={retry.error} title="The message was not queued again" />}
      <Section title="Jobs">
        <Table.ScrollContainer minWidth={640}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Job</Table.Th>
                <Table.Th>Schedule</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Last fire</Table.Th>
                <Table.Th>Next fire</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backgroundJobs.map((job) => (
                <Table.Tr key={`${job.name}-${job.schedule}`}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {job.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {job.description}
                    </Text>
                  </Table.Td>
                  <Table.Td>{job.schedule}</Table.Td>
                  <Table.Td>{job.state.toLowerCase()}</Table.Td>
                  <Table.Td>
                    <When at={job.previousFireAt} />
                  </Table.Td>
                  <Table.Td>
                    <When at={job.nextFireAt} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>

      <Section title="Outbox" count={outboxMessages.length}>
        <Text size="sm" c="dimmed" mb="xs">
          {failed.length === 0 ? 'Nothing waiting: every email was sent.' : `${failed.length} waiting or failed.`} The latest 100 emails, newest first.
        </Text>
        <Table.ScrollContainer minWidth={760}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Email</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Last error</Table.Th>
                <Table.Th>Sent, or next attempt</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outboxMessages.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Text size="sm">{m.subject}</Text>
                    <Text size="xs" c="dimmed">
                      {m.kind} · {m.recipient}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={stateColor[m.state]} variant="light">
                      {m.state.toLowerCase()}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{m.attempts}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{m.lastError ?? '–'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <When at={m.state === 'SENT' ? m.sentAt : m.nextAttemptAt} />
                  </Table.Td>
                  <Table.Td>
                    {m.state !== 'SENT' && (
                      <Button size="xs" variant="light" onClick={() => retry.mutate(m.id)} loading={retry.isPending && retry.variables === m.id}>
                        Retry now
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>

      <Section title="Reminder deliveries" count={reminderDeliveries.length}>
        {reminderDeliveries.length === 0 ? (
          <Text size="sm" c="dimmed">
            No check-in reminder has gone out yet (turn reminders on in Settings).
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>To</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Cycle</Table.Th>
                  <Table.Th>Email</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reminderDeliveries.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{d.recipient?.displayName ?? '–'}</Table.Td>
                    <Table.Td>{d.kind.toLowerCase().replace('_', ' ')}</Table.Td>
                    <Table.Td>{d.cycle}</Table.Td>
                    <Table.Td>
                      <Tooltip label={d.lastError ?? `${d.attempts} attempt(s)`} withArrow>
                        <Badge color={stateColor[d.state ?? ''] ?? 'gray'} variant="light">
                          {(d.state ?? 'unknown').toLowerCase()}
                        </Badge>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>

      <Section title="Mail files" count={mailFiles.length}>
        {mailFiles.length === 0 ? (
          <Text size="sm" c="dimmed">
            None: emails go to the SMTP server (or none was written yet). Without <code>Email:Host</code>, each email is written here as a file.
          </Text>
        ) : (
          <Stack gap={4}>
            {mailFiles.map((f) => (
              <Group key={f.name} gap="xs" wrap="nowrap">
                <Anchor href={f.downloadUrl} download={f.name} size="sm">
                  {f.subject ?? f.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {f.to} · {f.kind} · <When at={f.writtenAt} />
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}
