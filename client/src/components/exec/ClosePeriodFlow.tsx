import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Paper, Select, Stack, Stepper, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import { api } from '../../api/rest';
import { ifMatch } from '../../api/http';
import { rereadWhenStale } from '../gaps/stale';
import type { ClosePeriod, PeriodClosed } from '../../api/okr-client';
import type { PeriodKind, PeriodState } from '../../graphql/generated';
import { ErrorAlert } from '../States';
import { StatusBadge } from '../Status';
import { percent } from '../format';
import { GradeReview, formatGrade, type PeriodObjective, type Thresholds } from './GradeReview';

export interface ClosingPeriod {
  id: string;
  /** The period's ETag: closing sends it in If-Match. */
  version: number;
  name: string;
  start: string;
  state: PeriodState;
}

export interface CandidatePeriod {
  id: string;
  name: string;
  kind: PeriodKind;
  state: PeriodState;
  start: string;
}

/** What closing posts: the objectives to roll over and, when there are any, the later period they go into. */
export function buildCloseRequest(selected: readonly string[], targetPeriodId: string | null): ClosePeriod {
  return {
    rollOver: selected.map((objectiveId) => ({ objectiveId })),
    targetPeriodId: selected.length > 0 && targetPeriodId ? targetPeriodId : undefined,
  };
}

/** The periods objectives can roll over into: later ones (by start) that are not closed, quarters first. */
export function rollOverTargets(period: { id: string; start: string }, periods: readonly CandidatePeriod[]): CandidatePeriod[] {
  return periods
    .filter((p) => p.id !== period.id && p.state !== 'CLOSED' && p.start > period.start)
    .sort((a, b) => Number(a.kind === 'YEAR') - Number(b.kind === 'YEAR') || a.start.localeCompare(b.start));
}

/**
 * Closing a period, guided: (1) choose what rolls over and into which later period, (2) close — every active
 * objective is graded from its key results, drafts are cancelled, the chosen ones are copied as drafts —, (3) review
 * the grades (override one with a reason) and write the retrospectives. Grades can only be overridden once closed,
 * hence this order.
 */
export function ClosePeriodFlow({
  period,
  periods,
  objectives,
  thresholds,
  canOverride,
  canWriteRetrospective,
  onChanged,
  onFinish,
}: {
  period: ClosingPeriod;
  periods: readonly CandidatePeriod[];
  objectives: readonly PeriodObjective[];
  thresholds: Thresholds | null;
  canOverride: (objective: PeriodObjective) => boolean;
  canWriteRetrospective: (objective: PeriodObjective) => boolean;
  onChanged: () => Promise<unknown>;
  onFinish: () => void;
}) {
  const phone = useMediaQuery('(max-width: 48em)');
  const [step, setStep] = useState(period.state === 'CLOSED' ? 2 : 0);
  const [selected, setSelected] = useState<string[]>([]);
  const targets = rollOverTargets(period, periods);
  const [targetId, setTargetId] = useState<string | null>(targets[0]?.id ?? null);
  const [closing, setClosing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<PeriodClosed | null>(null);

  const open = objectives.filter((o) => o.state === 'ACTIVE' || o.state === 'DRAFT');
  const active = open.filter((o) => o.state === 'ACTIVE');
  const drafts = open.filter((o) => o.state === 'DRAFT');
  const unfinished = (o: PeriodObjective) => o.keyResults.filter((k) => k.progress < 1).length;
  const target = targets.find((t) => t.id === targetId);
  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const titleOf = new Map(objectives.map((o) => [o.id, o.title]));

  const close = async () => {
    setClosing(true);
    setError(null);
    try {
      const closed = await rereadWhenStale(() => api.periods.closePeriod(period.id, buildCloseRequest(selected, targetId), ifMatch(period.version)), onChanged);
      setResult(closed);
      await onChanged();
      setStep(2);
    } catch (e) {
      setError(e);
    } finally {
      setClosing(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={`Close ${period.name}`}>
      <Stepper active={step} onStepClick={(s) => period.state !== 'CLOSED' && s < step && setStep(s)} size="sm" orientation={phone ? 'vertical' : 'horizontal'}>
        <Stepper.Step label="What rolls over" description="Unfinished objectives to carry on">
          <Stack gap="sm" mt="md">
            <Text size="sm">
              Tick the objectives to carry into a later period. Each becomes a draft there with its <b>unfinished key results</b>, their last value
              as the new baseline. The others simply end with this period.
            </Text>
            {open.length === 0 ? (
              <Text size="sm" c="dimmed">
                No open objectives: closing only marks the period closed.
              </Text>
            ) : (
              <>
                <Group gap="xs">
                  <Button size="xs" variant="light" onClick={() => setSelected(open.filter((o) => unfinished(o) > 0).map((o) => o.id))}>
                    Select all unfinished
                  </Button>
                  <Button size="xs" variant="subtle" color="gray" onClick={() => setSelected([])}>
                    Select none
                  </Button>
                </Group>
                <Table.ScrollContainer minWidth={560}>
                  <Table verticalSpacing="xs" highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={90}>Roll over</Table.Th>
                        <Table.Th>Objective</Table.Th>
                        <Table.Th>Now</Table.Th>
                        <Table.Th ta="right">Progress</Table.Th>
                        <Table.Th ta="right">Unfinished key results</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {open.map((o) => (
                        <Table.Tr key={o.id}>
                          <Table.Td>
                            <Checkbox
                              aria-label={`Roll over ${o.title}`}
                              checked={selected.includes(o.id)}
                              onChange={(e) => toggle(o.id, e.currentTarget.checked)}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {o.title}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {o.owningUnit.name}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            {o.state === 'DRAFT' ? (
                              <Badge size="sm" variant="outline" color="gray">
                                Draft: will be cancelled
                              </Badge>
                            ) : (
                              <StatusBadge status={o.status} />
                            )}
                          </Table.Td>
                          <Table.Td ta="right">
                            <Text size="sm">{percent(o.progress)}</Text>
                          </Table.Td>
                          <Table.Td ta="right">
                            <Text size="sm">
                              {unfinished(o)} of {o.keyResults.length}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Select
                  label="Roll over into"
                  description={targets.length ? 'A later period that is not closed' : 'There is no later open period: create one first.'}
                  data={targets.map((t) => ({ value: t.id, label: `${t.name}${t.state === 'PLANNING' ? ' (planning)' : ''}` }))}
                  value={targetId}
                  onChange={setTargetId}
                  disabled={selected.length === 0}
                  error={selected.length > 0 && !targetId ? 'Choose the period they roll over into.' : undefined}
                  w={{ base: '100%', sm: 320 }}
                  comboboxProps={{ withinPortal: true }}
                />
              </>
            )}
            <Group>
              <Button onClick={() => setStep(1)} disabled={selected.length > 0 && !targetId}>
                Next: review and close
              </Button>
              <Button variant="default" onClick={onFinish}>
                Not now
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label="Close" description="Grade everything and close">
          <Stack gap="sm" mt="md">
            <Text size="sm" fw={600}>
              Closing {period.name} will:
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>
                grade and close <b>{active.length}</b> active objective{active.length === 1 ? '' : 's'}: each key result is graded from its measured
                progress, each objective as the weighted mean;
              </List.Item>
              <List.Item>
                cancel <b>{drafts.length}</b> draft{drafts.length === 1 ? '' : 's'} never activated;
              </List.Item>
              <List.Item>
                {selected.length === 0 ? (
                  <>roll nothing over;</>
                ) : (
                  <>
                    roll over <b>{selected.length}</b> objective{selected.length === 1 ? '' : 's'} into <b>{target?.name}</b>: {selected.map((id) => `“${titleOf.get(id)}”`).join(', ')};
                  </>
                )}
              </List.Item>
              <List.Item>make the period read-only (late check-ins dated inside it are still accepted within the grace window).</List.Item>
            </List>
            <Alert color="orange" variant="light" role="note">
              Closing cannot be undone. After it you can still override a grade with a reason and write retrospectives.
            </Alert>
            {error != null && <ErrorAlert error={error} title="The period was not closed" />}
            <Group>
              <Button variant="default" onClick={() => setStep(0)} disabled={closing}>
                Back
              </Button>
              <Button color="teal" loading={closing} onClick={() => void close()}>
                Close {period.name} now
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label="Grades and retrospectives" description="Override with a reason, reflect">
          <Stack gap="sm" mt="md">
            {result && (
              <Alert color="teal" variant="light" title={`${period.name} is closed`} role="status">
                <Stack gap={4}>
                  <Text size="sm">
                    {result.graded.length} objective{result.graded.length === 1 ? '' : 's'} graded
                    {result.graded.length > 0 && `: ${result.graded.map((g) => `${g.title} ${formatGrade(g.grade)}`).join('; ')}`}.
                    {result.cancelledDrafts.length > 0 && ` ${result.cancelledDrafts.length} draft${result.cancelledDrafts.length === 1 ? '' : 's'} cancelled.`}
                  </Text>
                  {result.rolledOver.length > 0 && (
                    <Text size="sm">
                      Rolled over into {target?.name ?? 'the next period'}:{' '}
                      {result.rolledOver.map((r, i) => (
                        <span key={r.newObjectiveId}>
                          {i > 0 && ', '}
                          <Anchor component={Link} to={`/objectives/${r.newObjectiveId}`} size="sm">
                            {titleOf.get(r.fromObjectiveId) ?? 'the copy'}
                          </Anchor>{' '}
                          ({r.carriedKeyResults} key result{r.carriedKeyResults === 1 ? '' : 's'} carried)
                        </span>
                      ))}
                    </Text>
                  )}
                </Stack>
              </Alert>
            )}
            <Text size="sm">
              Each grade is the measured progress at close. Where it does not tell the truth (a metric broke, the goal changed), override it and say
              why. Then write what went well, what was learned and what to improve.
            </Text>
            <GradeReview
              objectives={objectives}
              thresholds={thresholds}
              canOverride={canOverride}
              canWriteRetrospective={canWriteRetrospective}
              onChanged={onChanged}
            />
            <Group>
              <Button variant="default" onClick={onFinish}>
                Done
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
      </Stepper>
    </Paper>
  );
}
