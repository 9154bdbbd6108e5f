import { useMemo } from 'react';
import { Button, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useMember } from '../auth/session';
import { Empty } from '../components/States';
import { graphql } from '../api/graphql';
import type { PeriodsQuery } from '../graphql/generated';
import { PeriodsDocument } from '../graphql/documents/Periods';

export type PeriodItem = NonNullable<PeriodsQuery['periods']>[number];

/** The organisation's periods: every screen starts from one. */
export const periodsQuery = { queryKey: ['periods'], queryFn: () => graphql(PeriodsDocument) };

export function usePeriods() {
  return useQuery({ ...periodsQuery, select: (data) => data.periods ?? [] });
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
  if (data.length === 0) return null;
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

/**
 * The organisation has no period yet: nothing can be planned before one. Admins get the way to create it; everyone
 * else learns who can.
 */
export function NoPeriods() {
  const member = useMember();
  return member.isAdmin ? (
    <Empty
      title="No periods yet"
      action={
        <Button component={Link} to="/periods?new=1">
          Create the first period
        </Button>
      }
    >
      OKRs are set for a period: create the year and its quarters first, then each unit drafts its objectives for the quarter.
    </Empty>
  ) : (
    <Empty title="No periods yet">
      OKRs are set for a period, and {member.organizationName} has none yet. An admin creates the year and its quarters; ask one to set up
      the first quarter.
    </Empty>
  );
}
