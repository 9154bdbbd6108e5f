import type { ReactNode } from 'react';
import { Anchor, Button, Container, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { graphql } from '../../api/graphql';
import { Empty, ErrorAlert, Loading } from '../../components/States';
import { ProgressMeter } from '../../components/Status';
import { formatDate, percent } from '../../components/format';
import { StatusLine } from '../../components/exec/StatusCounts';
import { ReviewAttention } from '../../components/reviews/ReviewAttention';
import { ReviewObjectives } from '../../components/reviews/ReviewObjectives';
import { ReviewByline } from '../../components/reviews/ReviewByline';
import { deltaColor, points, reviewInstant } from '../../components/reviews/delta';
import { BusinessReviewDocument } from '../../graphql/documents/BusinessReview';
import './print.css';

function Figure({ label, value, delta }: { label: string; value: string; delta?: number | null }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Group gap={6} align="baseline">
        <Text size="xl" fw={700}>
          {value}
        </Text>
        {points(delta) && (
          <Text size="sm" fw={600} c={deltaColor(delta)}>
            {points(delta)}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id} className="review-block">
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** One business review as published: readable on screen, printable as a clean PDF, downloadable as Markdown. */
export default function ReviewPage() {
  const { reviewId } = useParams();
  const query = useQuery({
    queryKey: ['okr', 'review', reviewId],
    queryFn: () => graphql(BusinessReviewDocument, { id: reviewId! }),
    // A published review never changes.
    staleTime: Infinity,
  });
  const r = query.data?.businessReview;

  if (query.isLoading) return <Loading label="Opening the review…" />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!r) return <Empty title="No such review" />;
  const compared = !!r.previousReviewId;
  const attention = [...r.offTrack, ...r.atRisk, ...r.stale];

  return (
    <Container size="lg" px={0} className="review-page">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4}>
            <Anchor component={Link} to={`/reviews?unit=${r.unitId}&period=${r.periodId}`} size="sm" className="review-no-print">
              ← All reviews of {r.unitName}
            </Anchor>
            <Title order={1} size="h2">
              Business review: {r.unitName}, {r.periodName}
            </Title>
            <ReviewByline asOf={r.asOf} trigger={r.trigger} requestedByName={r.requestedByName} prefix="As of " />
            <Text size="sm" c="dimmed">
              {compared && r.previousAsOf ? `Compared with the review of ${reviewInstant(r.previousAsOf)}.` : 'The first review of this unit and period.'}{' '}
              Published reviews never change.
            </Text>
          </Stack>
          <Group gap="xs" className="review-no-print">
            <Button variant="default" onClick={() => window.print()}>
              Print or save as PDF
            </Button>
            <Button component="a" href={r.markdownUrl} download>
              Download Markdown
            </Button>
          </Group>
        </Group>

        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="summary-title" className="review-block">
          <Title order={2} size="h4" id="summary-title" mb="sm">
            Summary
          </Title>
          <ProgressMeter progress={r.progress} expected={r.expectedProgress} />
          <SimpleGrid cols={{ base: 2, sm: 4 }} mt="md" spacing="md">
            <Figure label="Progress" value={percent(r.progress)} delta={r.progressDelta} />
            <Figure label="Expected by now" value={percent(r.expectedProgress)} />
            <Figure label="Check-in compliance" value={percent(r.checkInCompliance)} delta={r.checkInComplianceDelta} />
            <Figure label="Objectives · key results" value={`${r.objectiveCount} · ${r.keyResultCount}`} />
          </SimpleGrid>
          <Stack gap={4} mt="md">
            <Group gap="xs">
              <Text size="sm" c="dimmed" w={110}>
                Key results
              </Text>
              <StatusLine counts={r.keyResultsByStatus} />
            </Group>
            <Group gap="xs">
              <Text size="sm" c="dimmed" w={110}>
                Objectives
              </Text>
              <StatusLine counts={r.objectivesByStatus} />
            </Group>
            {r.hiddenObjectiveCount > 0 && (
              <Text size="xs" c="dimmed">
                {r.hiddenObjectiveCount} restricted objective{r.hiddenObjectiveCount === 1 ? ' is' : 's are'} counted but not listed.
              </Text>
            )}
          </Stack>
        </Paper>

        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Section id="attention-title" title={`Needs attention (${attention.length})`}>
              <ReviewAttention items={attention} />
            </Section>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <Section id="help-title" title="Help and decisions requested">
                {r.helpRequested.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No owner named a blocker in their latest check-in.
                  </Text>
                ) : (
                  <Stack gap="xs">
                    {r.helpRequested.map((h) => (
                      <Stack key={h.keyResultId} gap={0} className="review-block">
                        <Text size="sm" fw={600}>
                          {h.keyResultTitle}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {h.ownerName ?? 'no owner'} · {formatDate(h.checkInDate)}
                        </Text>
                        <Text size="sm">{h.blockers}</Text>
                        {h.nextSteps && (
                          <Text size="sm" c="dimmed">
                            Next: {h.nextSteps}
                          </Text>
                        )}
                      </Stack>
                    ))}
                  </Stack>
                )}
              </Section>
              <Section id="blocked-title" title="Blocked initiatives">
                {r.blockedInitiatives.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    None.
                  </Text>
                ) : (
                  <Stack gap={4}>
                    {r.blockedInitiatives.map((i) => (
                      <Text key={i.id} size="sm">
                        {i.title}
                        <Text span c="dimmed" size="xs">
                          {i.ownerName ? ` · ${i.ownerName}` : ''}
                          {i.dueDate ? ` · due ${formatDate(i.dueDate)}` : ''}
                          {i.externalKey ? ` · ${i.externalSystem ?? ''} ${i.externalKey}` : ''}
                        </Text>
                      </Text>
                    ))}
                  </Stack>
                )}
              </Section>
              <Section id="checkpoints-title" title="Checkpoints">
                {r.overdueCheckpoints.length + r.upcomingCheckpoints.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    None ahead.
                  </Text>
                ) : (
                  <Stack gap={4}>
                    {r.overdueCheckpoints.map((c) => (
                      <Text key={c.id} size="sm" c="red.8">
                        {formatDate(c.date)} · {c.name} · overdue
                      </Text>
                    ))}
                    {r.upcomingCheckpoints.map((c) => (
                      <Text key={c.id} size="sm">
                        {formatDate(c.date)} · {c.name}
                        {c.done ? ' · done' : ''}
                      </Text>
                    ))}
                  </Stack>
                )}
              </Section>
            </Stack>
          </Grid.Col>
        </Grid>

        <Stack gap="sm" component="section" aria-labelledby="objectives-title">
          <Title order={2} size="h4" id="objectives-title">
            Objectives and key results
          </Title>
          <ReviewObjectives objectives={r.objectives} compared={compared} />
        </Stack>
      </Stack>
    </Container>
  );
}
