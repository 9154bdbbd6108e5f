import { ActionIcon, Indicator, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { graphql } from '../../api/graphql';
import { UnreadNotificationCountDocument } from '../../graphql/documents/UnreadNotificationCount';
import { notificationsKey, unreadPollMs, unreadWords } from './notifications';

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/**
 * The shell's bell: a link to the inbox named with the unread count ("Notifications, 3 unread notifications"), the count
 * on a badge, and a polite live region that announces a new count to screen readers.
 */
export function NotificationBell() {
  const unread = useQuery({
    queryKey: [...notificationsKey, 'unread'],
    queryFn: () => graphql(UnreadNotificationCountDocument),
    select: (data) => data.unreadNotificationCount,
    refetchInterval: unreadPollMs,
  });
  const count = unread.data ?? 0;
  return (
    <>
      {/* The badge repeats what the link's name says: hidden from screen readers, which hear the name. */}
      <Indicator label={<span aria-hidden>{count > 99 ? '99+' : count}</span>} size={18} disabled={count === 0} color="red" offset={4}>
        <ActionIcon component={Link} to="/inbox" variant="subtle" color="gray" size="lg" aria-label={`Notifications, ${unreadWords(count)}`}>
          <BellIcon />
        </ActionIcon>
      </Indicator>
      <VisuallyHidden role="status" aria-live="polite">
        {unread.data === undefined ? '' : `You have ${unreadWords(count)}.`}
      </VisuallyHidden>
    </>
  );
}
