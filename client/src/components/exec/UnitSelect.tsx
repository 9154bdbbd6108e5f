import { Select, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { graphql } from '../../api/graphql';
import type { ExecUnitsQuery } from '../../graphql/generated';
import { ExecUnitsDocument } from '../../graphql/documents/ExecUnits';

export type UnitOption = NonNullable<ExecUnitsQuery['okrTree']>['units'][number];

/** The organisation's units, breadth first from the company (with depth, for indenting). */
export function useUnits(periodId: string | undefined) {
  return useQuery({
    queryKey: ['okr', 'exec', 'units', periodId],
    queryFn: () => graphql(ExecUnitsDocument, { periodId: periodId! }),
    enabled: !!periodId,
    select: (data) => depthFirst(data.okrTree?.units ?? []),
    staleTime: 5 * 60_000,
  });
}

/** Orders a flat unit list as the tree reads: each unit followed by the units below it. */
export function depthFirst<T extends { id: string; parentId: string | null; name: string }>(units: readonly T[]): T[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, T[]>();
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const out: T[] = [];
  const visit = (parent: string | null) => {
    for (const unit of children.get(parent) ?? []) {
      out.push(unit);
      visit(unit.id);
    }
  };
  visit(null);
  return out;
}

/** Picks a unit of the organisation; the company when none is chosen. */
export function UnitSelect({
  units,
  value,
  onChange,
  label = 'Unit',
  w = 240,
}: {
  units: readonly UnitOption[];
  value: string | null;
  onChange: (unitId: string) => void;
  label?: string;
  w?: number | string;
}) {
  const company = units[0];
  const depth = new Map(units.map((u) => [u.id, u.depth]));
  return (
    <Select
      label={label}
      data={units.map((u) => ({ value: u.id, label: u.name }))}
      renderOption={({ option }) => (
        <Text size="sm" pl={(depth.get(option.value) ?? 0) * 14}>
          {option.label}
        </Text>
      )}
      value={value ?? company?.id ?? null}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      searchable
      w={w}
      comboboxProps={{ withinPortal: true }}
      disabled={units.length === 0}
    />
  );
}
