import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../components/exec/testing';
import { problem } from '../../components/plan/testing';
import type { PlanInvitationsQuery } from '../../graphql/generated';
import { PlanInvitationsDocument } from '../../graphql/documents/PlanInvitations';
import { InvitationsAdmin } from './InvitationsAdmin';

type Invitation = NonNullable<PlanInvitationsQuery['invitations']>[number];

const graphqlMock = vi.fn();
const revokeInvitation = vi.fn();
const createInvitation = vi.fn();
const resendInvitation = vi.fn();
vi.mock('../../api/graphql', () => ({ graphql: (...args: unknown[]) => graphqlMock(...args) }));
vi.mock('../../api/rest', () => ({
  api: { invitations: { revokeInvitation: (...a: unknown[]) => revokeInvitation(...a), createInvitation: (...a: unknown[]) => createInvitation(...a),
    resendInvitation: (...a: unknown[]) => resendInvitation(...a) } },
}));
vi.mock('../../auth/session', () => ({
  useMember: () => ({ personId: 'p-avery', isAdmin: true, organizationId: 'org', organizationName: 'Acme', memberships: [] }),
}));

const avery = { id: 'p-avery', displayName: 'Avery Admin' };
const invitation = (id: string, email: string, state: Invitation['state'], extra: Partial<Invitation> = {}): Invitation => ({
  id,
  version: 2,
  email,
  role: 'MEMBER',
  state,
  invitedBy: avery,
  createdAt: '2026-11-10T09:00:00Z',
  expiresAt: '2026-11-24T09:00:00Z',
  acceptedAt: null,
  acceptedBy: null,
  revokedAt: null,
  ...extra,
});

const all: Invitation[] = [
  invitation('i1', 'pending@acme.test', 'PENDING', { role: 'ADMIN', version: 5 }),
  invitation('i2', 'joined@acme.test', 'ACCEPTED', { acceptedAt: '2026-11-12T10:00:00Z', acceptedBy: { id: 'p-new', displayName: 'Nova Newcomer' } }),
  invitation('i3', 'revoked@acme.test', 'REVOKED', { revokedAt: '2026-11-11T10:00:00Z' }),
  invitation('i4', 'late@acme.test', 'EXPIRED', { expiresAt: '2026-11-08T09:00:00Z' }),
];

function answer(list: Invitation[]) {
  graphqlMock.mockImplementation(async (document: unknown, variables: { pendingOnly?: boolean }) => {
    if (document !== PlanInvitationsDocument) throw new Error('unexpected document');
    return { invitations: variables.pendingOnly ? list.filter((i) => i.state === 'PENDING') : list };
  });
}

const rowOf = (email: string) => screen.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });

beforeEach(() => {
  graphqlMock.mockReset();
  revokeInvitation.mockReset();
  createInvitation.mockReset();
  resendInvitation.mockReset();
  window.localStorage.clear();
});

describe('InvitationsAdmin', { timeout: 20_000 }, () => {
  it('lists the server’s invitations with their states, who invited, and what became of them', async () => {
    answer(all);
    renderWithApp(<InvitationsAdmin />);

    await screen.findByText('pending@acme.test');
    expect(graphqlMock).toHaveBeenCalledWith(PlanInvitationsDocument, { pendingOnly: false });
    expect(screen.getAllByTestId('invitation-row')).toHaveLength(4);

    const pending = rowOf('pending@acme.test');
    expect(within(pending).getByText('Pending')).toBeInTheDocument();
    expect(within(pending).getByText('Admin · invited 10 Nov 2026 by Avery Admin')).toBeInTheDocument();
    expect(within(pending).getByText('Expires 24 Nov 2026')).toBeInTheDocument();
    expect(within(rowOf('joined@acme.test')).getByText('Accepted')).toBeInTheDocument();
    expect(within(rowOf('joined@acme.test')).getByText('Nova Newcomer joined on 12 Nov 2026')).toBeInTheDocument();
    expect(within(rowOf('revoked@acme.test')).getByText('Revoked on 11 Nov 2026')).toBeInTheDocument();
    expect(within(rowOf('late@acme.test')).getByText('Expired')).toBeInTheDocument();

    // Only a pending invitation can be revoked.
    expect(screen.getAllByRole('button', { name: /^Revoke the invitation of/ }).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Revoke the invitation of pending@acme.test',
    ]);
    // Nothing is kept in the browser, and nothing says the list is only this browser's.
    expect(window.localStorage.length).toBe(0);
    expect(screen.queryByText(/this browser/i)).toBeNull();
  });

  it('revokes a pending invitation with its version and shows the state the server then reports', async () => {
    const user = userEvent.setup({ delay: null });
    answer(all);
    revokeInvitation.mockImplementation(async () => {
      answer(all.map((i) => (i.id === 'i1' ? { ...i, state: 'REVOKED' as const, revokedAt: '2026-11-22T10:00:00Z' } : i)));
    });
    renderWithApp(<InvitationsAdmin />);

    await user.click(await screen.findByRole('button', { name: 'Revoke the invitation of pending@acme.test' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke' }));

    expect(revokeInvitation).toHaveBeenCalledWith('i1', '"5"');
    await waitFor(() => expect(within(rowOf('pending@acme.test')).getByText('Revoked')).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: /^Revoke the invitation of/ })).toBeNull();
  });

  it('shows why a revocation was refused, and the invitation as it is now', async () => {
    const user = userEvent.setup({ delay: null });
    answer(all);
    revokeInvitation.mockImplementation(async () => {
      answer(all.map((i) => (i.id === 'i1' ? { ...i, state: 'ACCEPTED' as const, acceptedBy: { id: 'p-x', displayName: 'Pat' } } : i)));
      throw problem(412, { title: 'This Invitation changed since you read it (you have version 5, the current one is 6). Reload it and try again.' });
    });
    renderWithApp(<InvitationsAdmin />);

    await user.click(await screen.findByRole('button', { name: 'Revoke the invitation of pending@acme.test' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Revoke' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The invitation of pending@acme.test was not revoked');
    expect(alert).toHaveTextContent('This Invitation changed since you read it');
    await waitFor(() => expect(within(rowOf('pending@acme.test')).getByText('Accepted')).toBeInTheDocument());
  });

  it('resends a pending or expired invitation, and shows why a resend too soon was refused', async () => {
    const user = userEvent.setup({ delay: null });
    answer(all);
    renderWithApp(<InvitationsAdmin />);

    await screen.findByText('pending@acme.test');
    expect(screen.getAllByRole('button', { name: /^Resend the invitation of/ }).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Resend the invitation of pending@acme.test',
      'Resend the invitation of late@acme.test',
    ]);
    await user.click(screen.getByRole('button', { name: 'Resend the invitation of late@acme.test' }));
    expect(resendInvitation).toHaveBeenCalledWith('i4');
    expect(await screen.findByRole('status')).toHaveTextContent('The invitation was mailed again to late@acme.test with a new link.');

    resendInvitation.mockRejectedValue(problem(422, { title: 'This invitation was sent less than 5 minutes ago; wait before sending it again.' }));
    await user.click(screen.getByRole('button', { name: 'Resend the invitation of pending@acme.test' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The invitation of pending@acme.test was not resent');
    expect(alert).toHaveTextContent('wait before sending it again');
  });

  it('shows only pending invitations on request, and says when there are none', async () => {
    const user = userEvent.setup({ delay: null });
    answer(all.filter((i) => i.state !== 'PENDING'));
    renderWithApp(<InvitationsAdmin />);
    await screen.findByText('joined@acme.test');

    await user.click(screen.getByRole('radio', { name: 'Pending' }));
    expect(await screen.findByText('No pending invitations.')).toBeInTheDocument();
    expect(graphqlMock).toHaveBeenLastCalledWith(PlanInvitationsDocument, { pendingOnly: true });
  });

  it('lists a new invitation once it is sent', async () => {
    const user = userEvent.setup({ delay: null });
    answer([]);
    createInvitation.mockImplementation(async () => {
      answer([invitation('i9', 'new@acme.test', 'PENDING')]);
      return { id: 'i9', version: 1, email: 'new@acme.test', role: 'MEMBER', expiresAt: '2026-12-06T00:00:00Z', token: 't', acceptUrl: '/accept-invitation?token=t' };
    });
    renderWithApp(<InvitationsAdmin />);
    expect(await screen.findByText('No invitations yet.')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: /Email/ }), 'new@acme.test');
    await user.click(screen.getByRole('button', { name: 'Invite' }));

    expect(await screen.findByTestId('invitation-row')).toHaveTextContent('new@acme.test');
    expect(within(rowOf('new@acme.test')).getByText('Pending')).toBeInTheDocument();
  });

  it('says so when the invitations cannot be read', async () => {
    graphqlMock.mockRejectedValue(new Error('The server cannot be reached. Check your connection and try again.'));
    renderWithApp(<InvitationsAdmin />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The server cannot be reached');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
