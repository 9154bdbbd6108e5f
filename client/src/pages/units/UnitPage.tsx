import { useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { graphql } from '../../api/graphql';
import { useMember } from '../../auth/session';
import { NoPeriods, PeriodPicker, useSelectedPeriod } from '../../app/periods';
import { PlanFindingsDocument } from '../../graphql/documents/PlanFindings';
import { PlanUnitDocument } from '../../graphql/documents/PlanUnit';
import { Empty, ErrorAlert, Loading } from '../../components/States';
import { ProgressMeter } from '../../components/Status';
import { FindingList, indexFindings } from '../../components/plan/Findings';
import { ObjectiveEditor } from '../../components/plan/ObjectiveEditor';
import { usePeople } from '../../components/plan/orgTree';
import type { PersonOption } from '../../components/plan/PersonSelect';
import { canDraftIn, leadsOver } from '../../components/plan/permissions';
import { unitKindLabel } from '../../components/plan/vocabulary';
import { WhyReadOnly } from '../../components/plan/WhyReadOnly';
import { ObjectiveCard } from './ObjectiveCard';

/** The unit's OKRs for a period: drafts and active objectives with their key results, edited in place with the coach. */
export default function UnitPage() {
  const { unitId = '' } = useParams();
  const member = useMember();
  const queryClient = useQueryClient();
  const { period, isLoading: periodsLoading, error: periodsError } = useSelectedPeriod();
  const periodId = period?.id ?? '';
  const [creating, setCreating] = useState(false);
  const [justCreated, setJustCreated] = useState<string | null>(null);

  const unitQuery = useQuery({
    queryKey: ['okr', 'plan', 'unit', unitId, periodId],
    queryFn: () => graphql(PlanUnitDocument, { unitId, periodId }),
    enabled: !!periodId && !!unitId,
  });
  const findingsQuery = useQuery({
    queryKey: ['okr', 'plan', 'findings', periodId, unitId],
    queryFn: () => graphql(PlanFindingsDocument, { periodId, unitId }),
    enabled: !!periodId && !!unitId,
  });
  const everyone = usePeople();

  const unit = unitQuery.data?.orgUnit;
  const periodInfo = unitQuery.data?.period;
  const findings = useMemo(() => indexFindings(findingsQuery.data?.okrFindings), [findingsQuery.data]);

  // Owners, RACI: everyone active in the organisation, the unit's members first.
  const people: PersonOption[] = useMemo(() => {
    const memberIds = new Set(unit?.members.map((m) => m.person.id) ?? []);
    return (everyone.data ?? []).map((p) => ({ id: p.id, displayName: p.displayName, isActive: p.isActive, inUnit: memberIds.has(p.id) }));
  }, [everyone.data, unit]);

  /** After a write: re-read every OKR view (progress, status and the coach's findings are the server's), and wait. */
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['okr'] });

  if (periodsLoading) return <Loading />;
  if (periodsError) return <ErrorAlert error={periodsError} />;
  if (!period) {
    return (
      <Container size="lg">
        <NoPeriods />
      </Container>
    );
  }

  const context = unit ? { id: unit.id, name: unit.name, ancestors: unit.ancestors } : null;
  const draftPermission = context ? canDraftIn(member, context, periodInfo?.state) : null;
  const unitFindings = findings.get(unitId) ?? [];
  // Focus areas usually belong to the year: the quarter's own and its year's.
  const focusAreas = [...(periodInfo?.focusAreas ?? []), ...(periodInfo?.parent?.focusAreas ?? [])].filter((f) => !f.isArchived);
  const objectives = unit?.objectives ?? [];
  const drafts = objectives.filter((o) => o.state === 'DRAFT').length;

  return (
    <Container size="lg" px={{ base: 0, sm: 'md' }}>
      <Stack gap="md">
        <Breadcrumbs separator="›" styles={{ root: { flexWrap: 'wrap' } }}>
          <Anchor component={Link} to={`/units?period=${periodId}`} size="sm">
            Units
          </Anchor>
          {[...(unit?.ancestors ?? [])].reverse().map((a) => (
            <Anchor key={a.id} component={Link} to={`/units/${a.id}?period=${periodId}`} size="sm">
              {a.name}
            </Anchor>
          ))}
          <Text size="sm">{unit?.name ?? '…'}</Text>
        </Breadcrumbs>

        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={1} size="h2">
                {unit?.name ?? 'Unit'}
              </Title>
              {unit && (
                <Badge variant="light" color="gray">
                  {unitKindLabel[unit.kind]}
                </Badge>
              )}
            </Group>
            <Text c="dimmed" size="sm">
              Its objectives and key results for the period. Drafts are edited here with the coach’s help, then activated.
            </Text>
          </Stack>
          <PeriodPicker />
        </Group>

        {unitQuery.isLoading && <Loading label="Loading the unit’s OKRs…" />}
        {unitQuery.error && <ErrorAlert error={unitQuery.error} onRetry={() => void unitQuery.refetch()} />}

        {unit && context && draftPermission && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Card padding="sm">
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  Progress
                </Text>
                <ProgressMeter progress={unit.progress} expected={periodInfo?.expectedProgress ?? null} />
                <Text size="xs" c="dimmed">
                  Its own active objectives; with the units below it: {Math.round(unit.progressWithDescendants * 100)}%
                </Text>
              </Card>
              <Card padding="sm">
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  Objectives
                </Text>
                <Text fw={700} size="xl">
                  {objectives.length}
                </Text>
                <Text size="xs" c="dimmed">
                  {drafts > 0 ? `${drafts} draft${drafts === 1 ? '' : 's'} · ` : ''}3 to 5 keeps the focus
                </Text>
              </Card>
              <Card padding="sm">
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  Members
                </Text>
                <Text size="sm" lineClamp={2}>
                  {unit.members.length === 0
                    ? 'Nobody yet'
                    : [...unit.members]
                        .sort((a, b) => Number(b.role === 'LEAD') - Number(a.role === 'LEAD') || a.person.displayName.localeCompare(b.person.displayName))
                        .map((m) => `${m.person.displayName}${m.role === 'LEAD' ? ' (lead)' : ''}`)
                        .join(', ')}
                </Text>
                {unit.children.length > 0 && (
                  <Text size="xs" c="dimmed" mt={4}>
                    Units below:{' '}
                    {unit.children.map((c, i) => (
                      <span key={c.id}>
                        {i > 0 && ', '}
                        <Anchor component={Link} to={`/units/${c.id}?period=${periodId}`} size="xs">
                          {c.name}
                        </Anchor>
                      </span>
                    ))}
                  </Text>
                )}
              </Card>
            </SimpleGrid>

            <FindingList findings={unitFindings} source="server" label={`Coach findings on ${unit.name}`} />
            {findingsQuery.error && <ErrorAlert error={findingsQuery.error} title="The coach’s findings could not be loaded" />}
            {everyone.error && <ErrorAlert error={everyone.error} title="The list of people could not be loaded" onRetry={() => void everyone.refetch()} />}

            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={2} size="h3">
                Objectives in {periodInfo?.name ?? period.name}
              </Title>
              {draftPermission.allowed ? (
                !creating && (
                  <Button onClick={() => setCreating(true)} data-testid="new-objective">
                    New objective
                  </Button>
                )
              ) : (
                <WhyReadOnly reason={draftPermission.reason} label="Why can’t I add objectives?" />
              )}
            </Group>
            {!draftPermission.allowed && periodInfo?.state === 'CLOSED' && (
              <Alert color="gray" variant="light">
                {draftPermission.reason}
              </Alert>
            )}

            {creating && (
              <ObjectiveEditor
                unitId={unit.id}
                unitName={unit.name}
                periodId={periodId}
                people={people}
                focusAreas={focusAreas}
                defaultOwnerId={member.personId}
                onCancel={() => setCreating(false)}
                onSaved={async (saved) => {
                  // Known before the new card mounts, so it opens with its first key result.
                  setJustCreated(saved.id);
                  await refresh();
                  setCreating(false);
                }}
              />
            )}

            {objectives.length === 0 && !creating ? (
              <Card>
                <Empty title={`No objectives for ${unit.name} in ${periodInfo?.name ?? period.name}`}>
                  {draftPermission.allowed
                    ? 'Draft one: what should this unit achieve this period, and why? Then add the key results that prove it.'
                    : 'Nothing has been drafted here yet.'}
                </Empty>
              </Card>
            ) : (
              <Stack gap="md">
                {objectives.map((o) => (
                  <ObjectiveCard
                    key={o.id}
                    objective={o}
                    unit={context}
                    periodId={periodId}
                    periodState={periodInfo?.state}
                    member={member}
                    people={people}
                    focusAreas={focusAreas}
                    findings={findings}
                    addKeyResultOnOpen={o.id === justCreated}
                    onChanged={refresh}
                  />
                ))}
              </Stack>
            )}
            {leadsOver(member, context) && unit.children.length > 0 && (
              <Text size="xs" c="dimmed">
                As a lead over {unit.name}, you can also edit the OKRs of the units below it.
              </Text>
            )}
          </>
        )}
        {!unitQuery.isLoading && !unitQuery.error && !unit && (
          <Empty title="No such unit">It may have been deleted, or the link is wrong.</Empty>
        )}
      </Stack>
    </Container>
  );
}
