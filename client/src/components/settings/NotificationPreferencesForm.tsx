import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/rest';
import { graphql } from '../../api/graphql';
import type { NotificationKind } from '../../graphql/generated';
import { MyNotificationPreferencesDocument } from '../../graphql/documents/MyNotificationPreferences';
import { kindWords } from '../notifications/notifications';
import { ErrorAlert, Loading } from '../States';
import { SaveFeedback } from '../gaps/SaveFeedback';

export const myNotificationPreferencesKey = ['okr', 'settings', 'notification-preferences'] as const;

type Choice = { kind: NotificationKind; inApp: boolean; email: boolean };

const channels = [
  { key: 'inApp', words: 'in the app' },
  { key: 'email', words: 'by email' },
] as const;

/** Where each kind of notification reaches the person: in the app (the bell), by email, both or neither. */
export function NotificationPreferencesForm() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: myNotificationPreferencesKey, queryFn: () => graphql(MyNotificationPreferencesDocument) });
  const [choices, setChoices] = useState<Choice[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const server = query.data?.me?.notificationPreferences;
  useEffect(() => {
    if (server) setChoices(server.map(({ kind, inApp, email }) => ({ kind, inApp, email })));
  }, [server]);

  if (query.isLoading) return <Loading label="Loading your notification preferences…" />;
  if (query.error || !server) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const dirty = choices.some((c) => {
    const s = server.find((p) => p.kind === c.kind);
    return !s || s.inApp !== c.inApp || s.email !== c.email;
  });
  const set = (kind: NotificationKind, channel: 'inApp' | 'email', on: boolean) => {
    setSaved(false);
    setChoices((current) => current.map((c) => (c.kind === kind ? { ...c, [channel]: on } : c)));
  };
  const save = async () => {
    setSaving(true);
    setError(null);
    setSaved(false);
    try {
      await api.people.changeMyNotificationPreferences({ preferences: choices });
      await queryClient.invalidateQueries({ queryKey: myNotificationPreferencesKey });
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card id="notification-preferences" component="section" aria-labelledby="notification-preferences-title">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h4" id="notification-preferences-title">
            Notifications
          </Title>
          <Text size="sm" c="dimmed">
            What you are told, and where: in the app (the bell at the top) or by email. Nobody is ever told of their own doings.
          </Text>
        </Stack>
        <SaveFeedback
          error={error}
          saved={saved && !dirty ? 'Saved. You are told of these from now on.' : null}
          reloadLabel="Load your current preferences"
          onReload={() => {
            setError(null);
            void query.refetch();
          }}
        />
        <Table.ScrollContainer minWidth={280}>
          <Table verticalSpacing="sm" aria-label="Where each kind of notification reaches you">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th w={64} ta="center">
                  In app
                </Table.Th>
                <Table.Th w={64} ta="center">
                  Email
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {choices.map((c) => (
                <Table.Tr key={c.kind}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {kindWords[c.kind].label}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {kindWords[c.kind].description}
                    </Text>
                  </Table.Td>
                  {channels.map(({ key, words }) => (
                    <Table.Td key={key}>
                      <Group justify="center">
                        <Checkbox
                          checked={c[key]}
                          onChange={(e) => set(c.kind, key, e.currentTarget.checked)}
                          aria-label={`${kindWords[c.kind].label} ${words}`}
                        />
                      </Group>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={saving} disabled={!dirty}>
            Save notification preferences
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
