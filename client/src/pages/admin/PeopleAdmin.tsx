import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/rest';
import { describeError } from '../../api/http';
import type { OrganizationRole as RestRole } from '../../api/okr-client';
import { useMember, useSession } from '../../auth/session';
import { ErrorAlert, Loading } from '../../components/States';
import { ConfirmButton } from '../../components/plan/ConfirmButton';
import { useOrgTree, type PersonEntry } from '../../components/plan/orgTree';
import { organizationRoleToRest } from '../../components/plan/vocabulary';
import { useSentInvitations } from './sentInvitations';

/**
 * People and their organisation roles. GraphQL has no list of people: everyone who belongs to a unit is listed, plus
 * those who accepted an invitation sent from this browser.
 */
export function PeopleAdmin() {
  const member = useMember();
  const session = useSession();
  const queryClient = useQueryClient();
  const tree = useOrgTree();
  const { results: invitations } = useSentInvitations(member.organizationId);
  const acceptedIds = invitations.map((r) => r.data?.acceptedByPersonId).filter((id): id is string => !!id);
  const knownIds = new Set(tree.data?.people.map((p) => p.id) ?? []);
  const extra = useQueries({
    queries: acceptedIds
      .filter((id) => !knownIds.has(id))
      .map((id) => ({ queryKey: ['okr', 'plan', 'person', id], queryFn: () => api.people.getPerson(id), retry: false })),
  });
  const [search, setSearch] = useState('');
  const [problem, setProblem] = useState<{ personId: string; message: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const people: PersonEntry[] = useMemo(() => {
    const list = [...(tree.data?.people ?? [])];
    for (const r of extra) {
      const p = r.data;
      if (p && !list.some((x) => x.id === p.id)) {
        list.push({
          id: p.id,
          displayName: p.displayName,
          email: p.email,
          role: p.role === 'Admin' ? 'ADMIN' : 'MEMBER',
          isActive: p.isActive,
          memberships: [],
        });
      }
    }
    return list.sort((a, b) => a.displayName.localeCompare(b.displayName));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tree.data, extra.map((r) => r.dataUpdatedAt).join()]);

  if (tree.isLoading) return <Loading label="Loading people…" />;
  if (tree.error) return <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />;

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['okr'] });
  };
  const act = async (personId: string, run: () => Promise<unknown>) => {
    setProblem(null);
    setBusy(personId);
    try {
      await run();
      await refresh();
      // Changing one's own role changes what the app shows.
      if (personId === member.personId) await session.refresh();
    } catch (e) {
      setProblem({ personId, message: describeError(e).message });
    } finally {
      setBusy(null);
    }
  };

  const q = search.trim().toLowerCase();
  const shown = q ? people.filter((p) => p.displayName.toLowerCase().includes(q) || p.email.toLowerCase().includes(q)) : people;
  const admins = people.filter((p) => p.role === 'ADMIN' && p.isActive).length;

  return (
    <Card>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={2}>
            <Title order={2} size="h4">
              People and roles
            </Title>
            <Text size="sm" c="dimmed">
              Admins can do everything in the organisation; members’ rights come from their units (lead or member). {admins} active
              admin{admins === 1 ? '' : 's'}.
            </Text>
          </Stack>
          <TextInput aria-label="Search people" placeholder="Search by name or email" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={{ base: '100%', sm: 260 }} />
        </Group>
        <Text size="xs" c="dimmed">
          Listed: everyone who belongs to a unit, and people who accepted an invitation sent from this browser. Someone who belongs to no
          unit yet may be missing: add them to a unit from the Units tab once they appear.
        </Text>
        {problem && (
          <Alert color="red" variant="light" role="alert" withCloseButton onClose={() => setProblem(null)} title="Not changed">
            {people.find((p) => p.id === problem.personId)?.displayName}: {problem.message}
          </Alert>
        )}
        <Stack gap={0} role="list" aria-label="People">
          {shown.length === 0 && (
            <Text size="sm" c="dimmed" py="sm">
              Nobody matches “{search}”.
            </Text>
          )}
          {shown.map((p) => (
            <Group
              key={p.id}
              role="listitem"
              aria-label={p.displayName}
              data-testid="person-row"
              justify="space-between"
              wrap="wrap"
              gap="xs"
              py="xs"
              style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
            >
              <Stack gap={0} style={{ flex: '1 1 260px', minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {p.displayName}
                  {p.id === member.personId ? ' (you)' : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {p.email}
                </Text>
                <Text size="xs">
                  {p.memberships.length === 0
                    ? 'No unit yet'
                    : p.memberships.map((m) => `${m.unitName}${m.role === 'LEAD' ? ' (lead)' : ''}`).join(', ')}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                <Select
                  aria-label={`Organisation role of ${p.displayName}`}
                  data={[
                    { value: 'MEMBER', label: 'Member' },
                    { value: 'ADMIN', label: 'Admin' },
                  ]}
                  value={p.role}
                  allowDeselect={false}
                  disabled={busy === p.id || !p.isActive}
                  size="xs"
                  w={110}
                  comboboxProps={{ withinPortal: true }}
                  onChange={(v) => {
                    if (!v || v === p.role) return;
                    const role: RestRole = organizationRoleToRest[v as 'ADMIN' | 'MEMBER'];
                    void act(p.id, () => api.people.changePersonRole(p.id, { role }));
                  }}
                />
                <Badge variant="light" color={p.isActive ? 'green' : 'gray'} w={100}>
                  {p.isActive ? 'Active' : 'Deactivated'}
                </Badge>
                <div style={{ width: 90 }}>
                  {p.isActive ? (
                    <ConfirmButton
                      size="compact-xs"
                      variant="subtle"
                      aria-label={`Deactivate ${p.displayName}`}
                      title={`Deactivate ${p.displayName}?`}
                      message={`${p.displayName} will no longer be able to sign in to ${member.organizationName}. Their OKRs, check-ins and history stay. You can reactivate them later.`}
                      confirmLabel="Deactivate"
                      onConfirm={async () => {
                        await api.people.deactivatePerson(p.id);
                        await refresh();
                      }}
                    >
                      Deactivate
                    </ConfirmButton>
                  ) : (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      loading={busy === p.id}
                      onClick={() => void act(p.id, () => api.people.reactivatePerson(p.id))}
                      aria-label={`Reactivate ${p.displayName}`}
                    >
                      Reactivate
                    </Button>
                  )}
                </div>
              </Group>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
