import type { NotificationKind } from '../../graphql/generated';

/** The server state of the inbox: the bell's count and the inbox pages share this key, so marking read refreshes both. */
export const notificationsKey = ['okr', 'notifications'] as const;

/** How often the bell asks for the unread count while the app is open. */
export const unreadPollMs = 60_000;

export const kindWords: Record<NotificationKind, { label: string; description: string }> = {
  REMINDER: { label: 'Check-in reminders', description: 'Time to check in on your key results (and, for leads, who is late).' },
  MENTION: { label: 'Mentions', description: 'Someone named you with @ in a comment.' },
  COMMENT: { label: 'Comments', description: 'A comment on an objective you own, lead or follow.' },
  STATUS_CHANGED: { label: 'Key results at risk', description: 'A key result you own or follow turned at risk or off track.' },
  ALIGNED: { label: 'Alignments', description: 'An objective was aligned to yours.' },
  GRADED: { label: 'Grades', description: 'A grade on your objective or key result was overridden.' },
};

/** "3 unread notifications", as the bell's name says it. */
export function unreadWords(count: number): string {
  if (count === 0) return 'no unread notifications';
  return count === 1 ? '1 unread notification' : `${count} unread notifications`;
}
