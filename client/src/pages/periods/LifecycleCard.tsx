import { Button, Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { api } from '../../api/rest';
import { ifMatch } from '../../api/http';
import { rereadWhenStale } from '../../components/gaps/stale';
import type { PeriodState } from '../../graphql/generated';
import { ConfirmButton } from '../../components/exec/ConfirmButton';
import { useRefreshOkr } from '../../components/exec/invalidate';

const steps: { state: PeriodState; label: string; short: string; meaning: string }[] = [
  { state: 'PLANNING', label: 'Planning', short: 'Drafting', meaning: 'Teams draft and align their objectives.' },
  { state: 'ACTIVE', label: 'Active', short: 'Checking in', meaning: 'The cycle runs: key results are checked in every week.' },
  { state: 'REVIEW', label: 'Review', short: 'Grading', meaning: 'The cycle has ended: teams grade, hold retrospectives and decide what rolls over.' },
  { state: 'CLOSED', label: 'Closed', short: 'Read-only', meaning: 'Graded and read-only; late check-ins dated inside it are accepted within the grace window.' },
];

export const periodStateLabel: Record<PeriodState, string> = { PLANNING: 'Planning', ACTIVE: 'Active', REVIEW: 'In review', CLOSED: 'Closed' };
export const periodStateColor: Record<PeriodState, string> = { PLANNING: 'gray', ACTIVE: 'indigo', REVIEW: 'orange', CLOSED: 'teal' };

/** Where the period is in its life (planning → active → review → closed), and, for admins, the next step. */
export function LifecycleCard({
  period,
  isAdmin,
  onStartClose,
}: {
  /** version: the period's ETag, sent in If-Match. */
  period: { id: string; version: number; name: string; state: PeriodState };
  isAdmin: boolean;
  onStartClose: () => void;
}) {
  const refresh = useRefreshOkr();
  const phone = useMediaQuery('(max-width: 48em)');
  const index = steps.findIndex((s) => s.state === period.state);
  /** A lifecycle step with the period's version; when it was stale, the period is read again before the refusal shows. */
  const run = (action: () => Promise<unknown>) => async () => {
    await rereadWhenStale(action, refresh);
    await refresh();
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="lifecycle-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="lifecycle-title">
          Lifecycle
        </Title>
        <Stepper active={period.state === 'CLOSED' ? steps.length : index} size="sm" allowNextStepsSelect={false} orientation={phone ? 'vertical' : 'horizontal'}>
          {steps.map((s) => (
            <Stepper.Step key={s.state} label={s.label} description={s.short} />
          ))}
        </Stepper>
        <Text size="sm">
          <b>Now:</b> {steps[index]?.meaning}
        </Text>
        {isAdmin ? (
          <Group gap="sm">
            {period.state === 'PLANNING' && (
              <ConfirmButton
                title={`Activate ${period.name}?`}
                body={
                  <Text size="sm">
                    The cycle starts running: it becomes the period people work in by default, and key results are expected to be checked in
                    every week. Drafts still need to be activated one by one.
                  </Text>
                }
                confirmLabel="Activate"
                onConfirm={run(() => api.periods.activatePeriod(period.id, ifMatch(period.version)))}
              >
                Activate the period
              </ConfirmButton>
            )}
            {period.state === 'ACTIVE' && (
              <ConfirmButton
                color="orange"
                title={`Start the review of ${period.name}?`}
                body={
                  <Text size="sm">
                    The cycle ends: teams grade their key results, write retrospectives and decide what rolls over. Check-ins are still
                    accepted, and you can reopen the period if something was missed.
                  </Text>
                }
                confirmLabel="Start the review"
                onConfirm={run(() => api.periods.startPeriodReview(period.id, ifMatch(period.version)))}
              >
                Start the review
              </ConfirmButton>
            )}
            {period.state === 'REVIEW' && (
              <>
                <Button color="teal" onClick={onStartClose}>
                  Close the period…
                </Button>
                <ConfirmButton
                  variant="default"
                  title={`Reopen ${period.name}?`}
                  body={<Text size="sm">The period goes back to active, for when something was missed before closing. Nothing is lost.</Text>}
                  confirmLabel="Reopen"
                  onConfirm={run(() => api.periods.reopenPeriod(period.id, ifMatch(period.version)))}
                >
                  Reopen
                </ConfirmButton>
              </>
            )}
            {period.state === 'CLOSED' && (
              <Text size="sm" c="dimmed">
                This period is closed. Its grades can still be overridden with a reason, and retrospectives written, below.
              </Text>
            )}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            Admins move the period through its lifecycle.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
