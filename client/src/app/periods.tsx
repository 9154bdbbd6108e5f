import { useMemo } from 'react';
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { graphql } from '../api/graphql';
import { PeriodsDocument, type PeriodsQuery } from '../graphql/generated';

export type PeriodItem = NonNullable<PeriodsQuery['periods']>[number];

export function usePeriods() {
  return useQuery({ queryKey: ['periods'], queryFn: () => graphql(PeriodsDocument), select: (data) => data.periods ?? [] });
}

/**
 * The default period people work in: the active quarter (or custom period), else the active year, else the
 * latest one that has started, else the first.
 */
export function defaultPeriod(periods: readonly PeriodItem[], today: string = new Date().toISOString().slice(0, 10)): PeriodItem | undefined {
  const active = periods.filter((p) => p.state === 'ACTIVE');
  return (
    active.find((p) => p.kind !== 'YEAR') ??
    active[0] ??
    [...periods].filter((p) => p.start <= today).sort((a, b) => b.start.localeCompare(a.start))[0] ??
    periods[0]
  );
}

/** The period a page shows: ?period=<id> in the URL (so links keep it), else the default. */
export function useSelectedPeriod() {
  const [params, setParams] = useSearchParams();
  const periods = usePeriods();
  const selectedId = params.get('period');
  const period = useMemo(() => {
    const list = periods.data ?? [];
    return list.find((p) => p.id === selectedId) ?? defaultPeriod(list);
  }, [periods.data, selectedId]);

  const select = (id: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('period', id);
        return next;
      },
      { replace: true },
    );

  return { period, periods: periods.data ?? [], isLoading: periods.isLoading, error: periods.error, select };
}

const stateLabel: Record<PeriodItem['state'], string> = { PLANNING: 'planning', ACTIVE: 'active', REVIEW: 'in review', CLOSED: 'closed' };

/** A period picker bound to the URL. */
export function PeriodPicker({ kinds = ['QUARTER', 'CUSTOM', 'YEAR'] }: { kinds?: PeriodItem['kind'][] }) {
  const { period, periods, select } = useSelectedPeriod();
  const data = [...periods]
    .filter((p) => kinds.includes(p.kind))
    .sort((a, b) => b.start.localeCompare(a.start))
    .map((p) => ({ value: p.id, label: `${p.name} (${stateLabel[p.state]})` }));
  return (
    <Select
      aria-label="Period"
      data={data}
      value={period?.id ?? null}
      onChange={(value) => value && select(value)}
      allowDeselect={false}
      w={230}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
