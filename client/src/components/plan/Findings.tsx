import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import type { FindingSeverity, PlanFindingsQuery } from '../../graphql/generated';
import type { Hint } from './coachHints';
import { severityColor, severityLabel } from './vocabulary';

export type Finding = NonNullable<PlanFindingsQuery['okrFindings']>[number];

const order: Record<FindingSeverity, number> = { ERROR: 0, WARNING: 1, INFO: 2 };

/**
 * The coach's findings on one objective or key result, coloured by severity. `source` says whether they come from
 * the server (after saving) or from instant hints while typing.
 */
export function FindingList({
  findings,
  source,
  label,
}: {
  findings: readonly (Finding | Hint)[];
  source: 'server' | 'typing';
  label?: string;
}) {
  if (findings.length === 0) return null;
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <Stack
      gap={4}
      role={source === 'typing' ? 'status' : 'list'}
      aria-label={label ?? (source === 'server' ? 'Coach findings' : 'Coach hints as you type')}
      data-testid={source === 'server' ? 'coach-findings' : 'coach-hints'}
    >
      {sorted.map((f, i) => (
        <Box
          key={`${f.ruleId}-${i}`}
          role={source === 'server' ? 'listitem' : undefined}
          data-rule={f.ruleId}
          px="xs"
          py={4}
          style={{
            borderLeft: `3px solid var(--mantine-color-${severityColor[f.severity]}-6)`,
            background: `var(--mantine-color-${severityColor[f.severity]}-light)`,
            borderRadius: 4,
          }}
        >
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Badge size="xs" variant="filled" color={severityColor[f.severity]} style={{ flexShrink: 0, marginTop: 2 }}>
              {source === 'typing' ? 'Coach' : severityLabel[f.severity]}
            </Badge>
            <Text size="sm">{f.message}</Text>
          </Group>
        </Box>
      ))}
    </Stack>
  );
}

/** Findings of a period's unit indexed by what they concern. */
export function indexFindings(findings: readonly Finding[] | null | undefined): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>();
  for (const f of findings ?? []) {
    const list = map.get(f.subjectId) ?? [];
    list.push(f);
    map.set(f.subjectId, list);
  }
  return map;
}
