import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Box, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { graphql } from '../../api/graphql';
import { useMember } from '../../auth/session';
import { Empty, ErrorAlert, Loading } from '../../components/States';
import { ProgressMeter, StatusBadge, statusLabel } from '../../components/Status';
import { formatDate, percent, todayIso } from '../../components/format';
import type { ObjectivePageQuery, RaciRole } from '../../graphql/generated';
import { ObjectivePageDocument } from '../../graphql/documents/ObjectivePage';
import { FollowButton } from '../../components/notifications/FollowButton';
import { useScrollToHash } from '../../app/useScrollToHash';
import { canCheckIn } from './access';
import { Comments } from './Comments';
import { KeyResultSection } from './KeyResultSection';
import { ObjectiveHistory } from './ObjectiveHistory';

type Objective = NonNullable<ObjectivePageQuery['objective']>;

/** ?asOf=YYYY-MM-DD: the page as it stood at the end of that day (UTC). */
export function asOfInstant(day: string | null): string | undefined {
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59Z` : undefined;
}

/** Key results with charts, the work and the discussion of one objective, now or as it stood on a past day. */
export default function ObjectivePage() {
  const { objectiveId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const asOfDay = params.get('asOf');
  const asOf = asOfInstant(asOfDay);
  const query = useQuery({
    queryKey: ['okr', 'objective', objectiveId, asOf ?? 'now'],
    queryFn: ({ signal }) => graphql(ObjectivePageDocument, { id: objectiveId, asOf: asOf ?? null }, signal),
    enabled: !!objectiveId,
    placeholderData: (previous) => previous,
  });

  const setAsOf = (day: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (day) next.set('asOf', day);
        else next.delete('asOf');
        return next;
      },
      { replace: true },
    );

  if (query.isLoading) return <Loading label="Loading the objective…" />;
  if (query.error && !query.data) {
    const notFound = (query.error as { code?: string }).code === 'NOT_FOUND';
    return notFound ? (
      <NotFound />
    ) : (
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} title="The objective could not be loaded" />
    );
  }
  const objective = query.data?.objective;
  if (!objective) return <NotFound />;

  const tabParam = params.get('tab') as ObjectiveTab | null;
  // A link to the comments (#comments, as notifications give) opens the tab that holds them.
  const tab: ObjectiveTab = tabParam && tabs.includes(tabParam) ? tabParam : location.hash === '#comments' ? 'activity' : 'overview';
  const setTab = (value: ObjectiveTab) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === 'overview') next.delete('tab');
        else next.set('tab', value);
        return next;
      },
      { replace: true },
    );

  return (
    <ObjectiveView objective={objective} asOfDay={asOf ? asOfDay : null} onAsOf={setAsOf} refreshing={query.isFetching} tab={tab} onTab={setTab} />
  );
}

function NotFound() {
  return (
    <Card maw={640} mx="auto">
      <Empty title="This objective does not exist, or it is not visible to you">
        It may have been deleted, or it is restricted to its unit.{' '}
        <Anchor component={Link} to="/my-week">
          Back to My week
        </Anchor>
      </Empty>
    </Card>
  );
}

/**
 * Why the objective has its status, in words: its status is its worst key result's, so name those. Null when there is
 * nothing to explain (a draft, closed or cancelled, or no key results).
 */
export function statusReason(
  o: Pick<Objective, 'state' | 'status'> & {
    keyResults: readonly Pick<Objective['keyResults'][number], 'title' | 'status'>[];
  },
): string | null {
  if (o.state !== 'ACTIVE' || !o.status || o.keyResults.length === 0) return null;
  if (o.status === 'ON_TRACK') return 'On track: every key result is on track or better.';
  const words = statusLabel[o.status].toLowerCase();
  const named = o.keyResults.map((k, i) => ({ ...k, name: `KR${i + 1} “${k.title}”` })).filter((k) => k.status === o.status);
  if (named.length === 0) return null;
  const list =
    named.length === 1
      ? named[0]!.name
      : `${named
          .slice(0, -1)
          .map((k) => k.name)
          .join(', ')} and ${named[named.length - 1]!.name}`;
  return `${statusLabel[o.status]} because ${list} ${named.length === 1 ? 'is' : 'are'} ${words}.`;
}

export type ObjectiveTab = 'overview' | 'check-ins' | 'activity';
const tabs: readonly ObjectiveTab[] = ['overview', 'check-ins', 'activity'];

const stateWords: Record<Objective['state'], string> = {
  DRAFT: 'Draft',
  ACTIVE: 'Active',
  CLOSED: 'Closed',
  CANCELLED: 'Cancelled',
};
const stateColor: Record<Objective['state'], string> = {
  DRAFT: 'gray',
  ACTIVE: 'blue',
  CLOSED: 'dark',
  CANCELLED: 'gray',
};
const raciOrder: RaciRole[] = ['RESPONSIBLE', 'ACCOUNTABLE', 'CONSULTED', 'INFORMED'];
const raciWords: Record<RaciRole, string> = {
  RESPONSIBLE: 'Responsible',
  ACCOUNTABLE: 'Accountable',
  CONSULTED: 'Consulted',
  INFORMED: 'Informed',
};

function ObjectiveView({
  objective: o,
  asOfDay,
  onAsOf,
  refreshing,
  tab,
  onTab,
}: {
  objective: Objective;
  asOfDay: string | null;
  onAsOf: (day: string | null) => void;
  refreshing: boolean;
  tab: ObjectiveTab;
  onTab: (tab: ObjectiveTab) => void;
}) {
  const member = useMember();
  useScrollToHash();
  const now = o.asOf ? new Date(o.asOf) : new Date();
  const periodLink = `?period=${o.period.id}`;
  const checkInsOpen = o.state === 'ACTIVE' && !asOfDay;
  const reason = statusReason(o);
  const checkInCount = o.keyResults.reduce((n, k) => n + k.checkIns.length, 0);
  const keyResultSections = (view: 'overview' | 'check-ins') =>
    o.keyResults.map((kr, index) => (
      <KeyResultSection
        key={kr.id}
        keyResult={kr}
        index={index}
        period={o.period}
        now={now}
        checkIn={view === 'check-ins' && checkInsOpen && canCheckIn(member, kr, o.owningUnit)}
        tracking={o.state === 'ACTIVE'}
        view={view}
      />
    ));

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Breadcrumbs separator="›" fz="sm">
        <Anchor component={Link} to={`/units${periodLink}`} size="sm">
          Units
        </Anchor>
        <Anchor component={Link} to={`/units/${o.owningUnit.id}${periodLink}`} size="sm">
          {o.owningUnit.name}
        </Anchor>
        <Text size="sm" c="dimmed">
          {o.period.name}
        </Text>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 420px', minWidth: 0 }}>
          <Title order={1} size="h2" lh={1.25}>
            {o.title}
          </Title>
          <Group gap={6}>
            <StatusBadge status={o.status} size="md" />
            <Badge variant="outline" color={stateColor[o.state]} radius="sm">
              {stateWords[o.state]}
            </Badge>
            <Badge variant="light" color={o.type === 'COMMITTED' ? 'indigo' : 'grape'} radius="sm">
              {o.type === 'COMMITTED' ? 'Committed' : 'Aspirational'}
            </Badge>
            {o.visibility === 'RESTRICTED' && (
              <Badge variant="light" color="gray" radius="sm">
                Restricted to its unit
              </Badge>
            )}
          </Group>
          {reason && (
            <Text size="sm" c="dimmed" data-testid="status-reason">
              {reason}
            </Text>
          )}
        </Stack>
        <Stack gap="xs" align="flex-end">
          {!asOfDay && <FollowButton objectiveId={o.id} isFollowedByMe={o.isFollowedByMe} followerCount={o.followerCount} />}
          <AsOfControl day={asOfDay} onChange={onAsOf} period={o.period} loading={refreshing} />
        </Stack>
      </Group>

      {o.state === 'DRAFT' && !asOfDay && (
        <Alert color="gray" variant="light" title="A draft">
          <Text size="sm">
            Its key results are not tracked yet. Edit and activate it on{' '}
            <Anchor component={Link} to={`/units/${o.owningUnit.id}${periodLink}`}>
              {o.owningUnit.name}’s page
            </Anchor>
            ; check-ins open once it is active.
          </Text>
        </Alert>
      )}

      {asOfDay && (
        <Alert color="yellow" variant="light" title={`As it stood at the end of ${formatDate(asOfDay)}`}>
          <Group justify="space-between" gap="sm">
            <Text size="sm">Values, statuses and check-ins are those known then. Check-ins are off while you look back.</Text>
            <Button size="xs" variant="light" color="yellow" onClick={() => onAsOf(null)}>
              Back to today
            </Button>
          </Group>
        </Alert>
      )}

      <Tabs value={tab} onChange={(v) => v && onTab(v as ObjectiveTab)} keepMounted={false}>
        <Tabs.List aria-label="Objective">
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab value="check-ins">Check-ins ({checkInCount})</Tabs.Tab>
          <Tabs.Tab value="activity">Comments and history ({o.comments.length})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Stack gap="md">
            <Card>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md" verticalSpacing="sm">
                <Fact label="Unit">
                  <Anchor component={Link} to={`/units/${o.owningUnit.id}${periodLink}`}>
                    {o.owningUnit.name}
                  </Anchor>
                </Fact>
                <Fact label="Owner">
                  {o.owner?.displayName ?? (
                    <Text span c="dimmed">
                      No owner
                    </Text>
                  )}
                </Fact>
                <Fact label="Period">
                  {o.period.name}{' '}
                  <Text span c="dimmed" size="xs">
                    {formatDate(o.period.start)} – {formatDate(o.period.end)}
                  </Text>
                </Fact>
                <Fact label="Focus area">
                  {o.focusArea?.title ?? (
                    <Text span c="dimmed">
                      None
                    </Text>
                  )}
                </Fact>
              </SimpleGrid>
              <Box mt="md">
                <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
                  Progress{' '}
                  {o.state === 'DRAFT' ? '(a draft: not tracked yet)' : `against the plan (${percent(o.expectedProgress)} of the period gone)`}
                </Text>
                <ProgressMeter progress={o.progress} expected={o.state === 'ACTIVE' ? o.expectedProgress : null} status={o.status} />
              </Box>
              {o.rolledOverFrom && (
                <Text size="sm" mt="sm">
                  Continues{' '}
                  <Anchor component={Link} to={`/objectives/${o.rolledOverFrom.id}`}>
                    {o.rolledOverFrom.title}
                  </Anchor>{' '}
                  from {o.rolledOverFrom.period.name}.
                </Text>
              )}
            </Card>

            {o.state === 'CLOSED' && <GradeAndRetrospective objective={o} />}

            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <About objective={o} />
              <Stack gap="md">
                <Raci objective={o} />
                <Alignment objective={o} />
              </Stack>
            </SimpleGrid>

            <Title order={2} size="h3" mt="sm">
              Key results ({o.keyResults.length})
            </Title>
            {o.keyResults.length === 0 ? (
              <Card>
                <Empty title="No key results yet">
                  An objective needs at least one measurable key result before it can be activated; add them on{' '}
                  <Anchor component={Link} to={`/units/${o.owningUnit.id}${periodLink}`}>
                    the unit’s page
                  </Anchor>
                  .
                </Empty>
              </Card>
            ) : (
              keyResultSections('overview')
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="check-ins" pt="md">
          <Stack gap="md">
            {o.keyResults.length === 0 ? (
              <Card>
                <Empty title="No key results, so no check-ins">Check-ins are made on key results, once the objective is active.</Empty>
              </Card>
            ) : (
              keyResultSections('check-ins')
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="activity" pt="md">
          <Stack gap="md">
            <Comments objectiveId={o.id} comments={o.comments} />
            <ObjectiveHistory objectiveId={o.id} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function AsOfControl({
  day,
  onChange,
  period,
  loading,
}: {
  day: string | null;
  onChange: (day: string | null) => void;
  period: Objective['period'];
  loading: boolean;
}) {
  const today = todayIso();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        type="date"
        label="As of"
        description={loading ? 'Loading…' : 'See the page as it stood then'}
        value={day ?? ''}
        min={period.start}
        max={today}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onChange(value && value < today ? value : null);
        }}
        w={180}
      />
      {day && (
        <Button variant="default" size="sm" onClick={() => onChange(null)}>
          Today
        </Button>
      )}
    </Group>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={2}>
        {title}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} component="div">
        {children}
      </Text>
    </div>
  );
}

function About({ objective: o }: { objective: Objective }) {
  const parts: [string, string | null][] = [
    ['Why', o.description],
    ['What success looks like', o.successCriteria],
    ['Target audience', o.targetAudience],
    ['Risks', o.risks],
    ['Dependencies', o.dependencies],
  ];
  const written = parts.filter(([, text]) => text && text.trim());
  const missing = parts.filter(([, text]) => !text || !text.trim()).map(([title]) => title.toLowerCase());
  return (
    <Card component="section" aria-labelledby="about-title">
      <Title order={2} size="h4" id="about-title" mb="sm">
        About
      </Title>
      {written.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing written yet: no description, success criteria, audience, risks or dependencies.
        </Text>
      ) : (
        <Stack gap="sm">
          {written.map(([title, text]) => (
            <Section key={title} title={title}>
              {text}
            </Section>
          ))}
          {missing.length > 0 && (
            <Text size="xs" c="dimmed">
              Not written yet: {missing.join(', ')}.
            </Text>
          )}
        </Stack>
      )}
      {o.focusArea?.description && (
        <Text size="xs" c="dimmed" mt="sm">
          Focus area “{o.focusArea.title}”: {o.focusArea.description}
        </Text>
      )}
    </Card>
  );
}

function Raci({ objective: o }: { objective: Objective }) {
  return (
    <Card component="section" aria-labelledby="raci-title">
      <Title order={2} size="h4" id="raci-title" mb="sm">
        RACI
      </Title>
      {o.raci.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody is named responsible, accountable, consulted or informed yet.
        </Text>
      ) : (
        <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
          {raciOrder.map((role) => {
            const people = o.raci.filter((r) => r.role === role).map((r) => r.person.displayName);
            return (
              <Fact key={role} label={raciWords[role]}>
                {people.length ? (
                  people.join(', ')
                ) : (
                  <Text span c="dimmed">
                    –
                  </Text>
                )}
              </Fact>
            );
          })}
        </SimpleGrid>
      )}
    </Card>
  );
}

function Alignment({ objective: o }: { objective: Objective }) {
  const kind = (a: { kind: string; weight: number; counted: boolean }) =>
    a.kind === 'CONTRIBUTES' ? `contributes, weight ${a.weight}` : 'supports (shown, not counted)';
  return (
    <Card component="section" aria-labelledby="alignment-title">
      <Title order={2} size="h4" id="alignment-title" mb="sm">
        Alignment
      </Title>
      <Stack gap="sm">
        <div>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={2}>
            Aligns up to
          </Text>
          {o.parents.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing: this objective aligns to no other.
            </Text>
          ) : (
            <Stack gap={6}>
              {o.parents.map((a) => (
                <AlignmentLine
                  key={a.id}
                  id={a.parent.id}
                  title={a.parent.title}
                  unit={a.parent.owningUnit.name}
                  status={a.parent.status}
                  detail={`${kind(a)}${a.parentKeyResult ? ` · to its key result “${a.parentKeyResult.title}”` : ''}`}
                />
              ))}
            </Stack>
          )}
        </div>
        <div>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={2}>
            Aligned to it
          </Text>
          {o.children.length === 0 && o.hiddenChildCount === 0 ? (
            <Text size="sm" c="dimmed">
              No objective aligns to this one yet.
            </Text>
          ) : (
            <Stack gap={6}>
              {o.children.map((a) => (
                <AlignmentLine
                  key={a.id}
                  id={a.child.id}
                  title={a.child.title}
                  unit={a.child.owningUnit.name}
                  status={a.child.status}
                  detail={`${kind(a)}${a.parentKeyResult ? ` · to “${a.parentKeyResult.title}”` : ''}`}
                />
              ))}
              {o.hiddenChildCount > 0 && (
                <Text size="sm" c="dimmed">
                  And {o.hiddenChildCount} restricted objective
                  {o.hiddenChildCount === 1 ? '' : 's'} you cannot see (still counted).
                </Text>
              )}
            </Stack>
          )}
        </div>
      </Stack>
    </Card>
  );
}

function AlignmentLine({
  id,
  title,
  unit,
  status,
  detail,
}: {
  id: string;
  title: string;
  unit: string;
  status: Objective['status'];
  detail: string;
}) {
  return (
    <div>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Box style={{ flexShrink: 0 }}>
          <StatusBadge status={status} size="xs" />
        </Box>
        <Anchor component={Link} to={`/objectives/${id}`} size="sm" lh={1.3}>
          {title}
        </Anchor>
      </Group>
      <Text size="xs" c="dimmed">
        {unit} · {detail}
      </Text>
    </div>
  );
}

function GradeAndRetrospective({ objective: o }: { objective: Objective }) {
  const r = o.retrospective;
  return (
    <Card component="section" aria-labelledby="grade-title">
      <Group justify="space-between" align="flex-start">
        <Title order={2} size="h4" id="grade-title">
          Grade and retrospective
        </Title>
        <Text size="xl" fw={700}>
          {o.grade !== null ? o.grade.toFixed(2) : '–'}
        </Text>
      </Group>
      {o.gradeOverride !== null && (
        <Text size="sm" c="dimmed">
          Overridden from the computed {o.computedGrade?.toFixed(2) ?? '–'}: {o.gradeOverrideReason}
        </Text>
      )}
      {o.closedAt && (
        <Text size="sm" c="dimmed">
          Closed {formatDate(o.closedAt)}.
        </Text>
      )}
      {r ? (
        <SimpleGrid cols={{ base: 1, md: 3 }} mt="sm">
          <Section title="What went well">{r.wentWell ?? '–'}</Section>
          <Section title="What we learned">{r.learned ?? '–'}</Section>
          <Section title="What to improve">{r.improve ?? '–'}</Section>
        </SimpleGrid>
      ) : (
        <Text size="sm" c="dimmed" mt="sm">
          No retrospective was written.
        </Text>
      )}
    </Card>
  );
}
