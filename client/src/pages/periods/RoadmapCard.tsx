import { useState } from 'react';
import { ActionIcon, Badge, Button, Checkbox, Group, Paper, Stack, Text, TextInput, ThemeIcon, Timeline, Title, Tooltip } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { api } from '../../api/rest';
import { ifMatch } from '../../api/http';
import { rereadWhenStale } from '../../components/gaps/stale';
import type { ExecPeriodQuery } from '../../graphql/generated';
import { ErrorAlert } from '../../components/States';
import { applyServerErrors } from '../../components/formErrors';
import { formatDate } from '../../components/format';
import { CheckpointTimeline } from '../../components/exec/CheckpointTimeline';
import { ConfirmButton } from '../../components/exec/ConfirmButton';
import { classifyCheckpoint, checkpointStateColor, checkpointStateLabel } from '../../components/exec/checkpoints';
import { dueIn } from '../../components/exec/CheckpointSummary';
import { useRefreshOkr } from '../../components/exec/invalidate';

type Period = NonNullable<ExecPeriodQuery['period']>;
type Checkpoint = Period['checkpoints'][number];

function CheckpointForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: { name: string; date: string | null };
  submitLabel: string;
  onSubmit: (values: { name: string; date: string }) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: initial,
    validate: {
      name: (v) => (v.trim() ? null : 'Name the checkpoint.'),
      date: (v) => (v ? null : 'Pick its date.'),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await onSubmit({ name: values.name.trim(), date: values.date! });
      if (!onCancel) form.reset();
    } catch (e) {
      setError(applyServerErrors(e, form.setFieldError, ['name', 'date']));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {error && <ErrorAlert error={new Error(error)} />}
        <Group align="flex-start" gap="xs">
          <TextInput label="Checkpoint" placeholder="Team drafts due" {...form.getInputProps('name')} style={{ flex: 1, minWidth: 180 }} />
          <DatePickerInput
      previousLabel="Previous month"
      nextLabel="Next month" label="Date" placeholder="Pick a date" valueFormat="D MMM YYYY" {...form.getInputProps('date')} w={160} popoverProps={{ withinPortal: true }} />
          <Group gap="xs" mt={25}>
            <Button type="submit" loading={form.submitting}>
              {submitLabel}
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** The cycle's roadmap: a timeline, and the checkpoints as a list to mark done, edit, remove or add to. */
export function RoadmapCard({
  period,
  today,
  canManage,
  canMark,
}: {
  /** With its version (the ETag): writes send it in If-Match. */
  period: Period;
  today: string;
  /** Admins add, edit and remove checkpoints (not once closed). */
  canManage: boolean;
  /** Admins and unit leads mark checkpoints done. */
  canMark: boolean;
}) {
  const refresh = useRefreshOkr();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [marking, setMarking] = useState<string | null>(null);
  const closed = period.state === 'CLOSED';
  const editable = canManage && !closed;
  const sorted = [...period.checkpoints].sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
  const lastDone = sorted.reduce((last, c, i) => (c.done ? i : last), -1);

  const mark = async (checkpoint: Checkpoint, done: boolean) => {
    setError(null);
    setMarking(checkpoint.id);
    try {
      await rereadWhenStale(() => api.periods.markCheckpoint(period.id, checkpoint.id, { done }, ifMatch(period.version)), refresh);
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setMarking(null);
    }
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="roadmap-title">
      <Stack gap="md">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="roadmap-title">
            Roadmap
          </Title>
          <Group gap={6}>
            {(['done', 'overdue', 'upcoming'] as const).map((s) => (
              <Badge key={s} color={checkpointStateColor[s]} variant={s === 'upcoming' ? 'outline' : 'light'} size="sm">
                {checkpointStateLabel[s]}
              </Badge>
            ))}
          </Group>
        </Group>
        {sorted.length === 0 ? (
          <Text size="sm" c="dimmed">
            No checkpoints yet.{editable ? ' Add the steps of the cycle below: drafts due, alignment review, mid-quarter review, grading, retrospective.' : ''}
          </Text>
        ) : (
          <CheckpointTimeline period={period} checkpoints={sorted} today={today} />
        )}
        {error != null && <ErrorAlert error={error} />}
        {sorted.length > 0 && (
          <Timeline active={lastDone} bulletSize={22} lineWidth={2} color="teal">
            {sorted.map((c) => {
              const state = classifyCheckpoint(c, today);
              return (
                <Timeline.Item
                  key={c.id}
                  bullet={
                    <ThemeIcon
                      size={22}
                      radius="xl"
                      color={checkpointStateColor[state]}
                      variant={state === 'upcoming' ? 'outline' : 'filled'}
                      style={state === 'upcoming' ? { background: 'var(--mantine-color-body)' } : undefined}
                      aria-hidden
                    >
                      <Text size="xs" fw={800} c="inherit">
                        {state === 'done' ? '✓' : state === 'overdue' ? '!' : state === 'due-today' ? '•' : ''}
                      </Text>
                    </ThemeIcon>
                  }
                  lineVariant={state === 'done' ? 'solid' : 'dashed'}
                  title={
                    <Group gap="xs" justify="space-between" wrap="nowrap">
                      <Group gap="xs">
                        <Text fw={600} size="sm">
                          {c.name}
                        </Text>
                        <Badge size="xs" color={checkpointStateColor[state]} variant={state === 'upcoming' ? 'outline' : 'light'} data-testid="checkpoint-state">
                          {checkpointStateLabel[state]}
                        </Badge>
                      </Group>
                      <Group gap={6} wrap="nowrap">
                        {canMark && (
                          <Checkbox
                            label="Done"
                            checked={c.done}
                            disabled={marking === c.id}
                            onChange={(e) => void mark(c, e.currentTarget.checked)}
                            aria-label={`${c.name} done`}
                          />
                        )}
                        {editable && (
                          <Tooltip label="Edit">
                            <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${c.name}`} onClick={() => setEditing(c.id)}>
                              ✎
                            </ActionIcon>
                          </Tooltip>
                        )}
                        {editable && (
                          <ConfirmButton
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            aria-label={`Remove ${c.name}`}
                            title={`Remove “${c.name}”?`}
                            body={<Text size="sm">The checkpoint leaves the roadmap of {period.name}.</Text>}
                            confirmLabel="Remove"
                            onConfirm={async () => {
                              await rereadWhenStale(() => api.periods.removeCheckpoint(period.id, c.id, ifMatch(period.version)), refresh);
                              await refresh();
                            }}
                          >
                            ✕
                          </ConfirmButton>
                        )}
                      </Group>
                    </Group>
                  }
                >
                  {editing === c.id ? (
                    <CheckpointForm
                      initial={{ name: c.name, date: c.date }}
                      submitLabel="Save"
                      onCancel={() => setEditing(null)}
                      onSubmit={async (values) => {
                        await rereadWhenStale(() => api.periods.editCheckpoint(period.id, c.id, values, ifMatch(period.version)), refresh);
                        await refresh();
                        setEditing(null);
                      }}
                    />
                  ) : (
                    <Text size="xs" c={state === 'overdue' ? 'red.8' : 'dimmed'}>
                      {formatDate(c.date)} · {state === 'done' ? 'done' : dueIn(c.date, today)}
                    </Text>
                  )}
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}
        {editable && (
          <Paper bg="gray.0" p="sm" radius="md">
            <Text size="sm" fw={600} mb={4}>
              Add a checkpoint
            </Text>
            <CheckpointForm
              initial={{ name: '', date: null }}
              submitLabel="Add"
              onSubmit={async (values) => {
                await rereadWhenStale(() => api.periods.addCheckpoint(period.id, values, ifMatch(period.version)), refresh);
                await refresh();
              }}
            />
          </Paper>
        )}
        {!canMark && (
          <Text size="xs" c="dimmed">
            Admins and unit leads keep the roadmap up to date.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
