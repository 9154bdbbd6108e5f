import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/rest';
import { ifMatch } from '../../api/http';
import { useMember } from '../../auth/session';
import { ErrorAlert, Loading } from '../../components/States';
import { formatDate } from '../../components/format';
import { ConfirmButton } from '../../components/plan/ConfirmButton';
import { InviteForm } from '../../components/plan/InviteForm';
import { WriteProblem } from '../../components/gaps/WriteProblem';
import { useInvitations, type Invitation } from '../../components/plan/orgTree';
import type { InvitationState } from '../../graphql/generated';

export const invitationStateLabel: Record<InvitationState, string> = { PENDING: 'Pending', ACCEPTED: 'Accepted', REVOKED: 'Revoked', EXPIRED: 'Expired' };
const stateColor: Record<InvitationState, string> = { PENDING: 'blue', ACCEPTED: 'green', REVOKED: 'gray', EXPIRED: 'orange' };

/** What became of an invitation, in a line: when it expires, who accepted it and when, when it was revoked. */
export function invitationOutcome(inv: Invitation): string {
  switch (inv.state) {
    case 'PENDING':
      return `Expires ${formatDate(inv.expiresAt)}`;
    case 'ACCEPTED':
      return `${inv.acceptedBy ? `${inv.acceptedBy.displayName} joined` : 'Accepted'}${inv.acceptedAt ? ` on ${formatDate(inv.acceptedAt)}` : ''}`;
    case 'REVOKED':
      return inv.revokedAt ? `Revoked on ${formatDate(inv.revokedAt)}` : 'Revoked';
    case 'EXPIRED':
      return `Expired on ${formatDate(inv.expiresAt)}`;
  }
}

/** Invite by email and role (the one-time link shown once); the organisation's invitations, and revoking pending ones. */
export function InvitationsAdmin() {
  const member = useMember();
  const queryClient = useQueryClient();
  const [show, setShow] = useState<'all' | 'pending'>('all');
  const [problem, setProblem] = useState<{ email: string; action: 'revoked' | 'resent'; error: unknown } | null>(null);
  const [resent, setResent] = useState<string | null>(null);
  const invitations = useInvitations({ pendingOnly: show === 'pending' });
  // After a write the ['okr'] queries are read again (the house rule): the list, and the admin's Get started card.
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['okr'] });

  const list = invitations.data ?? [];
  return (
    <Stack gap="lg">
      <Card>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Invite someone
          </Title>
          <Text size="sm" c="dimmed">
            They join {member.organizationName} with the role you choose; add them to their units afterwards (Units tab).
          </Text>
          <InviteForm onInvited={() => void refresh()} />
        </Stack>
      </Card>
      <Card>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <Title order={2} size="h4">
                Invitations
              </Title>
              <Text size="sm" c="dimmed">
                Newest first. A pending invitation can be revoked: its link stops working. Resending mails a new link (the previous one
                stops working), at most every five minutes.
              </Text>
            </Stack>
            <SegmentedControl
              aria-label="Which invitations"
              size="xs"
              value={show}
              onChange={(v) => setShow(v as 'all' | 'pending')}
              data={[
                { value: 'all', label: 'All' },
                { value: 'pending', label: 'Pending' },
              ]}
            />
          </Group>
          {problem && (
            <WriteProblem error={problem.error} title={`The invitation of ${problem.email} was not ${problem.action}`} onClose={() => setProblem(null)} />
          )}
          {resent && (
            <Alert color="green" variant="light" role="status" withCloseButton onClose={() => setResent(null)}>
              The invitation was mailed again to {resent} with a new link.
            </Alert>
          )}
          {invitations.isLoading ? (
            <Loading label="Loading the invitations…" />
          ) : invitations.error ? (
            <ErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />
          ) : list.length === 0 ? (
            <Text size="sm">{show === 'pending' ? 'No pending invitations.' : 'No invitations yet.'}</Text>
          ) : (
            <Table verticalSpacing="xs" aria-label="Invitations" layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Invitation</Table.Th>
                  <Table.Th w={{ base: 112, sm: 260 }}>Status</Table.Th>
                  <Table.Th w={{ base: 84, sm: 150 }}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((inv) => (
                  <Table.Tr key={inv.id} data-testid="invitation-row">
                    <Table.Td>
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {inv.email}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {inv.role === 'ADMIN' ? 'Admin' : 'Member'} · invited {formatDate(inv.createdAt)}
                        {inv.invitedBy ? ` by ${inv.invitedBy.displayName}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={stateColor[inv.state]}>
                        {invitationStateLabel[inv.state]}
                      </Badge>
                      <Text size="xs" c="dimmed" mt={2}>
                        {invitationOutcome(inv)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group justify="flex-end" gap={4}>
                        {(inv.state === 'PENDING' || inv.state === 'EXPIRED') && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            aria-label={`Resend the invitation of ${inv.email}`}
                            onClick={async () => {
                              setProblem(null);
                              setResent(null);
                              try {
                                await api.invitations.resendInvitation(inv.id);
                                setResent(inv.email);
                              } catch (e) {
                                setProblem({ email: inv.email, action: 'resent', error: e });
                              }
                              await refresh();
                            }}
                          >
                            Resend
                          </Button>
                        )}
                        {inv.state === 'PENDING' && (
                          <ConfirmButton
                            size="compact-xs"
                            variant="subtle"
                            aria-label={`Revoke the invitation of ${inv.email}`}
                            title="Revoke this invitation?"
                            message={`The link sent to ${inv.email} will stop working. You can invite them again afterwards.`}
                            confirmLabel="Revoke"
                            onConfirm={async () => {
                              setProblem(null);
                              try {
                                await api.invitations.revokeInvitation(inv.id, ifMatch(inv.version));
                              } catch (e) {
                                // Accepted or revoked meanwhile, say: the refusal is shown above the list, which shows what it is now.
                                setProblem({ email: inv.email, action: 'revoked', error: e });
                              }
                              await refresh();
                            }}
                          >
                            Revoke
                          </ConfirmButton>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
