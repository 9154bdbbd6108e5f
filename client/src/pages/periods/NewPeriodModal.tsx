import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { api } from '../../api/rest';
import type { PeriodItem } from '../../app/periods';
import type { PeriodKind } from '../../api/okr-client';
import { ErrorAlert } from '../../components/States';
import { applyServerErrors } from '../../components/formErrors';

type Kind = PeriodKind;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addMonths = (day: string, months: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return iso(d);
};
const addDays = (day: string, days: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

/** The dates and name of quarter n (1–4) of a (fiscal) year. */
export function quarterOf(year: { start: string; end: string }, n: number) {
  const start = addMonths(year.start, (n - 1) * 3);
  return { start, end: addDays(addMonths(start, 3), -1), name: `Q${n} ${year.end.slice(0, 4)}` };
}

/**
 * The next year after the latest one: same start month, named by the year it ends in. The first year of an
 * organisation is the fiscal year running today (it starts in the organisation's fiscal start month).
 */
export function nextYear(years: readonly { start: string; end: string }[], today: string, fiscalYearStartMonth = 1) {
  const latest = [...years].sort((a, b) => b.start.localeCompare(a.start))[0];
  const thisYearsStart = `${today.slice(0, 4)}-${String(fiscalYearStartMonth).padStart(2, '0')}-01`;
  let start = latest ? addDays(latest.end, 1) : thisYearsStart <= today ? thisYearsStart : addMonths(thisYearsStart, -12);
  // The organisation's first year, when the running one is nearly over: the next one, which is the one to plan.
  if (!latest && daysFrom(today, addDays(addMonths(start, 12), -1)) < NEARLY_OVER_DAYS) start = addMonths(start, 12);
  const end = addDays(addMonths(start, 12), -1);
  return { start, end, name: `FY${end.slice(0, 4)}` };
}

/** With fewer days than this left, a quarter (or a first year) is nearly over: the next one is the one to plan. */
export const NEARLY_OVER_DAYS = 30;
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The quarter of a year to propose: the one running today, or the next one when today's ends within
 * {@link NEARLY_OVER_DAYS} (signing up in December plans Q1, not a Q4 with three weeks left). Null: the quarter to plan is
 * the first of the following year.
 */
export function quarterToPlan(year: { start: string; end: string }, today: string): number | null {
  const n = currentQuarter(year, today);
  if (today < year.start || today > year.end) return n;
  if (daysFrom(today, quarterOf(year, n).end) >= NEARLY_OVER_DAYS) return n;
  return n < 4 ? n + 1 : null;
}

/** The quarter (1–4) of a year that contains today; the first when today is outside the year. */
export function currentQuarter(year: { start: string; end: string }, today: string): number {
  if (today < year.start || today > year.end) return 1;
  return [1, 2, 3, 4].find((n) => today <= quarterOf(year, n).end) ?? 1;
}

interface Values {
  kind: Kind;
  name: string;
  parentId: string | null;
  quarter: string;
  start: string | null;
  end: string | null;
  addDefaultRoadmap: boolean;
}

/** Creates a year, a quarter inside a year (dates filled in), or a custom period, with the default roadmap if wanted. */
export function NewPeriodModal({
  opened,
  onClose,
  periods,
  onCreated,
  today,
  fiscalYearStartMonth = 1,
}: {
  opened: boolean;
  onClose: () => void;
  periods: readonly PeriodItem[];
  onCreated: (id: string) => Promise<unknown> | void;
  today: string;
  /** The organisation's fiscal year start (1–12), for its first year. */
  fiscalYearStartMonth?: number;
}) {
  const years = [...periods].filter((p) => p.kind === 'YEAR').sort((a, b) => a.start.localeCompare(b.start));
  const [error, setError] = useState<string | null>(null);
  const defaultYear = years.find((y) => y.start <= today && today <= y.end) ?? years[years.length - 1];
  // Without a year yet, the first thing to create is the year (a quarter sits inside one); then its current quarter.
  const initial = (): Values => {
    if (!defaultYear) {
      const y = nextYear(years, today, fiscalYearStartMonth);
      return { kind: 'YEAR', name: y.name, parentId: null, quarter: '1', start: y.start, end: y.end, addDefaultRoadmap: false };
    }
    // Today's quarter, or the next one when today's is nearly over (in the following year, when there is one).
    const following = years.find((y) => y.start > defaultYear.end);
    const n = quarterToPlan(defaultYear, today);
    const { year, quarter } = n === null && following ? { year: following, quarter: 1 } : { year: defaultYear, quarter: n ?? 4 };
    const q = quarterOf(year, quarter);
    return { kind: 'QUARTER', name: q.name, parentId: year.id, quarter: String(quarter), start: q.start, end: q.end, addDefaultRoadmap: true };
  };
  // The running quarter, when it is nearly over: the form proposes the next one and says why.
  const running = defaultYear && defaultYear.start <= today && today <= defaultYear.end ? currentQuarter(defaultYear, today) : null;
  const daysLeft = running === null ? null : daysFrom(today, quarterOf(defaultYear!, running).end);
  const nearlyOver = daysLeft !== null && daysLeft < NEARLY_OVER_DAYS;
  const noYearAfter = running === 4 && !years.some((y) => y.start > defaultYear!.end);
  const form = useForm<Values>({
    initialValues: initial(),
    validate: {
      name: (v) => (v.trim() ? null : 'Give the period a name.'),
      start: (v) => (v ? null : 'Pick the first day.'),
      end: (v, values) => (!v ? 'Pick the last day.' : values.start && v < values.start ? 'The period must end on or after its start.' : null),
      parentId: (v, values) => (values.kind === 'QUARTER' && !v ? 'A quarter sits inside a year.' : null),
    },
  });

  // Each time it opens, start from what fits the periods as they are now (after a first year, its current quarter).
  useEffect(() => {
    if (!opened) return;
    form.setValues(initial());
    form.clearErrors();
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on opening: typing must not be reset by refetches
  }, [opened]);

  const fillQuarter = (parentId: string | null, quarter: string) => {
    const year = years.find((y) => y.id === parentId);
    if (!year) return;
    const q = quarterOf(year, Number(quarter));
    form.setValues({ start: q.start, end: q.end, name: q.name });
  };
  const setKind = (kind: Kind) => {
    if (kind === 'YEAR') {
      const y = nextYear(years, today, fiscalYearStartMonth);
      form.setValues({ kind, parentId: null, start: y.start, end: y.end, name: y.name, addDefaultRoadmap: false });
    } else if (kind === 'QUARTER') {
      // Back from Year (which cleared the year): the quarter goes in the year it had, else the default one.
      const parentId = form.values.parentId ?? defaultYear?.id ?? null;
      form.setValues({ kind, parentId, addDefaultRoadmap: true });
      fillQuarter(parentId, form.values.quarter);
    } else {
      form.setValues({ kind, addDefaultRoadmap: true, name: '' });
    }
  };

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const created = await api.periods.createPeriod({
        name: values.name.trim(),
        kind: values.kind,
        start: values.start!,
        end: values.end!,
        parentId: values.kind === 'YEAR' ? undefined : (values.parentId ?? undefined),
        addDefaultRoadmap: values.addDefaultRoadmap,
      });
      await onCreated(created.id);
      onClose();
    } catch (e) {
      setError(applyServerErrors(e, form.setFieldError, ['name', 'kind', 'start', 'end', 'parentId', 'addDefaultRoadmap']));
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title="New period" centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error && <ErrorAlert error={new Error(error)} />}
          <SegmentedControl
            aria-label="Kind of period"
            value={form.values.kind}
            onChange={(v) => setKind(v as Kind)}
            data={[
              { value: 'QUARTER', label: 'Quarter' },
              { value: 'YEAR', label: 'Year' },
              { value: 'CUSTOM', label: 'Custom range' },
            ]}
          />
          {form.values.kind !== 'YEAR' && (
            <Group grow align="flex-start">
              <Select
                label="In the year"
                data={years.map((y) => ({ value: y.id, label: y.name }))}
                clearable={form.values.kind === 'CUSTOM'}
                {...form.getInputProps('parentId')}
                onChange={(v) => {
                  form.setFieldValue('parentId', v);
                  // Another year: its quarter running today, or its first.
                  const year = years.find((y) => y.id === v);
                  if (form.values.kind === 'QUARTER' && year) {
                    const quarter = String(quarterToPlan(year, today) ?? 4);
                    form.setFieldValue('quarter', quarter);
                    fillQuarter(v, quarter);
                  }
                }}
                comboboxProps={{ withinPortal: true }}
              />
              {form.values.kind === 'QUARTER' && (
                <Select
                  label="Quarter"
                  data={['1', '2', '3', '4'].map((q) => ({ value: q, label: `Q${q}` }))}
                  value={form.values.quarter}
                  allowDeselect={false}
                  onChange={(v) => {
                    if (!v) return;
                    form.setFieldValue('quarter', v);
                    fillQuarter(form.values.parentId, v);
                  }}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            </Group>
          )}
          {form.values.kind === 'QUARTER' && nearlyOver && (
            <Text size="sm" role="note">
              Q{running} ends in {daysLeft} day{daysLeft === 1 ? '' : 's'}
              {noYearAfter
                ? ': create the next year first (Year above) to plan its first quarter.'
                : ', so the next quarter is proposed: the one to plan now.'}
            </Text>
          )}
          <TextInput label="Name" placeholder={form.values.kind === 'YEAR' ? 'FY2027' : 'Q1 2027'} {...form.getInputProps('name')} />
          <Group grow align="flex-start">
            <DatePickerInput
      previousLabel="Previous month"
      nextLabel="Next month" label="First day" valueFormat="D MMM YYYY" {...form.getInputProps('start')} popoverProps={{ withinPortal: true }} />
            <DatePickerInput
      previousLabel="Previous month"
      nextLabel="Next month" label="Last day" valueFormat="D MMM YYYY" {...form.getInputProps('end')} popoverProps={{ withinPortal: true }} />
          </Group>
          <Checkbox
            label="Add the default roadmap"
            description="Company OKRs published, team drafts due, alignment review, mid-quarter review, grading due, retrospective. Steps whose day has passed are left out."
            {...form.getInputProps('addDefaultRoadmap', { type: 'checkbox' })}
          />
          <Text size="xs" c="dimmed">
            A new period starts in planning: teams can draft objectives in it; activate it when the cycle begins.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Create the period
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
