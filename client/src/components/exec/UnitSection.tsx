import { Anchor, Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ExecUnitSectionsQuery } from '../../graphql/generated';
import { ProgressMeter, StatusBadge, type OkrStatusName } from '../Status';
import { percent } from '../format';
import { countStatuses, StatusLine } from './StatusCounts';

export type SectionUnit = NonNullable<ExecUnitSectionsQuery['okrTree']>['units'][number];

const kindLabel: Record<SectionUnit['kind'], string> = {
  COMPANY: 'Company',
  DIVISION: 'Division',
  DEPARTMENT: 'Department',
  TEAM: 'Team',
  CROSS_FUNCTIONAL_TEAM: 'Cross-functional team',
};

/** The objectives that count in a unit's numbers: active and closed ones (drafts are not committed to yet). */
export function countedObjectives(unit: SectionUnit) {
  return unit.objectives.filter((o) => o.state === 'ACTIVE' || o.state === 'CLOSED');
}

/** One unit of the binder: its progress against plan, its objectives' statuses, and each objective. */
export function UnitSection({
  unit,
  expected,
  withSubUnits,
  filter,
  parentName,
}: {
  unit: SectionUnit;
  /** The unit it sits in, when that is shown too. */
  parentName?: string | null;
  expected: number;
  /** Show the progress including the units below it too. */
  withSubUnits: boolean;
  filter: OkrStatusName | null;
}) {
  const counted = countedObjectives(unit);
  const drafts = unit.objectives.filter((o) => o.state === 'DRAFT').length;
  const shown = filter ? counted.filter((o) => o.status === filter) : counted;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={unit.name} h="100%">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Title order={3} size="h5">
              <Anchor component={Link} to={`/units/${unit.id}`} c="inherit">
                {unit.name}
              </Anchor>
            </Title>
            <Text size="xs" c="dimmed">
              {kindLabel[unit.kind]}
              {parentName ? ` in ${parentName}` : ''} · {counted.length} objective{counted.length === 1 ? '' : 's'}
              {drafts > 0 && ` · ${drafts} draft${drafts === 1 ? '' : 's'}`}
              {unit.hiddenObjectiveCount > 0 && ` · ${unit.hiddenObjectiveCount} restricted (counted, not shown)`}
            </Text>
          </Stack>
        </Group>
        {counted.length > 0 || unit.hiddenObjectiveCount > 0 ? (
          <>
            <ProgressMeter progress={unit.progress} expected={expected} />
            {withSubUnits && unit.progressWithDescendants !== unit.progress && (
              <Text size="xs" c="dimmed">
                With the units below it: <b>{percent(unit.progressWithDescendants)}</b>
              </Text>
            )}
            <StatusLine counts={countStatuses(counted.map((o) => o.status))} />
          </>
        ) : (
          <Text size="sm" c="dimmed">
            No active objectives in this period.
          </Text>
        )}
        {shown.length > 0 && (
          <Stack gap={6} mt={4}>
            {shown.map((o) => (
              <Group key={o.id} gap="xs" wrap="nowrap" align="flex-start">
                <Anchor component={Link} to={`/objectives/${o.id}`} size="sm" style={{ flex: 1, minWidth: 0 }} lineClamp={2}>
                  {o.title}
                </Anchor>
                {o.type === 'ASPIRATIONAL' && (
                  <Badge size="xs" variant="outline" color="grape" title="Aspirational: success at a lower grade" style={{ flexShrink: 0 }}>
                    Aspirational
                  </Badge>
                )}
                <Box style={{ flexShrink: 0 }}>
                  <StatusBadge status={o.status} size="xs" />
                </Box>
                <Text size="xs" fw={600} w={34} ta="right" style={{ flexShrink: 0 }}>
                  {percent(o.progress)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        {filter && counted.length > 0 && shown.length === 0 && (
          <Text size="xs" c="dimmed">
            None of its objectives match the filter.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
