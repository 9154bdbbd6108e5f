import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { api } from '../../api/rest';
import { ifMatch } from '../../api/http';
import type { CreateObjective, ObjectiveDto, UpdateObjective } from '../../api/okr-client';
import type { ObjectiveType, PlanObjectiveFragment, RaciRole, Visibility } from '../../graphql/generated';
import { applyServerErrors } from '../formErrors';
import { objectiveHints } from './coachHints';
import { FindingList } from './Findings';
import { PersonSelect, personOptions, type PersonOption } from './PersonSelect';
import {
  objectiveTypeHelp,
  objectiveTypeLabel,
  raciRoleHelp,
  raciRoleLabel,
  visibilityHelp,
} from './vocabulary';

export interface ObjectiveFormValues {
  title: string;
  description: string;
  type: ObjectiveType;
  ownerId: string | null;
  visibility: Visibility;
  focusAreaId: string | null;
  successCriteria: string;
  targetAudience: string;
  risks: string;
  dependencies: string;
  raci: { personId: string | null; role: RaciRole }[];
}

const fields: (keyof ObjectiveFormValues | 'owningUnitId')[] = [
  'title',
  'description',
  'type',
  'ownerId',
  'visibility',
  'focusAreaId',
  'successCriteria',
  'targetAudience',
  'risks',
  'dependencies',
  'raci',
  'owningUnitId',
];

const text = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

export function initialObjectiveValues(objective?: PlanObjectiveFragment | null, defaultOwnerId?: string | null): ObjectiveFormValues {
  return {
    title: objective?.title ?? '',
    description: objective?.description ?? '',
    type: objective?.type ?? 'COMMITTED',
    ownerId: objective ? (objective.owner?.id ?? null) : (defaultOwnerId ?? null),
    visibility: objective?.visibility ?? 'PUBLIC',
    focusAreaId: objective?.focusArea?.id ?? null,
    successCriteria: objective?.successCriteria ?? '',
    targetAudience: objective?.targetAudience ?? '',
    risks: objective?.risks ?? '',
    dependencies: objective?.dependencies ?? '',
    raci: objective?.raci.map((r) => ({ personId: r.person.id, role: r.role })) ?? [],
  };
}

/** The body of an update (a create adds the period): REST's PascalCase enums, empty texts left out. */
export function toObjectiveRequest(values: ObjectiveFormValues, owningUnitId: string): UpdateObjective {
  return {
    title: values.title.trim(),
    owningUnitId,
    type: values.type,
    description: text(values.description),
    ownerId: values.ownerId ?? undefined,
    visibility: values.visibility,
    focusAreaId: values.focusAreaId ?? undefined,
    successCriteria: text(values.successCriteria),
    targetAudience: text(values.targetAudience),
    risks: text(values.risks),
    dependencies: text(values.dependencies),
    raci: values.raci
      .filter((r): r is { personId: string; role: RaciRole } => r.personId !== null)
      .map((r) => ({ personId: r.personId, role: r.role })),
  };
}

/**
 * Drafts or edits an objective in place: the qualitative why, its type (what success means), owner, visibility,
 * focus area, what success looks like, audience, risks, dependencies and RACI. Coach hints appear as the title is
 * typed; the server's findings follow after saving.
 */
export function ObjectiveEditor({
  unitId,
  unitName,
  periodId,
  objective,
  people,
  focusAreas,
  defaultOwnerId,
  onSaved,
  onCancel,
}: {
  unitId: string;
  unitName: string;
  periodId: string;
  /** The objective to edit; absent to draft a new one. */
  objective?: PlanObjectiveFragment | null;
  people: readonly PersonOption[];
  focusAreas: readonly { id: string; title: string }[];
  defaultOwnerId?: string | null;
  onSaved: (saved: ObjectiveDto) => void | Promise<void>;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ObjectiveFormValues>({
    initialValues: initialObjectiveValues(objective, defaultOwnerId),
    validate: {
      title: (v) => (v.trim() ? null : 'Give the objective a title: what the unit wants to achieve, and why.'),
      raci: (entries) =>
        entries.filter((e) => e.role === 'ACCOUNTABLE').length > 1 ? 'RACI has one accountable person at most.' : null,
    },
  });
  const values = form.values;
  const hints = objectiveHints(values.title);

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      const body = toObjectiveRequest(v, objective?.owningUnit.id ?? unitId);
      const saved = objective
        ? await api.objectives.updateObjective(objective.id, body, ifMatch(objective.version))
        : await api.objectives.createObjective({ ...body, periodId } satisfies CreateObjective);
      await onSaved(saved);
    } catch (e) {
      setError(applyServerErrors(e, (f, m) => form.setFieldError(f, m), fields));
    }
  });

  const raciPeople = personOptions(people, unitName);
  const prefix = objective ? `objective-${objective.id}` : 'objective-new';
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md" shadow="xs">
      <form onSubmit={submit} noValidate aria-label={objective ? `Edit objective ${objective.title}` : 'New objective'}>
        <Stack gap="sm">
          <Text fw={700} size="lg">
            {objective ? 'Edit objective' : `New objective for ${unitName}`}
          </Text>
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label="Objective"
            description="What the unit wants to achieve and why: qualitative and inspiring. The numbers go in its key results."
            placeholder="Make it easy for the right customers to buy"
            required
            data-autofocus
            {...form.getInputProps('title')}
          />
          <FindingList findings={hints} source="typing" />
          <Textarea label="Description" description="Why it matters now (optional)." autosize minRows={2} {...form.getInputProps('description')} />

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Stack gap={4}>
              <Text size="sm" fw={500} id={`${prefix}-type`}>
                Type
              </Text>
              <SegmentedControl
                aria-labelledby={`${prefix}-type`}
                data={(['COMMITTED', 'ASPIRATIONAL'] as const).map((t) => ({ value: t, label: objectiveTypeLabel[t] }))}
                value={values.type}
                onChange={(v) => form.setFieldValue('type', v as ObjectiveType)}
              />
              <Text size="xs" c="dimmed">
                {objectiveTypeHelp[values.type]}
              </Text>
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500} id={`${prefix}-visibility`}>
                Visibility
              </Text>
              <SegmentedControl
                aria-labelledby={`${prefix}-visibility`}
                data={[
                  { value: 'PUBLIC', label: 'Public' },
                  { value: 'RESTRICTED', label: 'Restricted' },
                ]}
                value={values.visibility}
                onChange={(v) => form.setFieldValue('visibility', v as Visibility)}
              />
              <Text size="xs" c="dimmed">
                {visibilityHelp[values.visibility]}
              </Text>
            </Stack>
            <PersonSelect
              label="Owner"
              description="The directly responsible individual."
              people={people}
              unitName={unitName}
              value={values.ownerId}
              onChange={(v) => form.setFieldValue('ownerId', v)}
              error={form.errors.ownerId}
            />
            <Select
              label="Focus area"
              description={focusAreas.length ? 'The strategic pillar it serves (optional).' : 'No focus areas are set for this period.'}
              data={focusAreas.map((f) => ({ value: f.id, label: f.title }))}
              clearable
              disabled={focusAreas.length === 0}
              placeholder="None"
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('focusAreaId')}
            />
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Textarea
              label="What success looks like"
              description="How will you know, beyond the numbers?"
              autosize
              minRows={2}
              {...form.getInputProps('successCriteria')}
            />
            <Textarea label="Target audience" description="Who it is for." autosize minRows={2} {...form.getInputProps('targetAudience')} />
            <Textarea label="Risks" description="What could stop it." autosize minRows={2} {...form.getInputProps('risks')} />
            <Textarea label="Dependencies" description="Who or what it needs." autosize minRows={2} {...form.getInputProps('dependencies')} />
          </SimpleGrid>

          <Stack gap={6}>
            <Text size="sm" fw={500}>
              RACI
            </Text>
            <Text size="xs" c="dimmed">
              {(['RESPONSIBLE', 'ACCOUNTABLE', 'CONSULTED', 'INFORMED'] as const).map((r) => `${raciRoleLabel[r]} ${raciRoleHelp[r]}`).join('; ')}.
            </Text>
            {values.raci.map((_entry, index) => (
              <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
                <Select
                  aria-label={`RACI person ${index + 1}`}
                  data={raciPeople}
                  searchable
                  placeholder="Person"
                  style={{ flex: 2 }}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps(`raci.${index}.personId`)}
                />
                <Select
                  aria-label={`RACI role ${index + 1}`}
                  data={(['RESPONSIBLE', 'ACCOUNTABLE', 'CONSULTED', 'INFORMED'] as const).map((r) => ({ value: r, label: raciRoleLabel[r] }))}
                  allowDeselect={false}
                  style={{ flex: 1 }}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps(`raci.${index}.role`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  aria-label={`Remove RACI entry ${index + 1}`}
                  onClick={() => form.removeListItem('raci', index)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            {typeof form.errors.raci === 'string' || form.errors.raci ? (
              <Text size="sm" c="red" role="alert">
                {form.errors.raci}
              </Text>
            ) : null}
            <Group>
              <Button variant="light" size="xs" onClick={() => form.insertListItem('raci', { personId: null, role: 'RESPONSIBLE' })}>
                Add a person to the RACI
              </Button>
            </Group>
          </Stack>

          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              {objective ? 'Save objective' : 'Save draft'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
