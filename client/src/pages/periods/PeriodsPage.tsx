import { useMemo, useState } from 'react';
import { Badge, Button, Container, Grid, Group, NavLink, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { graphql } from '../../api/graphql';
import { useSelectedPeriod, type PeriodItem } from '../../app/periods';
import { useMember } from '../../auth/session';
import { Empty, ErrorAlert, Loading } from '../../components/States';
import { formatDate, todayIso } from '../../components/format';
import { ExecPeriodDocument } from '../../graphql/documents/ExecPeriod';
import { ExecPeriodObjectivesDocument } from '../../graphql/documents/ExecPeriodObjectives';
import { ClosePeriodFlow } from '../../components/exec/ClosePeriodFlow';
import { GradeReview, type PeriodObjective } from '../../components/exec/GradeReview';
import { useRefreshOkr } from '../../components/exec/invalidate';
import { useOrganization } from '../../components/plan/orgTree';
import { LifecycleCard, periodStateColor, periodStateLabel } from './LifecycleCard';
import { NewPeriodModal } from './NewPeriodModal';
import { RoadmapCard } from './RoadmapCard';

const kindLabel = { YEAR: 'Year', QUARTER: 'Quarter', CUSTOM: 'Custom period' } as const;

/** Years, newest first, each followed by its quarters and custom periods in date order; periods without a year at the end. */
export function periodTree(periods: readonly PeriodItem[]): { period: PeriodItem; depth: number }[] {
  const years = periods.filter((p) => p.kind === 'YEAR').sort((a, b) => b.start.localeCompare(a.start));
  const yearIds = new Set(years.map((y) => y.id));
  const out: { period: PeriodItem; depth: number }[] = [];
  for (const year of years) {
    out.push({ period: year, depth: 0 });
    for (const child of periods.filter((p) => p.parent?.id === year.id).sort((a, b) => a.start.localeCompare(b.start))) out.push({ period: child, depth: 1 });
  }
  for (const orphan of periods.filter((p) => p.kind !== 'YEAR' && !(p.parent && yearIds.has(p.parent.id))).sort((a, b) => b.start.localeCompare(a.start)))
    out.push({ period: orphan, depth: 0 });
  return out;
}

/** The planning cycles: their roadmap of checkpoints, their lifecycle, and closing them with grades and retrospectives. */
export default function PeriodsPage() {
  const member = useMember();
  const refresh = useRefreshOkr();
  const { period, periods, isLoading, error, select } = useSelectedPeriod();
  const [params, setParams] = useSearchParams();
  const closing = params.get('close') === '1';
  const setClosing = (on: boolean) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (on) next.set('close', '1');
        else next.delete('close');
        return next;
      },
      { replace: true },
    );
  const choose = (id: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('period', id);
        next.delete('close');
        return next;
      },
      { replace: true },
    );
  // ?new=1 (the empty states' "Create the first period") opens the form straight away.
  const [creating, setCreating] = useState(() => params.get('new') === '1');
  const today = todayIso();
  const organization = useOrganization({ enabled: member.isAdmin });

  const detail = useQuery({
    queryKey: ['okr', 'exec', 'period', period?.id],
    queryFn: () => graphql(ExecPeriodDocument, { id: period!.id }),
    enabled: !!period,
  });
  const p = detail.data?.period;
  const needsObjectives = !!p && (p.state === 'REVIEW' || p.state === 'CLOSED' || closing);
  const objectives = useQuery({
    queryKey: ['okr', 'exec', 'period-objectives', period?.id],
    queryFn: () => graphql(ExecPeriodObjectivesDocument, { periodId: period!.id }),
    enabled: needsObjectives,
  });

  const { list, leadsOver } = useMemo(() => {
    const units = objectives.data?.okrTree?.units ?? [];
    const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
    const leads = new Set(member.memberships.filter((m) => m.isLead).map((m) => m.unitId));
    const leadsOver = (unitId: string) => {
      for (let id: string | null | undefined = unitId; id; id = parentOf.get(id)) if (leads.has(id)) return true;
      return false;
    };
    return { list: units.flatMap((u) => u.objectives), leadsOver };
  }, [objectives.data, member.memberships]);
  const canOverride = (o: PeriodObjective) => member.isAdmin || leadsOver(o.owningUnit.id);
  const canWriteRetrospective = (o: PeriodObjective) =>
    canOverride(o) || o.owner?.id === member.personId || member.memberships.some((m) => m.unitId === o.owningUnit.id);
  const thresholds = objectives.data?.organization?.settings ?? null;
  const canMark = member.isAdmin || member.memberships.some((m) => m.isLead);

  const tree = periodTree(periods);

  return (
    <Container size="xl" px={0}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={2}>
            <Title order={1} size="h2">
              Periods
            </Title>
            <Text c="dimmed" size="sm">
              The planning cycles: their roadmap of checkpoints, and closing them with grades and retrospectives.
            </Text>
          </Stack>
          {member.isAdmin && <Button onClick={() => setCreating(true)}>New period</Button>}
        </Group>

        {error ? (
          <ErrorAlert error={error} />
        ) : isLoading ? (
          <Loading />
        ) : periods.length === 0 || !period ? (
          <Paper withBorder p="xl" radius="md">
            <Empty
              title="No periods yet"
              action={member.isAdmin && <Button onClick={() => setCreating(true)}>Create the first period</Button>}
            >
              {member.isAdmin
                ? 'OKRs are set for a period: create the year first, then its quarters (or a custom cycle).'
                : `OKRs are set for a period, and ${member.organizationName} has none yet: an admin creates the first one.`}
            </Empty>
          </Paper>
        ) : (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 3 }}>
              <Select
                hiddenFrom="md"
                label="Period"
                data={tree.map(({ period: item }) => ({ value: item.id, label: `${item.name} (${periodStateLabel[item.state].toLowerCase()})` }))}
                value={period.id}
                onChange={(id) => id && choose(id)}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
              <Paper withBorder radius="md" p={4} component="nav" aria-label="Periods" visibleFrom="md">
                {tree.map(({ period: item, depth }) => (
                  <NavLink
                    key={item.id}
                    active={item.id === period.id}
                    onClick={() => choose(item.id)}
                    pl={depth ? 28 : 12}
                    label={
                      <Group gap={6} justify="space-between" wrap="nowrap">
                        <Text size="sm" fw={depth ? 400 : 600}>
                          {item.name}
                        </Text>
                        <Badge size="xs" color={periodStateColor[item.state]} variant="light">
                          {periodStateLabel[item.state]}
                        </Badge>
                      </Group>
                    }
                    description={`${formatDate(item.start)} – ${formatDate(item.end)}`}
                    aria-current={item.id === period.id ? 'page' : undefined}
                  />
                ))}
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 9 }}>
              {detail.error ? (
                <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
              ) : detail.isLoading || !p ? (
                <Loading />
              ) : (
                <Stack gap="md">
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Title order={2} size="h3">
                        {p.name}
                      </Title>
                      <Badge color={periodStateColor[p.state]} variant="light">
                        {periodStateLabel[p.state]}
                      </Badge>
                    </Group>
                    <Text size="sm" c="dimmed">
                      {kindLabel[p.kind]}
                      {p.parent ? ` in ${p.parent.name}` : ''} · {formatDate(p.start)} to {formatDate(p.end)}
                      {p.state !== 'CLOSED' && p.expectedProgress > 0 && p.expectedProgress < 1 ? ` · ${Math.round(p.expectedProgress * 100)}% of the way through` : ''}
                    </Text>
                  </Stack>

                  <LifecycleCard period={p} isAdmin={member.isAdmin} onStartClose={() => setClosing(true)} />

                  {closing && member.isAdmin && (
                    objectives.error ? (
                      <ErrorAlert error={objectives.error} onRetry={() => void objectives.refetch()} />
                    ) : objectives.isLoading ? (
                      <Loading label="Loading the period’s objectives…" />
                    ) : (
                      <ClosePeriodFlow
                        key={p.id}
                        period={p}
                        periods={periods}
                        objectives={list}
                        thresholds={thresholds}
                        canOverride={canOverride}
                        canWriteRetrospective={canWriteRetrospective}
                        onChanged={refresh}
                        onFinish={() => setClosing(false)}
                      />
                    )
                  )}

                  <RoadmapCard period={p} today={today} canManage={member.isAdmin} canMark={canMark} />

                  {p.state === 'CLOSED' && !closing && (
                    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="grades-title">
                      <Title order={2} size="h4" id="grades-title" mb="sm">
                        Grades and retrospectives
                      </Title>
                      {objectives.error ? (
                        <ErrorAlert error={objectives.error} onRetry={() => void objectives.refetch()} />
                      ) : objectives.isLoading ? (
                        <Loading />
                      ) : (
                        <GradeReview
                          objectives={list}
                          thresholds={thresholds}
                          canOverride={canOverride}
                          canWriteRetrospective={canWriteRetrospective}
                          onChanged={refresh}
                        />
                      )}
                    </Paper>
                  )}
                </Stack>
              )}
            </Grid.Col>
          </Grid>
        )}
      </Stack>
      {member.isAdmin && (
        <NewPeriodModal
          opened={creating && !isLoading && !organization.isLoading} // its defaults need the periods and the fiscal year start
          onClose={() => {
            setCreating(false);
            if (params.has('new'))
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  next.delete('new');
                  return next;
                },
                { replace: true },
              );
          }}
          periods={periods}
          today={today}
          fiscalYearStartMonth={organization.data?.settings.fiscalYearStartMonth}
          onCreated={async (id) => {
            await refresh();
            select(id);
          }}
        />
      )}
    </Container>
  );
}
