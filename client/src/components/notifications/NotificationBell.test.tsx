import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithApp } from '../exec/testing';
import { NotificationBell } from './NotificationBell';

const graphqlMock = vi.fn();
vi.mock('../../api/graphql', () => ({ graphql: (...args: unknown[]) => graphqlMock(...args) }));

beforeEach(() => graphqlMock.mockReset());

describe('NotificationBell', () => {
  it('is a link to the inbox named with the unread count, which a live region announces', async () => {
    graphqlMock.mockResolvedValue({ unreadNotificationCount: 3 });
    renderWithApp(<NotificationBell />);
    const bell = await screen.findByRole('link', { name: 'Notifications, 3 unread notifications' });
    expect(bell).toHaveAttribute('href', '/inbox');
    expect(screen.getByRole('status')).toHaveTextContent('You have 3 unread notifications.');
  });

  it('says when nothing is unread', async () => {
    graphqlMock.mockResolvedValue({ unreadNotificationCount: 0 });
    renderWithApp(<NotificationBell />);
    expect(await screen.findByRole('link', { name: 'Notifications, no unread notifications' })).toBeInTheDocument();
  });
});
