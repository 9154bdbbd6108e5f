import { useMemo, useState } from 'react';
import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/rest';
import { graphql } from '../../api/graphql';
import { ifMatch } from '../../api/http';
import { MyReminderPreferencesDocument } from '../../graphql/documents/MyReminderPreferences';
import { applyServerErrors } from '../formErrors';
import { ErrorAlert, Loading } from '../States';
import { SaveFeedback } from '../gaps/SaveFeedback';
import { useServerValues } from '../gaps/useServerValues';
import { browserTimeZone, daysOfWeek, hoursOfDay, timeZoneOptions } from './timeZones';

export const myReminderPreferencesKey = ['okr', 'settings', 'reminder-preferences'] as const;

/** The organisation's zone is the empty choice: the select shows it as a named option. */
const ORGANIZATION_ZONE = '';

type Values = {
  timeZone: string;
  remindersPausedUntil: string;
};

const fieldNames = ['timeZone', 'remindersPausedUntil'] as const;

/** Client-side check: a date (the server checks it again). */
export const preferenceRules = {
  remindersPausedUntil: (v: string) => (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Give a date, or leave it empty.'),
};

/**
 * The caller's reminder preferences (ADR 0025): their time zone (or the organisation's) and a holiday pause. Reached
 * from the reminder email's link, `/settings#reminder-preferences`.
 */
export function ReminderPreferencesForm() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: myReminderPreferencesKey, queryFn: () => graphql(MyReminderPreferencesDocument) });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: { timeZone: ORGANIZATION_ZONE, remindersPausedUntil: '' }, validate: preferenceRules });
  const preferences = query.data?.me?.reminderPreferences;
  const schedule = query.data?.me?.organization?.reminders;
  useServerValues(form, preferences, (p) => ({ timeZone: p.timeZone ?? ORGANIZATION_ZONE, remindersPausedUntil: p.remindersPausedUntil ?? '' }));
  const zones = useMemo(() => {
    const organizationZone = schedule?.timeZone ?? 'UTC';
    return [
      { value: ORGANIZATION_ZONE, label: `The organisation’s (${organizationZone})` },
      ...timeZoneOptions(preferences?.timeZone).map((z) => ({ value: z, label: z })),
    ];
  }, [schedule?.timeZone, preferences?.timeZone]);

  if (query.isLoading) return <Loading label="Loading your reminder preferences…" />;
  if (query.error || !preferences) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setSaved(null);
    try {
      await api.people.changeMyReminderPreferences(
        { timeZone: values.timeZone || undefined, remindersPausedUntil: values.remindersPausedUntil || undefined },
        ifMatch(preferences.version),
      );
      await queryClient.invalidateQueries({ queryKey: myReminderPreferencesKey });
      setSaved(values.remindersPausedUntil ? `Saved. No reminders until ${values.remindersPausedUntil}, inclusive.` : 'Saved.');
    } catch (e) {
      const message = applyServerErrors(e, (f, m) => form.setFieldError(f, m), fieldNames);
      setError(message === null ? null : e);
    }
  });

  const browserZone = browserTimeZone();
  const day = daysOfWeek.find((d) => d.value === schedule?.dayOfWeek)?.label;
  const hour = hoursOfDay.find((h) => h.value === String(schedule?.hour))?.label;
  return (
    <Card id="reminder-preferences" component="section" aria-labelledby="reminder-preferences-title">
      <form onSubmit={submit} noValidate aria-label="Reminder preferences">
        <Stack gap="md">
          <Stack gap={2}>
            <Title order={2} size="h4" id="reminder-preferences-title">
              Check-in reminders
            </Title>
            {schedule?.enabled ? (
              <Text size="sm" c="dimmed">
                Your organisation reminds owners of key results to check in every {day} at {hour}, in your time zone.
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                Your organisation has not turned reminders on yet: these preferences apply once an admin does.
              </Text>
            )}
          </Stack>
          <SaveFeedback
            error={error}
            saved={saved && !form.isDirty() ? saved : null}
            reloadLabel="Load your current preferences"
            onReload={() => {
              setError(null);
              void query.refetch();
            }}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Stack gap={4}>
              <Select
                label="Your time zone"
                description="Reminders come at the organisation’s hour in this zone."
                data={zones}
                searchable
                allowDeselect={false}
                nothingFoundMessage="No such time zone"
                limit={40}
                value={form.values.timeZone}
                onChange={(v) => form.setFieldValue('timeZone', v ?? ORGANIZATION_ZONE)}
                error={form.errors.timeZone}
                comboboxProps={{ withinPortal: true }}
              />
              {browserZone && browserZone !== form.values.timeZone && (
                <Anchor component="button" type="button" size="sm" ta="left" onClick={() => form.setFieldValue('timeZone', browserZone)}>
                  Use this device’s zone ({browserZone})
                </Anchor>
              )}
            </Stack>
            <Stack gap={4}>
              <TextInput
                type="date"
                label="Pause reminders until (on holiday)"
                description="No reminders up to and including this date. Empty: not paused."
                {...form.getInputProps('remindersPausedUntil')}
              />
              {form.values.remindersPausedUntil && (
                <Anchor component="button" type="button" size="sm" ta="left" onClick={() => form.setFieldValue('remindersPausedUntil', '')}>
                  Resume reminders now
                </Anchor>
              )}
            </Stack>
          </SimpleGrid>
          <Group justify="space-between" gap="sm">
            <Text size="xs" c="dimmed">
              By email, in the app or both:{' '}
              <Anchor href="#notification-preferences" size="xs">
                check-in reminders under Notifications
              </Anchor>
              .
            </Text>
            <Button type="submit" loading={form.submitting}>
              Save reminder preferences
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
