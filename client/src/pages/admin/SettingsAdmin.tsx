import { useState } from 'react';
import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/rest';
import { ifMatch } from '../../api/http';
import type { ChangeOrganizationSettings } from '../../api/okr-client';
import type { PlanOrganizationQuery } from '../../graphql/generated';
import { useOrganization } from '../../components/plan/orgTree';
import { applyServerErrors } from '../../components/formErrors';
import { ErrorAlert, Loading } from '../../components/States';
import { SaveFeedback } from '../../components/gaps/SaveFeedback';
import { useServerValues } from '../../components/gaps/useServerValues';

type Settings = NonNullable<PlanOrganizationQuery['organization']>['settings'];
type Values = { [K in keyof ChangeOrganizationSettings]: number | string };

/** Descriptions under the inputs, so inputs line up whatever the length of their explanation. */
const below = { inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[] };

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const fieldNames: (keyof ChangeOrganizationSettings)[] = [
  'fiscalYearStartMonth',
  'checkInCadenceDays',
  'stalenessGraceDays',
  'aspirationalSuccessThreshold',
  'committedSuccessThreshold',
  'financialSuccessThreshold',
  'onTrackRatio',
  'atRiskRatio',
  'lowConfidence',
];

const between = (min: number, max: number, words: string) => (v: number | string) => {
  const n = Number(v);
  return v === '' || Number.isNaN(n) || n < min || n > max ? words : null;
};
const whole = (min: number, max: number, words: string) => (v: number | string) =>
  between(min, max, words)(v) ?? (Number.isInteger(Number(v)) ? null : words);

/** Client-side checks mirroring the server's ranges (the server still validates). */
export const settingsRules = {
  fiscalYearStartMonth: whole(1, 12, 'Choose a month.'),
  checkInCadenceDays: whole(1, 92, 'Between 1 and 92 days (7 is weekly).'),
  stalenessGraceDays: whole(0, 60, 'Between 0 and 60 days.'),
  aspirationalSuccessThreshold: between(0, 1, 'Between 0 and 1 (0.7 is 70%).'),
  committedSuccessThreshold: between(0, 1, 'Between 0 and 1 (0.85 is 85%).'),
  financialSuccessThreshold: between(0, 1, 'Between 0 and 1 (1 is 100%).'),
  onTrackRatio: between(0, 1, 'Between 0 and 1 (0.9 is 90% of expected progress).'),
  atRiskRatio: (v: number | string, values: Values) =>
    between(0, 1, 'Between 0 and 1 (0.7 is 70% of expected progress).')(v) ??
    (Number(v) > Number(values.onTrackRatio) ? 'The at-risk line cannot be above the on-track line.' : null),
  lowConfidence: whole(0, 10, 'A whole number from 0 to 10.'),
};

function toValues(s: Settings): Values {
  return Object.fromEntries(fieldNames.map((k) => [k, s[k]])) as Values;
}

/** The organisation's rules of the practice, each explained in a line, saved with the version read (If-Match). */
export function SettingsAdmin() {
  const queryClient = useQueryClient();
  const organization = useOrganization();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      fiscalYearStartMonth: 1,
      checkInCadenceDays: 7,
      stalenessGraceDays: 3,
      aspirationalSuccessThreshold: 0.7,
      committedSuccessThreshold: 0.85,
      financialSuccessThreshold: 1,
      onTrackRatio: 0.9,
      atRiskRatio: 0.7,
      lowConfidence: 3,
    },
    validate: settingsRules,
  });

  const data = organization.data;
  useServerValues(form, data?.settings, toValues);

  if (organization.isLoading) return <Loading />;
  if (organization.error || !data) return <ErrorAlert error={organization.error} onRetry={() => void organization.refetch()} />;

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setSaved(false);
    try {
      const body = Object.fromEntries(fieldNames.map((k) => [k, Number(values[k])])) as unknown as ChangeOrganizationSettings;
      await api.organizations.changeOrganizationSettings(data.id, body, ifMatch(data.version));
      await queryClient.invalidateQueries({ queryKey: ['okr'] });
      setSaved(true);
    } catch (e) {
      const message = applyServerErrors(e, (f, m) => form.setFieldError(f, m), fieldNames);
      setError(message === null ? null : e);
    }
  });

  const pct = (v: number | string) => (v === '' || Number.isNaN(Number(v)) ? '' : ` (${Math.round(Number(v) * 100)}%)`);
  return (
    <Card>
      <form onSubmit={submit} noValidate aria-label="Organisation settings">
        <Stack gap="lg">
          <Stack gap={2}>
            <Title order={2} size="h4">
              Organisation settings
            </Title>
            <Text size="sm" c="dimmed">
              The rules of the practice: statuses, grades and staleness are computed with them, for everyone.
            </Text>
          </Stack>
          <SaveFeedback
            error={error}
            saved={saved && !form.isDirty() ? 'Saved. Statuses and grades now follow these rules.' : null}
            reloadLabel="Load the current settings"
            onReload={() => {
              setError(null);
              void organization.refetch();
            }}
          />

          <Stack gap="sm">
            <Text fw={600}>The cycle</Text>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              <Select
                {...below}
                label="Fiscal year starts in"
                description="The month the organisation's year begins."
                data={months.map((m, i) => ({ value: String(i + 1), label: m }))}
                allowDeselect={false}
                value={String(form.values.fiscalYearStartMonth)}
                onChange={(v) => v && form.setFieldValue('fiscalYearStartMonth', Number(v))}
                error={form.errors.fiscalYearStartMonth}
                comboboxProps={{ withinPortal: true }}
              />
              <NumberInput
                {...below}
                label="Check-in cadence (days)"
                description="How often key results are checked in: 7 is weekly."
                min={1}
                max={92}
                allowDecimal={false}
                {...form.getInputProps('checkInCadenceDays')}
              />
              <NumberInput
                {...below}
                label="Staleness grace (days)"
                description="Days past the cadence before a key result is stale; also the late check-in window after a period ends."
                min={0}
                max={60}
                allowDecimal={false}
                {...form.getInputProps('stalenessGraceDays')}
              />
            </SimpleGrid>
          </Stack>

          <Stack gap="sm">
            <Text fw={600}>Grading: the grade (0 to 1) at which a key result succeeds</Text>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              <NumberInput
                {...below}
                label={`Aspirational${pct(form.values.aspirationalSuccessThreshold)}`}
                description="Stretch goals: reaching 0.7 is a success by default."
                min={0}
                max={1}
                step={0.05}
                decimalScale={2}
                {...form.getInputProps('aspirationalSuccessThreshold')}
              />
              <NumberInput
                {...below}
                label={`Committed${pct(form.values.committedSuccessThreshold)}`}
                description="Promises: 0.85 by default."
                min={0}
                max={1}
                step={0.05}
                decimalScale={2}
                {...form.getInputProps('committedSuccessThreshold')}
              />
              <NumberInput
                {...below}
                label={`Financial${pct(form.values.financialSuccessThreshold)}`}
                description="Money key results: 1.0 (all of it) by default."
                min={0}
                max={1}
                step={0.05}
                decimalScale={2}
                {...form.getInputProps('financialSuccessThreshold')}
              />
            </SimpleGrid>
          </Stack>

          <Stack gap="sm">
            <Text fw={600}>Status: progress compared with where the plan expects it by now</Text>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              <NumberInput
                {...below}
                label={`On track from${pct(form.values.onTrackRatio)}`}
                description="On track when progress is at least this share of the expected progress."
                min={0}
                max={1}
                step={0.05}
                decimalScale={2}
                {...form.getInputProps('onTrackRatio')}
              />
              <NumberInput
                {...below}
                label={`At risk from${pct(form.values.atRiskRatio)}`}
                description="Below on track but at least this share: at risk; below it, off track."
                min={0}
                max={1}
                step={0.05}
                decimalScale={2}
                {...form.getInputProps('atRiskRatio')}
              />
              <NumberInput
                {...below}
                label="Low confidence (0–10)"
                description="A latest confidence at or below this lowers on track to at risk."
                min={0}
                max={10}
                allowDecimal={false}
                {...form.getInputProps('lowConfidence')}
              />
            </SimpleGrid>
          </Stack>

          <Group justify="flex-end" gap="sm">
            <Button variant="default" disabled={!form.isDirty()} onClick={() => form.setValues(toValues(data.settings))}>
              Undo changes
            </Button>
            <Button type="submit" loading={form.submitting}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
