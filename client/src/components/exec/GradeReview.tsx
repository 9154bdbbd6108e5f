import { useState } from 'react';
import { Anchor, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import { api } from '../../api/rest';
import { ifMatch } from '../../api/http';
import type { ExecPeriodObjectivesQuery } from '../../graphql/generated';
import { ErrorAlert } from '../States';
import { StatusBadge } from '../Status';
import { applyServerErrors } from '../formErrors';
import { formatDate } from '../format';

export type PeriodObjective = NonNullable<ExecPeriodObjectivesQuery['okrTree']>['units'][number]['objectives'][number];

export interface Thresholds {
  committedSuccessThreshold: number;
  aspirationalSuccessThreshold: number;
}

/** A grade as OKR practice writes it: 0.0 to 1.0 with two decimals. */
export function formatGrade(grade: number | null | undefined): string {
  return grade == null ? '–' : grade.toFixed(2);
}

function OverrideForm({ objective, onDone, onCancel }: { objective: PeriodObjective; onDone: () => Promise<unknown>; onCancel: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ grade: number | string; reason: string }>({
    initialValues: { grade: objective.grade ?? '', reason: objective.gradeOverrideReason ?? '' },
    validate: {
      grade: (v) => (v === '' || Number(v) < 0 || Number(v) > 1 ? 'A grade from 0.0 to 1.0.' : null),
      reason: (v) => (v.trim() ? null : 'Say why the computed grade does not tell the truth.'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await api.objectives.overrideObjectiveGrade(objective.id, { grade: Number(values.grade), reason: values.reason.trim() }, ifMatch(objective.version));
      await onDone();
    } catch (e) {
      setError(applyServerErrors(e, form.setFieldError, ['grade', 'reason']));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={`Override the grade of ${objective.title}`}>
      <Stack gap="xs">
        {error && <ErrorAlert error={new Error(error)} />}
        <Group align="flex-start" gap="xs">
          <NumberInput label="New grade" description="0.0 to 1.0" min={0} max={1} step={0.05} decimalScale={2} w={130} {...form.getInputProps('grade')} />
          <Textarea
            label="Reason"
            description="Why the computed grade does not tell the truth"
            autosize
            minRows={2}
            style={{ flex: 1, minWidth: 200 }}
            {...form.getInputProps('reason')}
          />
        </Group>
        <Group gap="xs">
          <Button type="submit" size="xs" loading={form.submitting}>
            Save the grade
          </Button>
          <Button size="xs" variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RetrospectiveForm({ objective, onDone, onCancel }: { objective: PeriodObjective; onDone: () => Promise<unknown>; onCancel?: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const retro = objective.retrospective;
  const form = useForm({
    initialValues: { wentWell: retro?.wentWell ?? '', learned: retro?.learned ?? '', improve: retro?.improve ?? '' },
    validate: {
      wentWell: (_, values) => (values.wentWell.trim() || values.learned.trim() || values.improve.trim() ? null : 'Write at least one of the three.'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const text = (v: string) => (v.trim() ? v.trim() : undefined);
      await api.objectives.writeRetrospective(
        objective.id,
        { wentWell: text(values.wentWell), learned: text(values.learned), improve: text(values.improve) },
        ifMatch(objective.version),
      );
      await onDone();
    } catch (e) {
      setError(applyServerErrors(e, form.setFieldError, ['wentWell', 'learned', 'improve']));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label={`Retrospective of ${objective.title}`}>
      <Stack gap="xs">
        {error && <ErrorAlert error={new Error(error)} />}
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs">
          <Textarea label="What went well" autosize minRows={2} {...form.getInputProps('wentWell')} />
          <Textarea label="What we learned" autosize minRows={2} {...form.getInputProps('learned')} />
          <Textarea label="What to improve" autosize minRows={2} {...form.getInputProps('improve')} />
        </SimpleGrid>
        <Group gap="xs">
          <Button type="submit" size="xs" loading={form.submitting}>
            Save the retrospective
          </Button>
          {onCancel && (
            <Button size="xs" variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** One closed objective: its grade (computed or overridden, with the reason), its key results' grades, and its retrospective. */
export function GradeCard({
  objective,
  thresholds,
  canOverride,
  canWriteRetrospective,
  onChanged,
}: {
  objective: PeriodObjective;
  thresholds: Thresholds | null;
  canOverride: boolean;
  canWriteRetrospective: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const [overriding, setOverriding] = useState(false);
  const [editingRetro, setEditingRetro] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const threshold = thresholds
    ? objective.type === 'ASPIRATIONAL'
      ? thresholds.aspirationalSuccessThreshold
      : thresholds.committedSuccessThreshold
    : null;
  const overridden = objective.gradeOverride != null;
  const retro = objective.retrospective;

  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={objective.title} data-testid="grade-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/objectives/${objective.id}`} fw={600} c="inherit">
              {objective.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {objective.owningUnit.name}
              {objective.owner ? ` · ${objective.owner.displayName}` : ''} · {objective.type === 'ASPIRATIONAL' ? 'Aspirational' : 'Committed'}
              {threshold != null ? `, success at ${formatGrade(threshold)}` : ''}
            </Text>
          </Stack>
          <StatusBadge status={objective.status} />
        </Group>

        <Group gap="lg" align="flex-start">
          <Stack gap={0}>
            <Text fz={32} fw={800} lh={1} data-testid="grade">
              {formatGrade(objective.grade)}
            </Text>
            <Text size="xs" c="dimmed">
              {overridden ? 'grade (overridden)' : 'grade'}
            </Text>
          </Stack>
          <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
            {overridden && (
              <Text size="sm">
                Computed <b>{formatGrade(objective.computedGrade)}</b>, set to <b>{formatGrade(objective.gradeOverride)}</b> because: “{objective.gradeOverrideReason}”
              </Text>
            )}
            {objective.keyResults.map((kr) => (
              <Group key={kr.id} gap="xs" wrap="nowrap">
                <Text size="xs" style={{ flex: 1 }} lineClamp={1}>
                  {kr.title}
                </Text>
                <Text size="xs" fw={600}>
                  {formatGrade(kr.grade)}
                </Text>
              </Group>
            ))}
          </Stack>
        </Group>

        {error != null && <ErrorAlert error={error} />}
        {canOverride && !overriding && (
          <Group gap="xs">
            <Button size="xs" variant="light" onClick={() => setOverriding(true)}>
              {overridden ? 'Change the override' : 'Override the grade'}
            </Button>
            {overridden && (
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                onClick={async () => {
                  setError(null);
                  try {
                    await api.objectives.overrideObjectiveGrade(objective.id, { grade: undefined, reason: undefined }, ifMatch(objective.version));
                    await onChanged();
                  } catch (e) {
                    setError(e);
                  }
                }}
              >
                Back to the computed grade
              </Button>
            )}
          </Group>
        )}
        {overriding && (
          <OverrideForm
            objective={objective}
            onCancel={() => setOverriding(false)}
            onDone={async () => {
              await onChanged();
              setOverriding(false);
            }}
          />
        )}

        <Stack gap={4}>
          <Title order={3} size="h6">
            Retrospective
          </Title>
          {retro && !editingRetro ? (
            <Stack gap={4}>
              <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs">
                {(
                  [
                    ['What went well', retro.wentWell],
                    ['What we learned', retro.learned],
                    ['What to improve', retro.improve],
                  ] as const
                ).map(([label, text]) => (
                  <Stack key={label} gap={0}>
                    <Text size="xs" fw={600}>
                      {label}
                    </Text>
                    <Text size="sm" c={text ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                      {text ?? '–'}
                    </Text>
                  </Stack>
                ))}
              </SimpleGrid>
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  Written {retro.writtenBy ? `by ${retro.writtenBy.displayName} ` : ''}on {formatDate(retro.writtenAt)}
                </Text>
                {canWriteRetrospective && (
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditingRetro(true)}>
                    Edit
                  </Button>
                )}
              </Group>
            </Stack>
          ) : canWriteRetrospective ? (
            <RetrospectiveForm
              objective={objective}
              onCancel={retro ? () => setEditingRetro(false) : undefined}
              onDone={async () => {
                await onChanged();
                setEditingRetro(false);
              }}
            />
          ) : (
            <Text size="sm" c="dimmed">
              No retrospective yet.
            </Text>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** Every closed objective of the period with its grade and retrospective; cancelled drafts listed apart. */
export function GradeReview({
  objectives,
  thresholds,
  canOverride,
  canWriteRetrospective,
  onChanged,
}: {
  objectives: readonly PeriodObjective[];
  thresholds: Thresholds | null;
  canOverride: (objective: PeriodObjective) => boolean;
  canWriteRetrospective: (objective: PeriodObjective) => boolean;
  onChanged: () => Promise<unknown>;
}) {
  const closed = objectives.filter((o) => o.state === 'CLOSED');
  const cancelled = objectives.filter((o) => o.state === 'CANCELLED');
  return (
    <Stack gap="sm">
      {closed.length === 0 && (
        <Text size="sm" c="dimmed">
          No graded objectives in this period.
        </Text>
      )}
      {closed.map((o) => (
        <GradeCard
          key={o.id}
          objective={o}
          thresholds={thresholds}
          canOverride={canOverride(o)}
          canWriteRetrospective={canWriteRetrospective(o)}
          onChanged={onChanged}
        />
      ))}
      {cancelled.length > 0 && (
        <Text size="sm" c="dimmed">
          Cancelled, never activated:{' '}
          {cancelled.map((o, i) => (
            <span key={o.id}>
              {i > 0 && ', '}
              <Badge variant="outline" color="gray" size="sm" tt="none">
                {o.title}
              </Badge>
            </span>
          ))}
        </Text>
      )}
    </Stack>
  );
}
