import type { ReactNode } from 'react';
import { Select } from '@mantine/core';

export interface PersonOption {
  id: string;
  displayName: string;
  /** A member of the unit the choice is for: listed first. */
  inUnit?: boolean;
  isActive?: boolean;
}

/** Options grouped: the unit's members first, then everyone else in the organisation (active people only). */
export function personOptions(people: readonly PersonOption[], unitName?: string) {
  const active = people.filter((p) => p.isActive !== false);
  const toItem = (p: PersonOption) => ({ value: p.id, label: p.displayName });
  const inUnit = active.filter((p) => p.inUnit).map(toItem);
  const others = active.filter((p) => !p.inUnit).map(toItem);
  if (inUnit.length === 0) return others;
  return [
    { group: unitName ? `Members of ${unitName}` : 'Members of the unit', items: inUnit },
    ...(others.length ? [{ group: 'Everyone else', items: others }] : []),
  ];
}

/** Choose a person of the organisation by name (searchable, clearable). */
export function PersonSelect({
  label,
  description,
  people,
  unitName,
  value,
  onChange,
  error,
  placeholder = 'Nobody yet',
}: {
  label: string;
  description?: string;
  people: readonly PersonOption[];
  unitName?: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: ReactNode;
  placeholder?: string;
}) {
  return (
    <Select
      label={label}
      description={description}
      data={personOptions(people, unitName)}
      value={value}
      onChange={onChange}
      searchable
      clearable
      placeholder={placeholder}
      nothingFoundMessage="Nobody by that name"
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
