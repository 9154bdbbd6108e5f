import { useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { graphql } from '../../api/graphql';
import { api } from '../../api/rest';
import { describeError } from '../../api/http';
import type { AlignObjective } from '../../api/okr-client';
import type { AlignmentKind, PlanObjectiveFragment } from '../../graphql/generated';
import { PlanAlignmentCandidatesDocument } from '../../graphql/documents/PlanAlignmentCandidates';
import { usePeriods } from '../../app/periods';

const kindHelp: Record<AlignmentKind, string> = {
  CONTRIBUTES: 'Counts in the parent’s progress, with its weight next to the parent’s key results.',
  SUPPORTS: 'Shown on the map as support, not counted in the parent’s progress.',
};

/** The request that aligns an objective: to a whole parent objective, or to one of its key results. */
export function toAlignRequest(choice: { parentObjectiveId: string; parentKeyResultId: string | null; kind: AlignmentKind; weight: number }): AlignObjective {
  return {
    parentObjectiveId: choice.parentObjectiveId,
    parentKeyResultId: choice.parentKeyResultId ?? undefined,
    kind: choice.kind,
    weight: choice.kind === 'CONTRIBUTES' ? choice.weight : 1,
  };
}

/** Current alignments with remove, and a search to align to a parent objective or key result of the period. */
export function AlignmentPanel({
  objective,
  periodId,
  canEdit,
  onChanged,
}: {
  objective: PlanObjectiveFragment;
  periodId: string;
  canEdit: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const remove = async (alignmentId: string) => {
    setError(null);
    setRemoving(alignmentId);
    try {
      await api.objectives.removeAlignment(objective.id, alignmentId);
      await onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setRemoving(null);
    }
  };

  return (
    <Stack gap="xs">
      {objective.parents.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not aligned yet: link it to the objective or key result above it that it moves.
        </Text>
      ) : (
        <Stack gap={6} role="list" aria-label="Aligned to">
          {objective.parents.map((a) => (
            <Group key={a.id} gap="xs" wrap="wrap" justify="space-between" role="listitem">
              <Stack gap={0} style={{ minWidth: 0, flex: '1 1 240px' }}>
                <Group gap={6} wrap="wrap">
                  <Badge size="xs" variant="light" color={a.kind === 'CONTRIBUTES' ? 'indigo' : 'gray'} style={{ flexShrink: 0 }}>
                    {a.kind === 'CONTRIBUTES' ? `Contributes ×${a.weight}` : 'Supports'}
                  </Badge>
                  <Anchor component={Link} to={`/objectives/${a.parent.id}`} size="sm" lineClamp={2}>
                    {a.parent.title}
                  </Anchor>
                </Group>
                <Text size="xs" c="dimmed">
                  {a.parent.owningUnit.name}
                  {a.parentKeyResult ? ` · key result: ${a.parentKeyResult.title}` : ''}
                </Text>
              </Stack>
              {canEdit && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  loading={removing === a.id}
                  onClick={() => void remove(a.id)}
                  aria-label={`Remove alignment to ${a.parent.title}`}
                >
                  Remove
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {describeError(error).message}
        </Alert>
      ) : null}
      {canEdit &&
        (adding ? (
          <AlignForm
            objective={objective}
            periodId={periodId}
            onCancel={() => setAdding(false)}
            onAligned={async () => {
              await onChanged();
              setAdding(false);
            }}
          />
        ) : (
          <Group>
            <Button size="xs" variant="light" onClick={() => setAdding(true)}>
              Align to a parent
            </Button>
          </Group>
        ))}
    </Stack>
  );
}

function AlignForm({
  objective,
  periodId,
  onCancel,
  onAligned,
}: {
  objective: PlanObjectiveFragment;
  periodId: string;
  onCancel: () => void;
  onAligned: () => Promise<void>;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [parentId, setParentId] = useState<string | null>(null);
  const [keyResultId, setKeyResultId] = useState<string | null>(null);
  const [kind, setKind] = useState<AlignmentKind>('CONTRIBUTES');
  const [weight, setWeight] = useState<number | string>(1);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Once a parent is chosen, the search box shows its label: that is not a new search.
  const [chosenLabel, setChosenLabel] = useState<string | null>(null);
  const text = debounced === chosenLabel ? '' : debounced.trim();
  // The period's own objectives, and its year's: planning a quarter often starts before the company has objectives in it.
  const periods = usePeriods();
  const period = periods.data?.find((p) => p.id === periodId);
  const year = periods.data?.find((p) => p.id === period?.parent?.id && p.kind === 'YEAR');
  const candidates = useQuery({
    queryKey: ['okr', 'plan', 'alignment-candidates', periodId, year?.id ?? null, text],
    queryFn: () => graphql(PlanAlignmentCandidatesDocument, { periodId, yearId: year?.id ?? periodId, withYear: !!year, text: text || null }),
    placeholderData: (previous) => previous,
    enabled: !periods.isLoading,
  });
  const inPeriod = useMemo(() => (candidates.data?.objectives?.nodes ?? []).filter((o) => o.id !== objective.id), [candidates.data, objective.id]);
  const inYear = useMemo(() => (candidates.data?.yearObjectives?.nodes ?? []).filter((o) => o.id !== objective.id), [candidates.data, objective.id]);
  const nodes = useMemo(() => [...inPeriod, ...inYear], [inPeriod, inYear]);
  const [chosen, setChosen] = useState<(typeof nodes)[number] | null>(null);
  const data = useMemo(() => {
    const option = (o: (typeof nodes)[number]) => ({ value: o.id, label: `${o.title} — ${o.owningUnit.name}${o.state === 'DRAFT' ? ' (draft)' : ''}` });
    const kept = chosen && !nodes.some((n) => n.id === chosen.id) ? [option(chosen)] : [];
    return [
      { group: period?.name ?? 'This period', items: [...kept, ...inPeriod.map(option)] },
      ...(year ? [{ group: year.name, items: inYear.map(option) }] : []),
    ].filter((g) => g.items.length > 0);
  }, [nodes, chosen, inPeriod, inYear, period?.name, year]);
  const options = data.flatMap((g) => g.items);
  // Said plainly, rather than "no match", when there is nothing to align to yet.
  const nothingYet = !text && !candidates.isFetching && nodes.length === 0;

  const submit = async () => {
    if (!parentId) {
      setError('Choose the parent objective first.');
      return;
    }
    const w = Number(weight);
    if (kind === 'CONTRIBUTES' && (weight === '' || Number.isNaN(w) || w < 0)) {
      setError('A weight of 0 or more (1 counts like one of the parent’s key results).');
      return;
    }
    setError(null);
    setSaving(true);
    try {
      await api.objectives.alignObjective(objective.id, toAlignRequest({ parentObjectiveId: parentId, parentKeyResultId: keyResultId, kind, weight: w }));
      await onAligned();
    } catch (e) {
      const problem = describeError(e);
      const fields = Object.values(problem.fieldErrors).flat();
      setError(fields.length ? fields.join(' ') : problem.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="sm">
        <Select
          label="Parent objective"
          description={year ? `Search the objectives of ${period?.name ?? 'this period'} and ${year.name} by title.` : 'Search this period’s objectives by title.'}
          placeholder="Type to search…"
          searchable
          data={data}
          value={parentId}
          onChange={(value) => {
            setParentId(value);
            setKeyResultId(null);
            setChosen(nodes.find((n) => n.id === value) ?? null);
            setChosenLabel(options.find((d) => d.value === value)?.label ?? null);
          }}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options }) => options}
          nothingFoundMessage={candidates.isFetching ? 'Searching…' : nothingYet ? 'Nothing to align to yet' : 'No objective matches'}
          comboboxProps={{ withinPortal: true }}
        />
        {nothingYet && (
          <Text size="sm" c="dimmed" role="note">
            {period?.name ?? 'This period'}
            {year ? ` and ${year.name} have` : ' has'} no draft or active objective to align to yet: the company’s come first. Align this
            one once they exist; it stays a draft meanwhile.
          </Text>
        )}
        {chosen && chosen.keyResults.length > 0 && (
          <Select
            label="Key result (optional)"
            description="Align to one of its key results when this objective moves that one specifically."
            data={[{ value: '', label: 'The whole objective' }, ...chosen.keyResults.map((k) => ({ value: k.id, label: k.title }))]}
            value={keyResultId ?? ''}
            onChange={(v) => setKeyResultId(v ? v : null)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`align-kind-${objective.id}`}>
            How it aligns
          </Text>
          <SegmentedControl
            aria-labelledby={`align-kind-${objective.id}`}
            data={[
              { value: 'CONTRIBUTES', label: 'Contributes' },
              { value: 'SUPPORTS', label: 'Supports' },
            ]}
            value={kind}
            onChange={(v) => setKind(v as AlignmentKind)}
          />
          <Text size="xs" c="dimmed">
            {kindHelp[kind]}
          </Text>
        </Stack>
        {kind === 'CONTRIBUTES' && (
          <NumberInput
            label="Weight"
            description="How much it counts in the parent’s progress (1: like one of its key results)."
            min={0}
            max={100}
            decimalScale={2}
            value={weight}
            onChange={setWeight}
            w={{ base: '100%', sm: 260 }}
          />
        )}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" size="xs" onClick={onCancel}>
            Cancel
          </Button>
          <Button size="xs" loading={saving} onClick={() => void submit()}>
            Align
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
