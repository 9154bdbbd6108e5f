import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../components/exec/testing';
import InboxPage from './InboxPage';

const graphqlMock = vi.fn();
const markNotificationRead = vi.fn();
const markAllNotificationsRead = vi.fn();
vi.mock('../../api/graphql', () => ({ graphql: (...args: unknown[]) => graphqlMock(...args) }));
vi.mock('../../api/rest', () => ({
  api: {
    notifications: {
      markNotificationRead: (...a: unknown[]) => markNotificationRead(...a),
      markAllNotificationsRead: (...a: unknown[]) => markAllNotificationsRead(...a),
    },
  },
}));

const item = (id: string, isRead: boolean, text: string) => ({
  id, kind: 'MENTION', text, link: `/objectives/o-${id}#comments`, createdAt: '2026-11-21T10:00:00Z', isRead, actor: { id: 'p', displayName: 'Morgan' },
});
const inbox = (nodes: ReturnType<typeof item>[]) => ({
  notifications: { nodes, pageInfo: { hasNextPage: false, endCursor: null } },
  unreadNotificationCount: nodes.filter((n) => !n.isRead).length,
});

beforeEach(() => {
  graphqlMock.mockReset();
  markNotificationRead.mockReset();
  markAllNotificationsRead.mockReset();
});

describe('InboxPage', { timeout: 20_000 }, () => {
  it('lists notifications with links to their subject, marks one read and then all read', async () => {
    const user = userEvent.setup({ delay: null });
    graphqlMock.mockResolvedValue(inbox([item('1', false, 'Morgan mentioned you on Onboarding'), item('2', false, 'Morgan commented on Pricing')]));
    renderWithApp(<InboxPage />);

    expect(await screen.findByText('You have 2 unread notifications.', { exact: false })).toBeInTheDocument();
    const rows = screen.getAllByTestId('notification');
    expect(within(rows[0]!).getByRole('link', { name: 'Morgan mentioned you on Onboarding' })).toHaveAttribute('href', '/objectives/o-1#comments');

    markNotificationRead.mockImplementation(async () => graphqlMock.mockResolvedValue(inbox([item('1', true, 'Morgan mentioned you on Onboarding'), item('2', false, 'Morgan commented on Pricing')])));
    await user.click(screen.getByRole('button', { name: 'Mark read: Morgan mentioned you on Onboarding' }));
    await waitFor(() => expect(markNotificationRead).toHaveBeenCalledWith('1'));
    expect(await screen.findByText('You have 1 unread notification.', { exact: false })).toBeInTheDocument();

    markAllNotificationsRead.mockImplementation(async () => graphqlMock.mockResolvedValue(inbox([item('1', true, 'a'), item('2', true, 'b')])));
    await user.click(screen.getByRole('button', { name: 'Mark all read' }));
    expect(await screen.findByText('You have no unread notifications.', { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  });

  it('says so when there is nothing yet', async () => {
    graphqlMock.mockResolvedValue(inbox([]));
    renderWithApp(<InboxPage />);
    expect(await screen.findByText('No notifications yet')).toBeInTheDocument();
  });
});
