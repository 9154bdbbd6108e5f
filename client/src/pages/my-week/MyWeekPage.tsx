import { useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Card, Group, Kbd, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { graphql } from '../../api/graphql';
import { NoPeriods, PeriodPicker, useSelectedPeriod } from '../../app/periods';
import { useMember } from '../../auth/session';
import { Empty, ErrorAlert, Loading } from '../../components/States';
import { ProgressMeter, StatusBadge } from '../../components/Status';
import { formatValue, percent, relativeDays } from '../../components/format';
import { CheckInRow } from '../../components/week/CheckInRow';
import { fieldId, useCheckInBatch, type BatchOutcome } from '../../components/week/useCheckInBatch';
import { MyWeekDocument } from '../../graphql/documents/MyWeek';
import { dueLabel, myKeyResults, weekDone, type MyWeekItem } from './myWeek';

/** Your key results and this week's check-in, all in one pass. */
export default function MyWeekPage() {
  const member = useMember();
  const { period, isLoading: periodsLoading, error: periodsError } = useSelectedPeriod();
  const query = useQuery({
    queryKey: ['okr', 'my-week', period?.id],
    queryFn: ({ signal }) => graphql(MyWeekDocument, { periodId: period!.id }, signal),
    enabled: !!period,
  });

  const cadenceDays = query.data?.organization?.settings.checkInCadenceDays ?? 7;
  const items = useMemo(
    () => (query.data?.myKeyResults ? myKeyResults(query.data.myKeyResults, member, cadenceDays) : []),
    [query.data, member, cadenceDays],
  );

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={1} size="h2">
            My week
          </Title>
          <Text c="dimmed" size="sm">
            The key results you and your units own, and this week’s check-in.
          </Text>
        </div>
        <PeriodPicker />
      </Group>

      {periodsError ? (
        <ErrorAlert error={periodsError} />
      ) : periodsLoading || (query.isLoading && !!period) ? (
        <Loading label="Loading your key results…" />
      ) : !period ? (
        <NoPeriods />
      ) : query.error ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} title="Your key results could not be loaded" />
      ) : items.length === 0 ? (
        <NothingMine unit={homeUnit(member.memberships)} periodName={period.name} />
      ) : (
        <CheckInPass key={period.id} items={items} cadenceDays={cadenceDays} expected={query.data?.myKeyResults?.expectedProgress ?? null} />
      )}
    </Stack>
  );
}

/** The unit to point at: one the person leads, else the last they joined (the company comes first, teams after). */
function homeUnit(memberships: { unitId: string; unitName: string; isLead: boolean }[]) {
  return memberships.find((m) => m.isLead) ?? memberships[memberships.length - 1];
}

function NothingMine({ unit, periodName }: { unit: { unitId: string; unitName: string } | undefined; periodName: string }) {
  return (
    <Card>
      {unit ? (
        <Empty title="No key results are yours this period">
          Nobody has given you or your units a key result in {periodName}. Look at{' '}
          <Anchor component={Link} to={`/units/${unit.unitId}`}>
            {unit.unitName}’s page
          </Anchor>{' '}
          or the{' '}
          <Anchor component={Link} to="/dashboard">
            company dashboard
          </Anchor>
          , or pick another period above.
        </Empty>
      ) : (
        <Empty title="You are not in a unit yet">
          Key results belong to units (the company, departments, teams), and you are in none yet: an admin or your team’s lead adds you
          to your team, and its key results show up here. Meanwhile the{' '}
          <Anchor component={Link} to="/dashboard">
            company dashboard
          </Anchor>{' '}
          shows where things stand.
        </Empty>
      )}
    </Card>
  );
}

/** Keeps the rows where they first appeared: a row that was just checked in stays put instead of jumping down. */
function useStableOrder(items: MyWeekItem[]): MyWeekItem[] {
  const order = useRef<string[]>([]);
  for (const item of items) if (!order.current.includes(item.keyResult.id)) order.current.push(item.keyResult.id);
  const position = new Map(order.current.map((id, index) => [id, index]));
  return [...items].sort((a, b) => position.get(a.keyResult.id)! - position.get(b.keyResult.id)!);
}

function CheckInPass({ items: fresh, cadenceDays, expected }: { items: MyWeekItem[]; cadenceDays: number; expected: number | null }) {
  const items = useStableOrder(fresh);
  const batch = useCheckInBatch();
  const [outcome, setOutcome] = useState<BatchOutcome | null>(null);
  const open = items.filter((item) => item.open);
  const openKeyResults = open.map((item) => item.keyResult);
  const toSend = batch.included(openKeyResults).length;
  const due = items.filter((item) => item.due.due).length;
  const checkedIn = open.length - due;
  const done = weekDone(items);

  const submit = async () => {
    if (toSend === 0) return;
    setOutcome(await batch.submit(openKeyResults));
  };

  return (
    <Box
      component="form"
      aria-label="Weekly check-in"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void submit();
        }
      }}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 3 }} spacing="sm" maw={560}>
          <Figure label="Key results" value={String(items.length)} />
          <Figure label="Due for a check-in" value={String(due)} color={due > 0 ? 'orange.8' : undefined} />
          <Figure label={`Checked in within ${cadenceDays} days`} value={String(checkedIn)} />
        </SimpleGrid>
        {done && (
          <Alert color="teal" variant="light" title="Your week is done" role="status">
            Every key result of yours is checked in.{' '}
            {done.nextInDays === 1 ? 'The next check-in is due tomorrow.' : `The next check-in is due in ${done.nextInDays} days.`} You can still update
            any of them below.
          </Alert>
        )}
        {expected !== null && (
          <Text size="sm" c="dimmed">
            {percent(expected)} of the period has gone by: the tick on each bar is where the plan expects progress by now.
          </Text>
        )}

        {items.map((item, index) => {
          const next = items.slice(index + 1).find((i) => i.open);
          return (
            <KeyResultCard
              key={item.keyResult.id}
              item={item}
              batch={batch}
              nextFocusId={next ? fieldId(next.keyResult.id, 'value') : undefined}
            />
          );
        })}

        <Paper
          withBorder
          shadow="sm"
          p="sm"
          radius="md"
          pos="sticky"
          bottom={8}
          style={{ zIndex: 5 }}
          bg="var(--mantine-color-body)"
        >
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Box aria-live="polite" style={{ flex: '1 1 260px' }}>
              {outcome && outcome.saved + outcome.failed > 0 ? (
                <Text size="sm" fw={500} c={outcome.failed ? 'red.8' : 'teal.8'} role="status">
                  {outcome.saved > 0 && `Checked in ${outcome.saved} key result${outcome.saved === 1 ? '' : 's'}; statuses are updated.`}
                  {outcome.failed > 0 &&
                    ` ${outcome.failed} ${outcome.failed === 1 ? 'needs' : 'need'} your attention: what you typed is kept, see the message next to ${outcome.failed === 1 ? 'it' : 'each'}.`}
                </Text>
              ) : (
                <Text size="sm" c="dimmed" visibleFrom="sm">
                  Change a value, confidence or narrative to include a key result; unchanged ones are left as they are.{' '}
                  <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> sends.
                </Text>
              )}
            </Box>
            <Button type="submit" loading={batch.submitting} disabled={toSend === 0} w={{ base: '100%', sm: 'auto' }}>
              {toSend === 0 ? 'No changes to check in' : `Check in ${toSend} key result${toSend === 1 ? '' : 's'}`}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </Box>
  );
}

function Figure({ label, value, color }: { label: string; value: string; color?: string | undefined }) {
  return (
    <Paper withBorder p="xs" radius="md">
      <Text size="xl" fw={700} c={color}>
        {value}
      </Text>
      <Text size="xs" c="dimmed" lh={1.2}>
        {label}
      </Text>
    </Paper>
  );
}

function KeyResultCard({ item, batch, nextFocusId }: { item: MyWeekItem; batch: ReturnType<typeof useCheckInBatch>; nextFocusId: string | undefined }) {
  const { keyResult: kr, objective } = item;
  const titleId = `kr-title-${kr.id}`;
  const value = (v: number | null) => formatValue(v, kr.metricKind, kr.unitLabel, kr.currencyCode);
  return (
    <Card padding="md" data-testid="my-key-result">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Box miw={0}>
            <Text fw={600} id={titleId} lh={1.3}>
              {kr.title}
            </Text>
            <Text size="sm" c="dimmed" lineClamp={2}>
              <Anchor component={Link} to={`/objectives/${objective.id}`} size="sm">
                {objective.title}
              </Anchor>
              {' · '}
              {item.mine === 'owner' ? 'yours' : `${kr.owningUnit.name}’s${kr.owner ? `, owned by ${kr.owner.displayName}` : ''}`}
            </Text>
          </Box>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            {item.due.due && (
              <Badge color="orange" variant="filled" size="sm" radius="sm">
                Due
              </Badge>
            )}
            <StatusBadge status={kr.status} />
          </Group>
        </Group>

        <Group gap="lg" wrap="wrap" align="center">
          <Box w={{ base: '100%', xs: 260 }}>
            <ProgressMeter progress={kr.progress} expected={kr.expectedProgress} status={kr.status} />
          </Box>
          <Text size="sm">
            <Text span fw={600}>
              {kr.currentValue === null ? 'No value yet' : value(kr.currentValue)}
            </Text>{' '}
            {kr.metricKind !== 'MILESTONE' && (
              <Text span c="dimmed">
                {kr.direction === 'STAY_AT_LEAST'
                  ? `· must stay at ${value(kr.target)} or more`
                  : kr.direction === 'STAY_AT_MOST'
                    ? `· must stay at ${value(kr.target)} or less`
                    : `of ${value(kr.target)} (from ${value(kr.baseline)})`}
              </Text>
            )}
          </Text>
          <Text size="sm" c={item.due.due ? 'orange.8' : 'dimmed'}>
            Last check-in {relativeDays(kr.lastCheckInAt)} · {dueLabel(item)}
          </Text>
          {kr.grade !== null && (
            <Text size="sm" fw={600}>
              Grade {kr.grade.toFixed(2)}
            </Text>
          )}
        </Group>
        {kr.latestCheckIn?.narrative && (
          <Text size="sm" c="dimmed" fs="italic" lineClamp={2}>
            Last time: “{kr.latestCheckIn.narrative}”
          </Text>
        )}

        {item.open && (
          <CheckInRow
            keyResult={kr}
            draft={batch.draftOf(kr)}
            onChange={(patch) => batch.change(kr, patch)}
            result={batch.results[kr.id]}
            nextFocusId={nextFocusId}
            labelledBy={titleId}
            skippable
          />
        )}
      </Stack>
    </Card>
  );
}
