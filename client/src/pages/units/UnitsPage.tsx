import { Badge, Box, Card, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { graphql } from '../../api/graphql';
import { useMember } from '../../auth/session';
import { NoPeriods, PeriodPicker, useSelectedPeriod } from '../../app/periods';
import type { PlanUnitsOverviewQuery } from '../../graphql/generated';
import { PlanUnitsOverviewDocument } from '../../graphql/documents/PlanUnitsOverview';
import { ErrorAlert, Loading } from '../../components/States';
import { ProgressMeter } from '../../components/Status';
import { percent } from '../../components/format';
import { unitKindLabel } from '../../components/plan/vocabulary';

type OverviewUnit = NonNullable<PlanUnitsOverviewQuery['okrTree']>['units'][number];

/** The tree's units depth first (the server lists them breadth first), children by name. */
export function depthFirst(units: readonly OverviewUnit[]): OverviewUnit[] {
  const children = new Map<string | null, OverviewUnit[]>();
  for (const u of units) {
    const key = u.parentId ?? null;
    children.set(key, [...(children.get(key) ?? []), u]);
  }
  const ids = new Set(units.map((u) => u.id));
  const roots = units.filter((u) => !u.parentId || !ids.has(u.parentId));
  const out: OverviewUnit[] = [];
  const visit = (u: OverviewUnit) => {
    out.push(u);
    for (const c of [...(children.get(u.id) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) visit(c);
  };
  roots.forEach(visit);
  return out;
}

function UnitRow({ unit, periodId, expected, indent, role }: { unit: OverviewUnit; periodId: string; expected: number; indent: number; role?: string }) {
  const visible = unit.objectives.filter((o) => o.state !== 'CANCELLED');
  const drafts = visible.filter((o) => o.state === 'DRAFT').length;
  const count = visible.length + unit.hiddenObjectiveCount;
  const hasProgress = visible.some((o) => o.state === 'ACTIVE' || o.state === 'CLOSED') || unit.hiddenObjectiveCount > 0;
  return (
    <Card
      component={Link}
      to={`/units/${unit.id}?period=${periodId}`}
      padding="sm"
      ml={{ base: Math.min(indent, 3) * 12, sm: indent * 28 }}
      data-testid="unit-row"
      style={{ textDecoration: 'none', color: 'inherit' }}
      aria-label={`${unit.name}: ${count} objective${count === 1 ? '' : 's'}, progress ${percent(unit.progress)}`}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={6}>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Text fw={600} truncate>
              {unit.name}
            </Text>
            <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
              {unitKindLabel[unit.kind]}
            </Badge>
            {role && (
              <Badge size="xs" variant="light" color="indigo" style={{ flexShrink: 0 }}>
                {role}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {count === 0 ? 'No objectives yet' : `${count} objective${count === 1 ? '' : 's'}`}
            {drafts > 0 ? ` · ${drafts} draft${drafts === 1 ? '' : 's'}` : ''}
            {unit.hiddenObjectiveCount > 0 ? ` · ${unit.hiddenObjectiveCount} restricted` : ''}
          </Text>
        </Stack>
        <Stack gap={2} justify="center">
          {hasProgress ? (
            <ProgressMeter progress={unit.progress} expected={expected} />
          ) : (
            <Text size="xs" c="dimmed">
              No active objectives: no progress yet
            </Text>
          )}
          {unit.progressWithDescendants !== unit.progress && (
            <Text size="xs" c="dimmed">
              With the units below: {percent(unit.progressWithDescendants)}
            </Text>
          )}
        </Stack>
      </SimpleGrid>
    </Card>
  );
}

/** The organisation's units with their progress for the period; the signed-in person's own units first. */
export default function UnitsPage() {
  const member = useMember();
  const { period, isLoading: periodsLoading, error: periodsError } = useSelectedPeriod();
  const periodId = period?.id ?? '';
  const overview = useQuery({
    queryKey: ['okr', 'plan', 'units', periodId],
    queryFn: () => graphql(PlanUnitsOverviewDocument, { periodId }),
    enabled: !!periodId,
  });

  const tree = overview.data?.okrTree;
  const units = tree ? depthFirst(tree.units) : [];
  const mine = member.memberships
    .map((m) => ({ membership: m, unit: units.find((u) => u.id === m.unitId) }))
    .filter((x): x is { membership: (typeof member.memberships)[number]; unit: OverviewUnit } => !!x.unit)
    .sort((a, b) => Number(b.membership.isLead) - Number(a.membership.isLead) || b.unit.depth - a.unit.depth);

  return (
    <Container size="lg" px={{ base: 0, sm: 'md' }}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Title order={1} size="h2">
              Units
            </Title>
            <Text c="dimmed" size="sm">
              Every unit’s OKRs for the period, with its progress against where the plan expects it by now (the tick).
            </Text>
          </Stack>
          <PeriodPicker />
        </Group>

        {(periodsLoading || overview.isLoading) && <Loading label="Loading the units…" />}
        {periodsError && <ErrorAlert error={periodsError} />}
        {overview.error && <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />}
        {!periodsLoading && !period && (
          <NoPeriods />
        )}

        {tree && (
          <>
            <Box component="section" aria-labelledby="your-units">
              <Title order={2} size="h4" id="your-units" mb="xs">
                Your units
              </Title>
              {mine.length === 0 ? (
                <Text size="sm" c="dimmed">
                  You do not belong to any unit yet. Ask a lead or an admin to add you to yours; meanwhile, every unit is listed below.
                </Text>
              ) : (
                <Stack gap="xs">
                  {mine.map(({ unit, membership }) => (
                    <UnitRow
                      key={unit.id}
                      unit={unit}
                      periodId={periodId}
                      expected={tree.expectedProgress}
                      indent={0}
                      role={membership.isLead ? 'You lead' : 'Member'}
                    />
                  ))}
                </Stack>
              )}
            </Box>
            <Box component="section" aria-labelledby="all-units">
              <Title order={2} size="h4" id="all-units" mb="xs">
                All units
              </Title>
              <Stack gap="xs">
                {units.map((unit) => (
                  <UnitRow key={unit.id} unit={unit} periodId={periodId} expected={tree.expectedProgress} indent={unit.depth} />
                ))}
              </Stack>
            </Box>
          </>
        )}
      </Stack>
    </Container>
  );
}
