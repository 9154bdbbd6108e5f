import { useMemo, useState } from 'react';
import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/rest';
import { ifMatch } from '../../api/http';
import type { ChangeReminderSettings, DayOfWeek } from '../../api/okr-client';
import type { PlanOrganizationQuery } from '../../graphql/generated';
import { useOrganization } from '../../components/plan/orgTree';
import { applyServerErrors } from '../../components/formErrors';
import { ErrorAlert, Loading } from '../../components/States';
import { SaveFeedback } from '../../components/gaps/SaveFeedback';
import { useServerValues } from '../../components/gaps/useServerValues';
import { daysOfWeek, hoursOfDay, timeZoneOptions } from '../../components/settings/timeZones';

type Reminders = NonNullable<PlanOrganizationQuery['organization']>['reminders'];
type Values = Omit<ChangeReminderSettings, 'escalateAfterMissedCycles'> & { escalateAfterMissedCycles: number | string };

const fieldNames = ['enabled', 'dayOfWeek', 'hour', 'secondNudge', 'escalateAfterMissedCycles', 'timeZone'] as const;

/** Client-side checks mirroring the server's (the server still validates). */
export const reminderRules = {
  escalateAfterMissedCycles: (v: number | string) => {
    const n = Number(v);
    return v === '' || !Number.isInteger(n) || n < 0 || n > 52 ? 'A whole number from 0 (never) to 52.' : null;
  },
  timeZone: (v: string) => (v ? null : 'Choose the organisation’s time zone.'),
};

function toValues(r: Reminders): Values {
  return {
    enabled: r.enabled,
    dayOfWeek: r.dayOfWeek as DayOfWeek,
    hour: r.hour,
    secondNudge: r.secondNudge,
    escalateAfterMissedCycles: r.escalateAfterMissedCycles,
    timeZone: r.timeZone,
  };
}

/** The organisation's weekly check-in reminders to DRIs (ADR 0025), saved with the organisation's version (If-Match). */
export function ReminderSettingsAdmin() {
  const queryClient = useQueryClient();
  const organization = useOrganization();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({
    initialValues: { enabled: false, dayOfWeek: 'MONDAY', hour: 9, secondNudge: true, escalateAfterMissedCycles: 2, timeZone: 'UTC' },
    validate: reminderRules,
  });
  const data = organization.data;
  useServerValues(form, data?.reminders, toValues);
  const zones = useMemo(() => timeZoneOptions(data?.reminders.timeZone), [data?.reminders.timeZone]);

  if (organization.isLoading) return <Loading />;
  if (organization.error || !data) return <ErrorAlert error={organization.error} onRetry={() => void organization.refetch()} />;

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setSaved(false);
    try {
      const body: ChangeReminderSettings = { ...values, hour: Number(values.hour), escalateAfterMissedCycles: Number(values.escalateAfterMissedCycles) };
      await api.organizations.changeReminderSettings(data.id, body, ifMatch(data.version));
      await queryClient.invalidateQueries({ queryKey: ['okr'] });
      setSaved(true);
    } catch (e) {
      const message = applyServerErrors(e, (f, m) => form.setFieldError(f, m), fieldNames);
      setError(message === null ? null : e);
    }
  });

  const off = !form.values.enabled;
  return (
    <Card>
      <form onSubmit={submit} noValidate aria-label="Check-in reminders">
        <Stack gap="lg">
          <Stack gap={2}>
            <Title order={2} size="h4">
              Check-in reminders
            </Title>
            <Text size="sm" c="dimmed">
              Once a week, at this day and hour in each person’s own time zone, the owners of key results without a check-in this cycle get one
              message listing them, with a link to My week.
            </Text>
          </Stack>
          <SaveFeedback
            error={error}
            saved={!saved || form.isDirty() ? null : form.values.enabled ? 'Saved. Reminders go on this schedule from the next cycle.' : 'Saved. Reminders are off.'}
            reloadLabel="Load the current settings"
            onReload={() => {
              setError(null);
              void organization.refetch();
            }}
          />
          <Switch
            label="Remind DRIs to check in"
            description="Off by default: nobody gets reminders until you turn them on."
            {...form.getInputProps('enabled', { type: 'checkbox' })}
          />
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <Select
              label="Day"
              description="In each person’s time zone."
              data={daysOfWeek.map((d) => ({ ...d }))}
              allowDeselect={false}
              disabled={off}
              value={form.values.dayOfWeek}
              onChange={(v) => v && form.setFieldValue('dayOfWeek', v as DayOfWeek)}
              error={form.errors.dayOfWeek}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label="Hour"
              description="Local time: 09:00 is nine in the morning wherever the person is."
              data={hoursOfDay}
              allowDeselect={false}
              disabled={off}
              value={String(form.values.hour)}
              onChange={(v) => v && form.setFieldValue('hour', Number(v))}
              error={form.errors.hour}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label="Organisation’s time zone"
              description="For people who have not chosen their own."
              data={zones}
              searchable
              allowDeselect={false}
              nothingFoundMessage="No such time zone"
                limit={40}
              value={form.values.timeZone}
              onChange={(v) => form.setFieldValue('timeZone', v ?? '')}
              error={form.errors.timeZone}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Switch
              label="Nudge a day later"
              description="A second message to DRIs whose key results are still due the next day."
              disabled={off}
              {...form.getInputProps('secondNudge', { type: 'checkbox' })}
            />
            <NumberInput
              label="Tell the unit’s lead after (missed cycles)"
              description="The lead hears of key results this many cycles without a check-in; 0: never."
              min={0}
              max={52}
              allowDecimal={false}
              disabled={off}
              {...form.getInputProps('escalateAfterMissedCycles')}
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" disabled={!form.isDirty()} onClick={() => form.setValues(toValues(data.reminders))}>
              Undo changes
            </Button>
            <Button type="submit" loading={form.submitting}>
              Save reminders
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
