import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  useMatches,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { api } from '../../api/rest';
import { describeError, ifMatch } from '../../api/http';
import type { CreateKeyResult, KeyResultDto, UpdateKeyResult } from '../../api/okr-client';
import type { Direction, MetricKind, PlanKeyResultFragment } from '../../graphql/generated';
import { applyServerErrors } from '../formErrors';
import { describeMeasure, keyResultHints, measureProblem } from './coachHints';
import { FindingList } from './Findings';
import { PersonSelect, type PersonOption } from './PersonSelect';
import { metricKindLabel } from './vocabulary';

export interface KeyResultFormValues {
  title: string;
  description: string;
  metricKind: MetricKind;
  direction: Direction;
  baseline: number | string;
  baselineMeasuredAt: string;
  baselineMethod: string;
  target: number | string;
  currencyCode: string;
  unitLabel: string;
  ownerId: string | null;
  weight: number | string;
  isFinancial: boolean;
}

const fields: (keyof KeyResultFormValues)[] = [
  'title',
  'description',
  'metricKind',
  'direction',
  'baseline',
  'baselineMeasuredAt',
  'baselineMethod',
  'target',
  'currencyCode',
  'unitLabel',
  'ownerId',
  'weight',
  'isFinancial',
];

const num = (v: number | string): number | null => (v === '' || v === null || v === undefined || Number.isNaN(Number(v)) ? null : Number(v));
const text = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

export function initialKeyResultValues(keyResult?: PlanKeyResultFragment | null, defaultOwnerId?: string | null): KeyResultFormValues {
  return {
    title: keyResult?.title ?? '',
    description: keyResult?.description ?? '',
    metricKind: keyResult?.metricKind ?? 'NUMBER',
    direction: keyResult?.direction ?? 'INCREASE',
    baseline: keyResult?.baseline ?? '',
    baselineMeasuredAt: keyResult?.baselineMeasuredAt ?? '',
    baselineMethod: keyResult?.baselineMethod ?? '',
    target: keyResult?.target ?? '',
    currencyCode: keyResult?.currencyCode ?? '',
    unitLabel: keyResult?.unitLabel ?? '',
    ownerId: keyResult ? (keyResult.owner?.id ?? null) : (defaultOwnerId ?? null),
    weight: keyResult?.weight ?? 1,
    isFinancial: keyResult?.isFinancial ?? false,
  };
}

/**
 * The body of a create or update: only what the metric kind allows (a milestone sends no baseline, target,
 * currency or unit label; only money sends a currency code), REST's PascalCase enums.
 */
export function toKeyResultRequest(values: KeyResultFormValues, owningUnitId: string | null): UpdateKeyResult {
  const milestone = values.metricKind === 'MILESTONE';
  const currency = values.metricKind === 'CURRENCY';
  return {
    title: values.title.trim(),
    description: text(values.description),
    owningUnitId: owningUnitId ?? undefined,
    ownerId: values.ownerId ?? undefined,
    metricKind: values.metricKind,
    direction: milestone ? 'INCREASE' : values.direction,
    baseline: milestone ? undefined : (num(values.baseline) ?? undefined),
    baselineMeasuredAt: milestone ? undefined : text(values.baselineMeasuredAt),
    baselineMethod: milestone ? undefined : text(values.baselineMethod),
    target: milestone ? undefined : (num(values.target) ?? undefined),
    currencyCode: currency ? values.currencyCode.trim().toUpperCase() : undefined,
    unitLabel: values.metricKind === 'NUMBER' ? text(values.unitLabel) : undefined,
    weight: num(values.weight) ?? 1,
    isFinancial: values.isFinancial,
  };
}

/** Domain rule codes (422) that concern one field. */
const ruleField: Record<string, keyof KeyResultFormValues> = {
  'key_result.currency_code': 'currencyCode',
  'key_result.metric_direction_mismatch': 'target',
  'key_result.percentage_negative': 'target',
  'key_result.value_out_of_range': 'target',
};

const directionHelp: Record<Direction, string> = {
  INCREASE: 'Higher is better: it should rise from the baseline to the target.',
  DECREASE: 'Lower is better: it should fall from the baseline to the target.',
  STAY_AT_LEAST: 'Keep it at or above the target all period (a health line not to cross).',
  STAY_AT_MOST: 'Keep it at or below the target all period (a ceiling not to cross).',
};

/**
 * Creates or edits a key result in place. The metric kind shapes the inputs: a milestone has no baseline or target,
 * money asks for a currency code, the direction is said in words ("Increase from 20 to 60"). Coach hints appear as
 * the title is typed; the server's findings follow after saving.
 */
export function KeyResultEditor({
  objectiveId,
  keyResult,
  people,
  unitName,
  defaultOwnerId,
  onSaved,
  onCancel,
}: {
  objectiveId: string;
  /** The unit whose members are offered first as owners. */
  unitName?: string;
  /** The key result to edit; absent to add one. */
  keyResult?: PlanKeyResultFragment | null;
  people: readonly PersonOption[];
  defaultOwnerId?: string | null;
  onSaved: (saved: KeyResultDto) => void | Promise<void>;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  // Four kinds do not fit side by side on a phone.
  const kindOrientation = useMatches<'vertical' | 'horizontal'>({ base: 'vertical', sm: 'horizontal' });
  const form = useForm<KeyResultFormValues>({
    initialValues: initialKeyResultValues(keyResult, defaultOwnerId),
    validate: {
      title: (v) => (v.trim() ? null : 'Give the key result a title: the outcome you will measure.'),
      currencyCode: (v, values) =>
        values.metricKind === 'CURRENCY' && !/^[A-Za-z]{3}$/.test(v.trim()) ? 'A three-letter ISO 4217 code, such as USD or EUR.' : null,
      target: (_v, values) =>
        measureProblem({ metricKind: values.metricKind, direction: values.direction, baseline: num(values.baseline), target: num(values.target) }),
      weight: (v) => (num(v) === null || num(v)! < 0 ? 'A weight of 0 or more (1 counts like the others).' : null),
    },
  });
  const values = form.values;
  const milestone = values.metricKind === 'MILESTONE';
  const stay = values.direction === 'STAY_AT_LEAST' || values.direction === 'STAY_AT_MOST';
  const hints = keyResultHints({
    title: values.title,
    metricKind: values.metricKind,
    direction: values.direction,
    baseline: num(values.baseline),
    target: num(values.target),
    // Not before the person reaches the field: "Set a target" while they are still typing the title is noise.
    targetVisited: form.isTouched('target') || form.submitting,
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      const body = toKeyResultRequest(v, keyResult?.owningUnit.id ?? null);
      const saved = keyResult
        ? await api.keyResults.updateKeyResult(keyResult.id, body, ifMatch(keyResult.version))
        : await api.keyResults.createKeyResult({ ...body, objectiveId } satisfies CreateKeyResult);
      await onSaved(saved);
    } catch (e) {
      const problem = describeError(e);
      const field = problem.code ? ruleField[problem.code] : undefined;
      if (field) form.setFieldError(field, problem.message);
      else setError(applyServerErrors(e, (f, m) => form.setFieldError(f, m), fields));
    }
  });

  const idPrefix = keyResult ? `kr-${keyResult.id}` : `kr-new-${objectiveId}`;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md" bg="var(--mantine-color-body)">
      <form onSubmit={submit} noValidate aria-label={keyResult ? `Edit key result ${keyResult.title}` : 'New key result'}>
        <Stack gap="sm">
          <Text fw={600}>{keyResult ? 'Edit key result' : 'New key result'}</Text>
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            id={`${idPrefix}-title`}
            label="Key result"
            description="An outcome you can measure, not an activity: “Weekly active Tier 1 customers rise from 61% to 75%”."
            placeholder="What will be true, in numbers, at the end of the period?"
            required
            data-autofocus
            {...form.getInputProps('title')}
          />
          <FindingList findings={hints} source="typing" />

          <Stack gap={4}>
            <Text size="sm" fw={500} id={`${idPrefix}-kind-label`}>
              How it is measured
            </Text>
            <SegmentedControl
              aria-labelledby={`${idPrefix}-kind-label`}
              fullWidth
              orientation={kindOrientation}
              data={(['NUMBER', 'PERCENTAGE', 'CURRENCY', 'MILESTONE'] as const).map((k) => ({
                value: k,
                label: k === 'MILESTONE' ? 'Milestone' : metricKindLabel[k],
              }))}
              value={values.metricKind}
              onChange={(v) => {
                const kind = v as MetricKind;
                form.setFieldValue('metricKind', kind);
                if (kind === 'MILESTONE') form.setFieldValue('direction', 'INCREASE');
              }}
            />
          </Stack>

          {milestone ? (
            <Text size="sm" c="dimmed" data-testid="milestone-note">
              A milestone is done or not done: it starts at not done and its target is done. There is no baseline or target to
              enter. Prefer a measurable outcome when you can — a milestone says work happened, not that it changed anything.
            </Text>
          ) : (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label="Direction"
                  data={[
                    { value: 'INCREASE', label: 'Increase' },
                    { value: 'DECREASE', label: 'Decrease' },
                    { value: 'STAY_AT_LEAST', label: 'Stay at least' },
                    { value: 'STAY_AT_MOST', label: 'Stay at most' },
                  ]}
                  allowDeselect={false}
                  description={directionHelp[values.direction]}
                  {...form.getInputProps('direction')}
                />
                {values.metricKind === 'CURRENCY' ? (
                  <TextInput
                    label="Currency code"
                    description="ISO 4217: USD, EUR, GBP…"
                    placeholder="USD"
                    maxLength={3}
                    required
                    {...form.getInputProps('currencyCode')}
                    onChange={(e) => form.setFieldValue('currencyCode', e.currentTarget.value.toUpperCase())}
                  />
                ) : values.metricKind === 'NUMBER' ? (
                  <TextInput
                    label="Unit"
                    description="Shown after the values: tickets/month, NPS, customers."
                    placeholder="customers"
                    {...form.getInputProps('unitLabel')}
                  />
                ) : (
                  <div />
                )}
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NumberInput
                  label={stay ? 'Level today (baseline)' : 'Baseline'}
                  description={stay ? 'Where it stands now (optional).' : 'Where it starts.'}
                  suffix={values.metricKind === 'PERCENTAGE' ? '%' : undefined}
                  decimalScale={4}
                  {...form.getInputProps('baseline')}
                />
                <NumberInput
                  label={stay ? 'Threshold (target)' : 'Target'}
                  description={stay ? 'The line to stay on the right side of.' : 'Where it should be at the end of the period.'}
                  suffix={values.metricKind === 'PERCENTAGE' ? '%' : undefined}
                  decimalScale={4}
                  required={stay}
                  {...form.getInputProps('target')}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput type="date" label="Baseline measured on" {...form.getInputProps('baselineMeasuredAt')} />
                <TextInput
                  label="How the baseline was measured"
                  description="So the movement can be proven."
                  placeholder="Pendo, weekly active accounts, 4-week average"
                  {...form.getInputProps('baselineMethod')}
                />
              </SimpleGrid>
            </>
          )}
          <Text size="sm" fw={600} data-testid="measure-sentence" aria-live="polite">
            {describeMeasure({
              metricKind: values.metricKind,
              direction: values.direction,
              baseline: num(values.baseline),
              target: num(values.target),
              unitLabel: values.unitLabel,
              currencyCode: /^[A-Za-z]{3}$/.test(values.currencyCode) ? values.currencyCode.toUpperCase() : null,
            })}
          </Text>

          <Textarea label="Notes" description="Context for whoever reads or checks in on it (optional)." autosize minRows={1} {...form.getInputProps('description')} />

          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <PersonSelect
              label="Owner"
              description="Who checks in on it every week."
              people={people}
              unitName={unitName}
              value={values.ownerId}
              onChange={(v) => form.setFieldValue('ownerId', v)}
              error={form.errors.ownerId}
            />
            <NumberInput
              label="Weight"
              description="How much it counts in the objective's progress (1: like the others)."
              min={0}
              max={100}
              decimalScale={2}
              {...form.getInputProps('weight')}
            />
          </SimpleGrid>
          <Switch
            label="Financial"
            description="A financial key result succeeds only at 100% (by default): revenue, bookings, cost."
            {...form.getInputProps('isFinancial', { type: 'checkbox' })}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              {keyResult ? 'Save key result' : 'Add key result'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
