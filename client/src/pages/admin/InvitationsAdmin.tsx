import { Badge, Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/rest';
import { describeError, ifMatch } from '../../api/http';
import type { InvitationStatus } from '../../api/okr-client';
import { useMember } from '../../auth/session';
import { formatDate } from '../../components/format';
import { ConfirmButton } from '../../components/plan/ConfirmButton';
import { InviteForm } from '../../components/plan/InviteForm';
import { forgetInvitation, rememberInvitation, useSentInvitations } from './sentInvitations';

const statusColor: Record<InvitationStatus, string> = { Pending: 'blue', Accepted: 'green', Revoked: 'gray', Expired: 'orange' };

/** Invite by email and role (the one-time link shown once), and revoke what was sent. */
export function InvitationsAdmin() {
  const member = useMember();
  const queryClient = useQueryClient();
  const { ids, results } = useSentInvitations(member.organizationId);

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
          <InviteForm onInvited={(invitation) => rememberInvitation(member.organizationId, invitation.id)} />
        </Stack>
      </Card>
      <Card>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Invitations sent from this browser
          </Title>
          <Text size="sm" c="dimmed">
            The server keeps no list of invitations to browse yet, so the ones you send from here are remembered here, with their
            current status.
          </Text>
          {ids.length === 0 ? (
            <Text size="sm">None yet.</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Email</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Expires</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {results.map((r, i) => {
                    const id = ids[i]!;
                    if (r.isLoading) {
                      return (
                        <Table.Tr key={id}>
                          <Table.Td colSpan={5}>
                            <Text size="sm" c="dimmed">
                              Loading…
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      );
                    }
                    if (r.error || !r.data) {
                      return (
                        <Table.Tr key={id}>
                          <Table.Td colSpan={4}>
                            <Text size="sm" c="red">
                              {describeError(r.error).message}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => forgetInvitation(member.organizationId, id)}>
                              Forget
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      );
                    }
                    const inv = r.data;
                    return (
                      <Table.Tr key={id}>
                        <Table.Td>{inv.email}</Table.Td>
                        <Table.Td>{inv.role}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={statusColor[inv.status]}>
                            {inv.status}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{inv.status === 'Pending' ? formatDate(inv.expiresAt) : '–'}</Table.Td>
                        <Table.Td>
                          <Group justify="flex-end">
                            {inv.status === 'Pending' && (
                              <ConfirmButton
                                size="compact-xs"
                                variant="subtle"
                                aria-label={`Revoke the invitation of ${inv.email}`}
                                title="Revoke this invitation?"
                                message={`The link sent to ${inv.email} will stop working. You can invite them again afterwards.`}
                                confirmLabel="Revoke"
                                onConfirm={async () => {
                                  await api.invitations.revokeInvitation(inv.id, ifMatch(inv.version));
                                  await queryClient.invalidateQueries({ queryKey: ['okr', 'plan', 'invitation', inv.id] });
                                }}
                              >
                                Revoke
                              </ConfirmButton>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
