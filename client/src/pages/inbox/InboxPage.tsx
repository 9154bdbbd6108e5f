import { useState } from 'react';
import { Anchor, Badge, Button, Card, Container, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { graphql } from '../../api/graphql';
import { api } from '../../api/rest';
import { Empty, ErrorAlert, Loading } from '../../components/States';
import { formatDate, relativeDays } from '../../components/format';
import { kindWords, notificationsKey, unreadWords } from '../../components/notifications/notifications';
import type { NotificationInboxQuery } from '../../graphql/generated';
import { NotificationInboxDocument } from '../../graphql/documents/NotificationInbox';

type Item = NotificationInboxQuery['notifications']['nodes'][number];

const pageSize = 20;

/** The signed-in person's notifications, newest first: open one (it is marked read), mark it read, or mark all read. */
export default function InboxPage() {
  const queryClient = useQueryClient();
  const [show, setShow] = useState<'all' | 'unread'>('all');
  const inbox = useInfiniteQuery({
    queryKey: [...notificationsKey, 'inbox', show],
    queryFn: ({ pageParam }) => graphql(NotificationInboxDocument, { first: pageSize, after: pageParam, unreadOnly: show === 'unread' }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.notifications.pageInfo.hasNextPage ? last.notifications.pageInfo.endCursor : null),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationsKey });
  const markRead = useMutation({ mutationFn: (id: string) => api.notifications.markNotificationRead(id), onSuccess: refresh });
  const markAll = useMutation({ mutationFn: () => api.notifications.markAllNotificationsRead(), onSuccess: refresh });

  const items = inbox.data?.pages.flatMap((p) => p.notifications.nodes) ?? [];
  const unread = inbox.data?.pages[0]?.unreadNotificationCount ?? 0;

  return (
    <Container size="md" px={{ base: 0, sm: 'md' }}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={2}>
            <Title order={1} size="h2">
              Notifications
            </Title>
            <Text c="dimmed" size="sm">
              You have {unreadWords(unread)}.{' '}
              <Anchor component={Link} to="/settings#notification-preferences" size="sm">
                Choose what you are told
              </Anchor>
            </Text>
          </Stack>
          <Group gap="sm">
            <SegmentedControl
              size="xs"
              value={show}
              onChange={(v) => setShow(v as 'all' | 'unread')}
              data={[
                { value: 'all', label: 'All' },
                { value: 'unread', label: 'Unread' },
              ]}
              aria-label="Show"
            />
            <Button size="xs" variant="light" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
              Mark all read
            </Button>
          </Group>
        </Group>
        {markAll.error && <ErrorAlert error={markAll.error} title="Not marked read" />}
        {markRead.error && <ErrorAlert error={markRead.error} title="Not marked read" />}
        {inbox.isLoading ? (
          <Loading label="Loading your notifications…" />
        ) : inbox.error ? (
          <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} title="Your notifications could not be loaded" />
        ) : items.length === 0 ? (
          <Card>
            <Empty title={show === 'unread' ? 'Nothing unread' : 'No notifications yet'}>
              {show === 'unread'
                ? 'You are up to date.'
                : 'Mentions, comments on objectives you own, lead or follow, key results turning at risk, alignments, grades and reminders land here.'}
            </Empty>
          </Card>
        ) : (
          <Card p={0}>
            <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Notifications">
              {items.map((item) => (
                <NotificationRow key={item.id} item={item} onRead={() => markRead.mutate(item.id)} reading={markRead.isPending && markRead.variables === item.id} />
              ))}
            </Stack>
          </Card>
        )}
        {inbox.hasNextPage && (
          <Group justify="center">
            <Button variant="default" loading={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()}>
              Show older
            </Button>
          </Group>
        )}
      </Stack>
    </Container>
  );
}

function NotificationRow({ item, onRead, reading }: { item: Item; onRead: () => void; reading: boolean }) {
  return (
    <Group
      component="li"
      justify="space-between"
      align="flex-start"
      wrap="nowrap"
      gap="sm"
      p="sm"
      data-testid="notification"
      data-read={item.isRead}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', background: item.isRead ? undefined : 'var(--mantine-color-indigo-0)' }}
    >
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6}>
          {!item.isRead && (
            <Badge size="xs" color="indigo" variant="filled">
              Unread
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {kindWords[item.kind].label} ·{' '}
            <span title={formatDate(item.createdAt)}>{relativeDays(item.createdAt)}</span>
          </Text>
        </Group>
        {/* Opening it marks it read: that is what reading it means. */}
        <Anchor component={Link} to={item.link} onClick={() => !item.isRead && onRead()} size="sm" fw={item.isRead ? 400 : 600} style={{ overflowWrap: 'anywhere' }}>
          {item.text}
        </Anchor>
      </Stack>
      {!item.isRead && (
        <Button size="compact-xs" variant="subtle" loading={reading} onClick={onRead} aria-label={`Mark read: ${item.text}`}>
          Mark read
        </Button>
      )}
    </Group>
  );
}
