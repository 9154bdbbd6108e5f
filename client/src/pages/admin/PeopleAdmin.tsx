import { useMemo, useState } from 'react';
import { Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/rest';
import { ifMatch } from '../../api/http';
import type { OrganizationRole as RestRole } from '../../api/okr-client';
import { useMember, useSession } from '../../auth/session';
import { ErrorAlert, Loading } from '../../components/States';
import { ConfirmButton } from '../../components/plan/ConfirmButton';
import { WriteProblem } from '../../components/gaps/WriteProblem';
import { rereadWhenStale } from '../../components/gaps/stale';
import { useOrgTree, usePeople, withMemberships, type PersonEntry } from '../../components/plan/orgTree';

/** Everyone in the organisation (deactivated people too) with their organisation role and units. */
export function PeopleAdmin() {
  const member = useMember();
  const session = useSession();
  const queryClient = useQueryClient();
  const peopleQuery = usePeople({ includeInactive: true });
  const tree = useOrgTree();
  const [search, setSearch] = useState('');
  const [problem, setProblem] = useState<{ personId: string; error: unknown } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const people: PersonEntry[] = useMemo(() => withMemberships(peopleQuery.data ?? [], tree.data?.units ?? []), [peopleQuery.data, tree.data]);

  if (peopleQuery.isLoading) return <Loading label="Loading people…" />;
  if (peopleQuery.error) return <ErrorAlert error={peopleQuery.error} onRetry={() => void peopleQuery.refetch()} />;

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['okr'] });
  };
  const act = async (personId: string, run: () => Promise<unknown>) => {
    setProblem(null);
    setBusy(personId);
    try {
      await rereadWhenStale(run, refresh);
      await refresh();
      // Changing one's own role changes what the app shows.
      if (personId === member.personId) await session.refresh();
    } catch (e) {
      setProblem({ personId, error: e });
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
        {tree.error && <ErrorAlert error={tree.error} title="The units people belong to could not be loaded" onRetry={() => void tree.refetch()} />}
        {problem && (
          <WriteProblem error={problem.error} title="Not changed" onClose={() => setProblem(null)}>
            {people.find((p) => p.id === problem.personId)?.displayName}:{' '}
          </WriteProblem>
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
                {tree.data && (
                  <Text size="xs">
                    {p.memberships.length === 0
                      ? 'No unit yet: add them to one from the Units tab'
                      : p.memberships.map((m) => `${m.unitName}${m.role === 'LEAD' ? ' (lead)' : ''}`).join(', ')}
                  </Text>
                )}
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
                    const role: RestRole = v as 'ADMIN' | 'MEMBER';
                    void act(p.id, () => api.people.changePersonRole(p.id, { role }, ifMatch(p.version)));
                  }}
                />
                <Badge variant="light" color={p.isActive ? 'green' : 'gray'} size="sm" w={104}>
                  {p.isActive ? 'Active' : 'Deactivated'}
                </Badge>
                <div style={{ width: 86 }}>
                  {p.isActive ? (
                    <ConfirmButton
                      size="compact-xs"
                      variant="subtle"
                      aria-label={`Deactivate ${p.displayName}`}
                      title={`Deactivate ${p.displayName}?`}
                      message={`${p.displayName} will no longer be able to sign in to ${member.organizationName}. Their OKRs, check-ins and history stay. You can reactivate them later.`}
                      confirmLabel="Deactivate"
                      onConfirm={async () => {
                        await act(p.id, () => api.people.deactivatePerson(p.id, ifMatch(p.version)));
                      }}
                    >
                      Deactivate
                    </ConfirmButton>
                  ) : (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      loading={busy === p.id}
                      onClick={() => void act(p.id, () => api.people.reactivatePerson(p.id, ifMatch(p.version)))}
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
