import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InviteForm, absoluteAcceptUrl } from './InviteForm';
import { fill, problem, renderWithMantine } from './testing';

const { createInvitation } = vi.hoisted(() => ({ createInvitation: vi.fn() }));
vi.mock('../../api/rest', () => ({ api: { invitations: { createInvitation } } }));

const created = {
  id: 'inv-1',
  version: 1,
  email: 'new.colleague@acme.test',
  role: 'MEMBER' as const,
  expiresAt: '2026-12-01T00:00:00Z',
  token: 'tok-123',
  acceptUrl: '/accept-invitation?token=tok-123',
};

beforeEach(() => createInvitation.mockReset());

describe('InviteForm', { timeout: 20_000 }, () => {
  it('invites by email and role, and shows the one-time link once', async () => {
    const user = userEvent.setup({ delay: null });
    createInvitation.mockResolvedValue(created);
    const onInvited = vi.fn();
    renderWithMantine(<InviteForm onInvited={onInvited} />);

    await fill(user, screen.getByRole('textbox', { name: /Email/ }), ' new.colleague@acme.test ');
    await user.click(screen.getByRole('button', { name: 'Invite' }));

    await waitFor(() => expect(createInvitation).toHaveBeenCalledWith({ email: 'new.colleague@acme.test', role: 'MEMBER' }));
    expect(onInvited).toHaveBeenCalledWith(created);
    const link = screen.getByRole('textbox', { name: 'Accept link' });
    expect(link).toHaveValue(`${window.location.origin}/accept-invitation?token=tok-123`);
    expect(screen.getByText('This is the only time this link is shown')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy the accept link' })).toBeInTheDocument();
    // The form is ready for the next invitation.
    expect(screen.getByRole('textbox', { name: /Email/ })).toHaveValue('');

    // Once dismissed, nothing can show it again.
    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByRole('textbox', { name: 'Accept link' })).toBeNull();
    expect(screen.queryByText(/tok-123/)).toBeNull();
    expect(document.body.innerHTML).not.toContain('tok-123');
  });

  it('shows the server’s refusal in words', async () => {
    const user = userEvent.setup({ delay: null });
    createInvitation.mockRejectedValueOnce(
      problem(409, { title: 'new.colleague@acme.test already has a pending invitation: revoke it to send a new one.', code: 'invitation.pending' }),
    );
    renderWithMantine(<InviteForm />);
    await fill(user, screen.getByRole('textbox', { name: /Email/ }), 'new.colleague@acme.test');
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('already has a pending invitation');
    expect(screen.queryByRole('textbox', { name: 'Accept link' })).toBeNull();
  });

  it('asks for an email before sending', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithMantine(<InviteForm />);
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByText('Enter the email address they will sign in with.')).toBeInTheDocument();
    expect(createInvitation).not.toHaveBeenCalled();
  });
});

describe('absoluteAcceptUrl', () => {
  it('puts the server’s path on this host, and keeps a full URL', () => {
    expect(absoluteAcceptUrl('/accept-invitation?token=a', 'https://okr.example')).toBe('https://okr.example/accept-invitation?token=a');
    expect(absoluteAcceptUrl('https://other.example/x', 'https://okr.example')).toBe('https://other.example/x');
  });
});
