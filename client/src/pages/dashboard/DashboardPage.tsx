import { useRef } from 'react';
import { Anchor, Badge, Button, Container, Grid, Group, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../api/graphql';
import { NoPeriods, PeriodPicker, useSelectedPeriod } from '../../app/periods';
import { Empty, ErrorAlert, Loading } from '../../components/States';
import type { OkrStatusName } from '../../components/Status';
import { todayIso } from '../../components/format';
import { ExecDashboardDocument } from '../../graphql/documents/ExecDashboard';
import { ExecUnitSectionsDocument } from '../../graphql/documents/ExecUnitSections';
import { AsOfBanner, AsOfPicker, asOfInstant } from '../../components/exec/AsOfPicker';
import { AttentionList, attentionItems } from '../../components/exec/AttentionList';
import { BlockedInitiatives } from '../../components/exec/BlockedInitiatives';
import { CheckpointSummary } from '../../components/exec/CheckpointSummary';
import { Compliance } from '../../components/exec/ComplianceCard';
import { StatusCountTiles, StatusLine } from '../../components/exec/StatusCounts';
import { UnitSection } from '../../components/exec/UnitSection';
import { depthFirst, UnitSelect, useUnits } from '../../components/exec/UnitSelect';
import { Headline } from './Headline';

const statuses: OkrStatusName[] = ['NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'STALE', 'ACHIEVED', 'MISSED'];

/** The executive binder: the answer first (progress against plan, what needs attention), the details below. */
export default function DashboardPage() {
  const { period, isLoading: periodsLoading, error: periodsError } = useSelectedPeriod();
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  const asOfDay = params.get('asOf');
  const asOf = asOfInstant(asOfDay);
  const includeDescendants = params.get('sub') !== '0';
  const statusParam = params.get('status') as OkrStatusName | null;
  const filter = statusParam && statuses.includes(statusParam) ? statusParam : null;
  const byUnitRef = useRef<HTMLDivElement>(null);

  const units = useUnits(period?.id);
  // No unit in the URL is the company, the server's default: the binder is asked for at once, beside the unit list,
  // not after it.
  const unitParam = params.get('unit');
  const unitId = unitParam ?? units.data?.[0]?.id ?? null;
  const dashboard = useQuery({
    queryKey: ['okr', 'exec', 'dashboard', period?.id, unitParam, includeDescendants, asOf],
    queryFn: () => graphql(ExecDashboardDocument, { periodId: period!.id, unitId: unitParam, includeDescendants, asOf }),
    enabled: !!period,
    placeholderData: (previous) => previous,
  });
  const sections = useQuery({
    queryKey: ['okr', 'exec', 'unit-sections', period?.id, unitParam, asOf],
    queryFn: () => graphql(ExecUnitSectionsDocument, { periodId: period!.id, rootUnitId: unitParam, asOf }),
    enabled: !!period,
    placeholderData: (previous) => previous,
  });

  const d = dashboard.data?.dashboard;
  const today = asOfDay ?? todayIso();
  const tree = sections.data?.okrTree;
  const sectionUnits = tree ? (includeDescendants ? depthFirst(tree.units) : tree.units.filter((u) => u.depth === 0)) : [];
  const unitName = new Map(sectionUnits.map((u) => [u.id, u.name]));
  const attention = d ? attentionItems(d.offTrack, d.atRisk, d.stale) : [];

  const selectStatus = (status: OkrStatusName | null) => {
    set({ status });
    if (status) byUnitRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  };

  const toolbar = (
    <Group gap="sm" align="flex-end">
      <Stack gap={4}>
        <Text size="sm" fw={500} aria-hidden>
          Period
        </Text>
        <PeriodPicker />
      </Stack>
      <UnitSelect units={units.data ?? []} value={unitId} onChange={(id) => set({ unit: id === units.data?.[0]?.id ? null : id, status: null })} w={210} />
      <Switch
        label="Include sub-units"
        checked={includeDescendants}
        onChange={(e) => set({ sub: e.currentTarget.checked ? null : '0' })}
        mb={8}
      />
      <AsOfPicker value={asOfDay} onChange={(day) => set({ asOf: day })} />
    </Group>
  );

  return (
    <Container size="xl" px={0}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={2}>
            <Title order={1} size="h2">
              Company dashboard
            </Title>
            <Text c="dimmed" size="sm">
              Where we stand against the plan, what needs attention and why.
            </Text>
          </Stack>
          {toolbar}
        </Group>

        {asOfDay && <AsOfBanner day={asOfDay} onBack={() => set({ asOf: null })} />}

        {periodsError ? (
          <ErrorAlert error={periodsError} />
        ) : periodsLoading || units.isLoading || (dashboard.isLoading && !!period) ? (
          <Loading label="Gathering the binder…" />
        ) : !period ? (
          <NoPeriods />
        ) : dashboard.error || units.error ? (
          <ErrorAlert error={dashboard.error ?? units.error} onRetry={() => void dashboard.refetch()} />
        ) : !d ? (
          <Empty title="Nothing to show" />
        ) : d.objectiveCount === 0 && d.hiddenObjectiveCount === 0 ? (
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Paper withBorder p="xl" radius="md" h="100%">
                <Empty title={`No active objectives for ${d.unit.name} in ${period.name}`}>
                  Once objectives are drafted and activated, their progress, statuses and risks show up here.{' '}
                  <Anchor component={Link} to="/units">
                    Go to the units
                  </Anchor>{' '}
                  to draft them.
                </Empty>
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Paper withBorder radius="md" p="md" component="section" aria-labelledby="checkpoints-title">
                <Title order={2} size="h5" id="checkpoints-title" mb="xs">
                  Checkpoints of {period.name}
                </Title>
                <CheckpointSummary overdue={d.overdueCheckpoints} upcoming={d.upcomingCheckpoints} today={today} periodId={period.id} />
              </Paper>
            </Grid.Col>
          </Grid>
        ) : (
          <>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Headline dashboard={d} periodName={period.name} attentionCount={attention.length} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Paper withBorder radius="md" p="md" h="100%" component="section" aria-labelledby="compliance-title">
                  <Title order={2} size="h5" id="compliance-title" mb="xs">
                    Check-in compliance
                  </Title>
                  <Compliance share={d.checkInCompliance} cadenceDays={dashboard.data?.organization?.settings.checkInCadenceDays ?? null} />
                </Paper>
              </Grid.Col>
            </Grid>

            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="status-title">
              <Group justify="space-between" mb="xs" gap="xs">
                <Title order={2} size="h5" id="status-title">
                  Objectives by status
                </Title>
                <Text size="xs" c="dimmed">
                  Click a status to see which objectives.
                </Text>
              </Group>
              <StatusCountTiles counts={d.objectivesByStatus} selected={filter} onSelect={selectStatus} noun="objectives" />
              <Group gap="xs" mt="sm">
                <Text size="sm" c="dimmed">
                  Key results ({d.keyResultCount}):
                </Text>
                <StatusLine counts={d.keyResultsByStatus} />
              </Group>
            </Paper>

            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Paper withBorder radius="md" p="md" component="section" aria-labelledby="attention-title">
                  <Group gap="xs" mb="sm">
                    <Title order={2} size="h4" id="attention-title">
                      Needs attention, and why
                    </Title>
                    <Badge color={attention.length ? 'red' : 'teal'} variant="light">
                      {attention.length}
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed" mb="sm">
                    Key results off track, at risk or not checked in, with what their owners last wrote.
                  </Text>
                  <AttentionList items={attention} />
                </Paper>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Stack gap="md">
                  <Paper withBorder radius="md" p="md" component="section" aria-labelledby="checkpoints-title">
                    <Title order={2} size="h5" id="checkpoints-title" mb="xs">
                      Checkpoints of {period.name}
                    </Title>
                    <CheckpointSummary overdue={d.overdueCheckpoints} upcoming={d.upcomingCheckpoints} today={today} periodId={period.id} />
                  </Paper>
                  <Paper withBorder radius="md" p="md" component="section" aria-labelledby="blocked-title">
                    <Group gap="xs" mb="xs">
                      <Title order={2} size="h5" id="blocked-title">
                        Blocked initiatives
                      </Title>
                      {d.blockedInitiatives.length > 0 && (
                        <Badge color="red" variant="light" size="sm">
                          {d.blockedInitiatives.length}
                        </Badge>
                      )}
                    </Group>
                    <BlockedInitiatives initiatives={d.blockedInitiatives} />
                  </Paper>
                </Stack>
              </Grid.Col>
            </Grid>

            <Stack gap="sm" ref={byUnitRef} style={{ scrollMarginTop: 70 }}>
              <Group justify="space-between" gap="xs">
                <Title order={2} size="h4">
                  By unit
                </Title>
                {filter && (
                  <Group gap="xs">
                    <Text size="sm">
                      Showing only objectives that are <b>{filter.replace('_', ' ').toLowerCase()}</b>.
                    </Text>
                    <Button size="xs" variant="light" onClick={() => set({ status: null })}>
                      Show all
                    </Button>
                  </Group>
                )}
              </Group>
              {sections.error ? (
                <ErrorAlert error={sections.error} onRetry={() => void sections.refetch()} />
              ) : sections.isLoading ? (
                <Loading label="Loading the units…" />
              ) : (
                <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
                  {sectionUnits
                    .filter((u) => !filter || u.objectives.some((o) => o.status === filter && (o.state === 'ACTIVE' || o.state === 'CLOSED')))
                    .map((u) => (
                      <UnitSection
                        key={u.id}
                        unit={u}
                        expected={tree?.expectedProgress ?? d.expectedProgress}
                        withSubUnits={includeDescendants && sectionUnits.some((c) => c.parentId === u.id)}
                        filter={filter}
                        parentName={u.parentId ? unitName.get(u.parentId) : null}
                      />
                    ))}
                </SimpleGrid>
              )}
            </Stack>
          </>
        )}
      </Stack>
    </Container>
  );
}
