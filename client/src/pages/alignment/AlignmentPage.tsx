import { useMemo } from 'react';
import { Anchor, Box, Container, Group, Paper, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../api/graphql';
import { NoPeriods, PeriodPicker, useSelectedPeriod } from '../../app/periods';
import { Empty, ErrorAlert, Loading } from '../../components/States';
import type { ExecAlignmentQuery } from '../../graphql/generated';
import { ExecAlignmentDocument } from '../../graphql/documents/ExecAlignment';
import { AlignmentMap } from '../../components/exec/AlignmentMap';
import { AlignmentLegend } from '../../components/exec/AlignmentLegend';
import { AlignmentList } from '../../components/exec/AlignmentList';
import { UnitSelect, useUnits } from '../../components/exec/UnitSelect';

export type AlignmentGraphData = NonNullable<ExecAlignmentQuery['alignmentGraph']>;

/** How objectives connect: units top-down, objectives and key results inside them, alignments as edges. */
export default function AlignmentPage() {
  const { period, isLoading: periodsLoading, error: periodsError } = useSelectedPeriod();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit');
  const showKeyResults = params.get('krs') !== '0';
  // A phone is too small for the map: it starts on the list (the map is one tap away).
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const view = (params.get('view') ?? (phone ? 'list' : 'map')) === 'list' ? 'list' : 'map';
  const set = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const units = useUnits(period?.id);
  const graph = useQuery({
    queryKey: ['okr', 'exec', 'alignment', period?.id, unitId],
    queryFn: () => graphql(ExecAlignmentDocument, { periodId: period!.id, rootUnitId: unitId }),
    enabled: !!period,
  });
  const data = graph.data?.alignmentGraph;
  const counts = useMemo(
    () => ({
      objectives: data?.nodes.filter((n) => !n.external).length ?? 0,
      links: data?.edges.length ?? 0,
    }),
    [data],
  );

  return (
    <Container size="xl" px={0}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={2}>
            <Title order={1} size="h2">
              Alignment map
            </Title>
            <Text c="dimmed" size="sm">
              How every team’s objectives connect to the company’s: the company at the top, each unit below the one it serves.
            </Text>
          </Stack>
          <Group gap="sm" align="flex-end">
            <Stack gap={4}>
              <Text size="sm" fw={500} aria-hidden>
                Period
              </Text>
              <PeriodPicker />
            </Stack>
            <UnitSelect units={units.data ?? []} value={unitId} onChange={(id) => set('unit', id === units.data?.[0]?.id ? null : id)} label="Starting from" w={220} />
          </Group>
        </Group>

        {periodsError ? (
          <ErrorAlert error={periodsError} />
        ) : periodsLoading || (graph.isLoading && !!period) ? (
          <Loading label="Drawing the map…" />
        ) : !period ? (
          <NoPeriods />
        ) : graph.error ? (
          <ErrorAlert error={graph.error} onRetry={() => void graph.refetch()} />
        ) : !data || data.nodes.length === 0 ? (
          <Paper withBorder p="xl" radius="md">
            <Empty title={`No objectives in ${period.name} yet`}>
              Once units draft objectives and align them to the company’s, they appear here as a map.{' '}
              <Anchor component={Link} to="/units">
                Go to the units
              </Anchor>{' '}
              to draft the first ones.
            </Empty>
          </Paper>
        ) : (
          <>
            <Group justify="space-between" gap="sm">
              <Text size="sm">
                <b>{counts.objectives}</b> objective{counts.objectives === 1 ? '' : 's'} of {data.rootUnit.name} in {data.period.name},{' '}
                <b>{counts.links}</b> alignment{counts.links === 1 ? '' : 's'}.{' '}
                <Text span c="dimmed" size="sm">
                  Click an objective or key result to open it.
                </Text>
              </Text>
              <Group gap="md">
                {view === 'map' && <Switch label="Show key results" checked={showKeyResults} onChange={(e) => set('krs', e.currentTarget.checked ? null : '0')} />}
                <SegmentedControl
                  aria-label="View"
                  size="xs"
                  value={view}
                  onChange={(v) => set('view', v)}
                  data={[
                    { value: 'map', label: 'Map' },
                    { value: 'list', label: 'List' },
                  ]}
                />
              </Group>
            </Group>
            {view === 'map' && <AlignmentLegend />}
            {view === 'map' ? (
              <Box>
                <AlignmentMap nodes={data.nodes} edges={data.edges} showKeyResults={showKeyResults} height="max(480px, calc(100vh - 290px))" />
              </Box>
            ) : (
              <AlignmentList nodes={data.nodes} edges={data.edges} />
            )}
          </>
        )}
      </Stack>
    </Container>
  );
}
