import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  NavLink,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/rest';
import { ifMatch } from '../../api/http';
import { ErrorAlert, Loading } from '../../components/States';
import { applyServerErrors } from '../../components/formErrors';
import { ConfirmButton } from '../../components/plan/ConfirmButton';
import { PersonSelect } from '../../components/plan/PersonSelect';
import { WriteProblem } from '../../components/gaps/WriteProblem';
import { rereadWhenStale } from '../../components/gaps/stale';
import { useOrgTree, usePeople, type TreeUnit } from '../../components/plan/orgTree';
import { unitKindLabel } from '../../components/plan/vocabulary';
import type { UnitKind, UnitRole } from '../../graphql/generated';

const childKinds: UnitKind[] = ['DIVISION', 'DEPARTMENT', 'TEAM', 'CROSS_FUNCTIONAL_TEAM'];
const kindData = childKinds.map((k) => ({ value: k, label: unitKindLabel[k] }));
const namePlaceholder: Record<UnitKind, string> = {
  COMPANY: 'Acme',
  DIVISION: 'Sales',
  DEPARTMENT: 'Inside sales',
  TEAM: 'Growth team',
  CROSS_FUNCTIONAL_TEAM: 'Launch squad',
};

/**
 * The units tree, however deep: pick a unit to rename it, change its kind, move it, manage its members, add a sub-unit
 * or delete it. Unit and member writes send the unit's version (If-Match).
 */
export function UnitsAdmin() {
  const tree = useOrgTree();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const details = useRef<HTMLDivElement>(null);
  const select = (id: string) => {
    setSelectedId(id);
    // On a phone the details are below the tree: bring them into view.
    if (window.matchMedia('(max-width: 62em)').matches) requestAnimationFrame(() => details.current?.scrollIntoView({ block: 'start' }));
  };
  const units = tree.data?.units ?? [];
  const selected = units.find((u) => u.id === selectedId) ?? units[0];

  if (tree.isLoading) return <Loading label="Loading the units…" />;
  if (tree.error) return <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />;

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Card padding="xs">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} px="xs" pt={4} pb={6}>
            Units ({units.length})
          </Text>
          <nav aria-label="Units tree">
            {units.map((u) => (
              <NavLink
                key={u.id}
                component="button"
                active={u.id === selected?.id}
                onClick={() => select(u.id)}
                label={u.name}
                description={`${unitKindLabel[u.kind]} · ${u.members.length} member${u.members.length === 1 ? '' : 's'}`}
                style={{ paddingLeft: 12 + u.depth * 20 }}
                aria-current={u.id === selected?.id ? 'true' : undefined}
              />
            ))}
          </nav>
        </Card>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }} ref={details} style={{ scrollMarginTop: 64 }}>
        {selected && <UnitDetails key={selected.id} unit={selected} units={units} onSelect={select} />}
      </Grid.Col>
    </Grid>
  );
}

function UnitDetails({ unit, units, onSelect }: { unit: TreeUnit; units: readonly TreeUnit[]; onSelect: (id: string) => void }) {
  const queryClient = useQueryClient();
  const people = usePeople();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['okr'] });
  const isCompany = unit.kind === 'COMPANY';

  return (
    <Stack gap="md">
      <Card>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h4">
              {unit.name}
            </Title>
            <Badge variant="light" color="gray">
              {unitKindLabel[unit.kind]}
            </Badge>
          </Group>
          <RenameForm unit={unit} onSaved={refresh} />
          {!isCompany && <MoveForm unit={unit} units={units} onSaved={refresh} />}
        </Stack>
      </Card>

      {people.error && <ErrorAlert error={people.error} title="The list of people could not be loaded" onRetry={() => void people.refetch()} />}
      <MembersCard unit={unit} people={people.data ?? []} onChanged={refresh} />

      <Card>
        <Stack gap="sm">
          <Title order={3} size="h5">
            Add a unit below {unit.name}
          </Title>
          <CreateChildForm parent={unit} onCreated={refresh} onOpen={onSelect} />
        </Stack>
      </Card>

      {!isCompany && (
        <Card>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0} style={{ flex: '1 1 240px' }}>
              <Text fw={600}>Delete {unit.name}</Text>
              <Text size="sm" c="dimmed">
                Only an empty unit can be deleted: no units below it, no members, no objectives, key results, KPIs or initiatives (across every period).
              </Text>
            </Stack>
            <ConfirmButton
              variant="light"
              title={`Delete ${unit.name}?`}
              message={`${unit.name} will be removed from the organisation tree. This cannot be undone.`}
              confirmLabel="Delete unit"
              onConfirm={async () => {
                await rereadWhenStale(() => api.orgUnits.deleteOrgUnit(unit.id, ifMatch(unit.version)), refresh);
                onSelect(unit.parentId ?? '');
                await refresh();
              }}
            >
              Delete unit
            </ConfirmButton>
          </Group>
        </Card>
      )}
    </Stack>
  );
}

function RenameForm({ unit, onSaved }: { unit: TreeUnit; onSaved: () => Promise<unknown> }) {
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const form = useForm({
    initialValues: { name: unit.name, kind: unit.kind },
    validate: { name: (v) => (v.trim() ? null : 'Give the unit a name.') },
  });
  useEffect(() => {
    form.setValues({ name: unit.name, kind: unit.kind });
    form.resetDirty({ name: unit.name, kind: unit.kind });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unit.name, unit.kind]);

  const submit = form.onSubmit(async (v) => {
    setError(null);
    setDone(false);
    try {
      await rereadWhenStale(() => api.orgUnits.updateOrgUnit(unit.id, { name: v.name.trim(), kind: v.kind }, ifMatch(unit.version)), onSaved);
      await onSaved();
      setDone(true);
    } catch (e) {
      setError(applyServerErrors(e, (f, m) => form.setFieldError(f, m), ['name', 'kind']) === null ? null : e);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={`Rename ${unit.name}`}>
      <Stack gap="xs">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput label="Name" style={{ flex: '2 1 200px' }} {...form.getInputProps('name')} />
          {unit.kind === 'COMPANY' ? (
            <Text size="sm" c="dimmed" style={{ flex: '1 1 160px' }}>
              The root is always the company.
            </Text>
          ) : (
            <Select label="Kind" data={kindData} allowDeselect={false} style={{ flex: '1 1 160px' }} comboboxProps={{ withinPortal: true }} {...form.getInputProps('kind')} />
          )}
          <Button type="submit" variant="light" loading={form.submitting} disabled={!form.isDirty()}>
            Save
          </Button>
        </Group>
        {error ? <WriteProblem error={error} /> : null}
        {done && !form.isDirty() && (
          <Text size="sm" c="green.8" role="status">
            Saved.
          </Text>
        )}
      </Stack>
    </form>
  );
}

function MoveForm({ unit, units, onSaved }: { unit: TreeUnit; units: readonly TreeUnit[]; onSaved: () => Promise<unknown> }) {
  const [parentId, setParentId] = useState<string | null>(unit.parentId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setParentId(unit.parentId), [unit.parentId]);

  const move = async () => {
    if (!parentId || parentId === unit.parentId) return;
    setBusy(true);
    setError(null);
    try {
      await rereadWhenStale(() => api.orgUnits.moveOrgUnit(unit.id, { parentId }, ifMatch(unit.version)), onSaved);
      await onSaved();
    } catch (e) {
      // A cycle (under itself or one of its own sub-units) is the server's to refuse: its words are shown.
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label="Sits under"
          description="Moving keeps its objectives and history."
          data={units.filter((u) => u.id !== unit.id).map((u) => ({ value: u.id, label: `${'· '.repeat(u.depth)}${u.name}` }))}
          value={parentId}
          onChange={setParentId}
          allowDeselect={false}
          searchable
          style={{ flex: '1 1 240px' }}
          comboboxProps={{ withinPortal: true }}
        />
        <Button variant="light" onClick={() => void move()} loading={busy} disabled={!parentId || parentId === unit.parentId}>
          Move
        </Button>
      </Group>
      {error ? <WriteProblem error={error} title="Not moved" /> : null}
    </Stack>
  );
}

function MembersCard({
  unit,
  people,
  onChanged,
}: {
  unit: TreeUnit;
  people: readonly { id: string; displayName: string; isActive: boolean }[];
  onChanged: () => Promise<unknown>;
}) {
  const [personId, setPersonId] = useState<string | null>(null);
  const [role, setRole] = useState<UnitRole>('MEMBER');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const memberIds = new Set(unit.members.map((m) => m.person.id));

  const run = async (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    setError(null);
    try {
      await rereadWhenStale(action, onChanged);
      await onChanged();
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card>
      <Stack gap="sm">
        <Title order={3} size="h5">
          Members of {unit.name}
        </Title>
        <Text size="sm" c="dimmed">
          Leads manage the unit’s OKRs, members and sub-units; members draft OKRs for it and check in.
        </Text>
        {error ? <WriteProblem error={error} onClose={() => setError(null)} /> : null}
        {unit.members.length === 0 ? (
          <Text size="sm">Nobody yet.</Text>
        ) : (
          <Stack gap={0} role="list" aria-label={`Members of ${unit.name}`}>
            {unit.members.map((m) => (
              <Group
                key={m.person.id}
                role="listitem"
                gap="xs"
                wrap="nowrap"
                py={4}
                style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
              >
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" truncate>
                    {m.person.displayName}
                  </Text>
                  {!m.person.isActive && (
                    <Text size="xs" c="dimmed">
                      deactivated
                    </Text>
                  )}
                </Stack>
                <Select
                  aria-label={`Role of ${m.person.displayName} in ${unit.name}`}
                  size="xs"
                  w={100}
                  data={[
                    { value: 'LEAD', label: 'Lead' },
                    { value: 'MEMBER', label: 'Member' },
                  ]}
                  value={m.role}
                  allowDeselect={false}
                  disabled={busy !== null}
                  comboboxProps={{ withinPortal: true }}
                  onChange={(v) =>
                    v &&
                    v !== m.role &&
                    void run(`role-${m.person.id}`, () =>
                      api.orgUnits.changeUnitMemberRole(unit.id, m.person.id, { role: v as UnitRole }, ifMatch(unit.version)),
                    )
                  }
                />
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  loading={busy === `remove-${m.person.id}`}
                  disabled={busy !== null && busy !== `remove-${m.person.id}`}
                  aria-label={`Remove ${m.person.displayName} from ${unit.name}`}
                  onClick={() => void run(`remove-${m.person.id}`, () => api.orgUnits.removeUnitMember(unit.id, m.person.id, ifMatch(unit.version)))}
                >
                  Remove
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        <Group gap="sm" align="flex-end" wrap="wrap">
          <div style={{ flex: '2 1 200px' }}>
            <PersonSelect
              label="Add a person"
              people={people.filter((p) => !memberIds.has(p.id)).map((p) => ({ id: p.id, displayName: p.displayName, isActive: p.isActive }))}
              value={personId}
              onChange={setPersonId}
              placeholder="Search by name"
            />
          </div>
          <Select
            label="As"
            data={[
              { value: 'MEMBER', label: 'Member' },
              { value: 'LEAD', label: 'Lead' },
            ]}
            value={role}
            onChange={(v) => v && setRole(v as UnitRole)}
            allowDeselect={false}
            style={{ flex: '1 1 110px' }}
            comboboxProps={{ withinPortal: true }}
          />
          <Button
            variant="light"
            disabled={!personId || (busy !== null && busy !== 'add')}
            loading={busy === 'add'}
            onClick={() =>
              personId &&
              void run('add', () => api.orgUnits.addUnitMember(unit.id, { personId, role }, ifMatch(unit.version))).then(
                (ok) => ok && setPersonId(null),
              )
            }
          >
            Add
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** What a unit below a unit of this kind usually is: divisions below the company, departments below a division, teams below that. */
export function defaultChildKind(parentKind: UnitKind): UnitKind {
  if (parentKind === 'COMPANY') return 'DIVISION';
  if (parentKind === 'DIVISION') return 'DEPARTMENT';
  return 'TEAM';
}

/**
 * Adds units below the selected one. The parent stays selected, so "Sales, Product, Engineering" typed in a row land side
 * by side below it (not each below the last); the name field is ready for the next, and the one just added can be opened.
 */
function CreateChildForm({
  parent,
  onCreated,
  onOpen,
}: {
  parent: TreeUnit;
  onCreated: () => Promise<unknown>;
  onOpen: (id: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<{ id: string; name: string }[]>([]);
  const nameInput = useRef<HTMLInputElement>(null);
  const kind = defaultChildKind(parent.kind);
  const form = useForm<{ name: string; kind: UnitKind }>({
    initialValues: { name: '', kind },
    validate: { name: (v) => (v.trim() ? null : 'Give the new unit a name.') },
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      const name = v.name.trim();
      const created = await api.orgUnits.createOrgUnit({ parentId: parent.id, name, kind: v.kind });
      // The kind stays as chosen: the next one typed is most likely a sibling of the same kind.
      form.setValues({ name: '' });
      setAdded((list) => [...list, { id: created.id, name }]);
      await onCreated();
      nameInput.current?.focus();
    } catch (e) {
      setError(applyServerErrors(e, (f, m) => form.setFieldError(f, m), ['name', 'kind', 'parentId']));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={`Add a unit below ${parent.name}`}>
      <Stack gap="xs">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput ref={nameInput} label="Name" placeholder={namePlaceholder[kind]} style={{ flex: '2 1 200px' }} {...form.getInputProps('name')} />
          <Select label="Kind" data={kindData} allowDeselect={false} style={{ flex: '1 1 160px' }} comboboxProps={{ withinPortal: true }} {...form.getInputProps('kind')} />
          <Button type="submit" variant="light" loading={form.submitting}>
            Add unit
          </Button>
        </Group>
        {added.length > 0 && (
          <Text size="sm" c="green.8" role="status">
            Added below {parent.name}:{' '}
            {added.map((u, i) => (
              <span key={u.id}>
                {i > 0 && ', '}
                <Anchor component="button" type="button" size="sm" onClick={() => onOpen(u.id)}>
                  {u.name}
                </Anchor>
              </span>
            ))}
            . Type the next name to add another.
          </Text>
        )}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
