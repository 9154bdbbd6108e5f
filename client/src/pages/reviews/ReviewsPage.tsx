import { Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../api/graphql';
import { api } from '../../api/rest';
import { NoPeriods, PeriodPicker, useSelectedPeriod } from '../../app/periods';
import { Empty, ErrorAlert, Loading } from '../../components/States';
import { ProgressMeter } from '../../components/Status';
import { percent } from '../../components/format';
import { StatusLine } from '../../components/exec/StatusCounts';
import { UnitSelect, useUnits } from '../../components/exec/UnitSelect';
import { ReviewByline } from '../../components/reviews/ReviewByline';
import { deltaColor, points } from '../../components/reviews/delta';
import { BusinessReviewsDocument } from '../../graphql/documents/BusinessReviews';

/** A unit's business reviews of a period, the latest first; "Generate review now" for its leads and admins. */
export default function ReviewsPage() {
  const { period, isLoading: periodsLoading, error: periodsError } = useSelectedPeriod();
  const [params, setParams] = useSearchParams();
  const units = useUnits(period?.id);
  const unitId = params.get('unit') ?? units.data?.[0]?.id ?? null;
  const unitName = units.data?.find((u) => u.id === unitId)?.name ?? '';
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const reviews = useQuery({
    queryKey: ['okr', 'reviews', unitId, period?.id],
    queryFn: () => graphql(BusinessReviewsDocument, { unitId: unitId!, periodId: period!.id, first: 50, after: null }),
    enabled: !!unitId && !!period,
  });
  const generate = useMutation({
    mutationFn: () => api.businessReviews.generateBusinessReview({ unitId: unitId!, periodId: period!.id }),
    onSuccess: async (review) => {
      await queryClient.invalidateQueries({ queryKey: ['okr', 'reviews'] });
      void navigate(`/reviews/${review.id}`);
    },
  });
  const list = reviews.data?.businessReviews;

  return (
    <Container size="lg" px={0}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={2}>
            <Title order={1} size="h2">
              Business reviews
            </Title>
            <Text c="dimmed" size="sm">
              Each unit’s review of the period, published weekly, at the quarter’s end and on demand; never changed afterwards.
            </Text>
          </Stack>
          <Group gap="sm" align="flex-end">
            <Stack gap={4}>
              <Text size="sm" fw={500} aria-hidden>
                Period
              </Text>
              <PeriodPicker />
            </Stack>
            <UnitSelect units={units.data ?? []} value={unitId} onChange={(id) => setParams({ ...Object.fromEntries(params), unit: id }, { replace: true })} w={210} />
            {list?.viewerCanGenerate && (
              <Button onClick={() => generate.mutate()} loading={generate.isPending}>
                Generate review now
              </Button>
            )}
          </Group>
        </Group>

        {generate.error && <ErrorAlert error={generate.error} title="The review was not published" />}

        {periodsError ? (
          <ErrorAlert error={periodsError} />
        ) : periodsLoading || units.isLoading || (reviews.isLoading && !!unitId && !!period) ? (
          <Loading label="Reading the reviews…" />
        ) : !period ? (
          <NoPeriods />
        ) : reviews.error || units.error ? (
          <ErrorAlert error={reviews.error ?? units.error} onRetry={() => void reviews.refetch()} />
        ) : !list || list.nodes.length === 0 ? (
          <Card withBorder padding="xl">
            <Empty title={`No business reviews of ${unitName} for ${period.name} yet`}>
              A review is published every Monday while the period is active and at the end of each quarter.
              {list?.viewerCanGenerate ? ' You can also publish one now.' : ' The unit’s leads can also publish one at any time.'}
            </Empty>
          </Card>
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={`Business reviews of ${unitName}`}>
            {list.nodes.map((review) => (
              <li key={review.id}>
                <Card component={Link} to={`/reviews/${review.id}`} withBorder padding="md" style={{ textDecoration: 'none', color: 'inherit' }} data-testid="review-row">
                  <Group justify="space-between" gap="xs" mb={6}>
                    <ReviewByline asOf={review.asOf} trigger={review.trigger} requestedByName={review.requestedByName} />
                    <Text size="sm" c="dimmed">
                      {review.objectiveCount} objectives · {review.keyResultCount} key results · compliance {percent(review.checkInCompliance)}
                    </Text>
                  </Group>
                  <Group gap="sm" wrap="nowrap">
                    <div style={{ flex: 1 }}>
                      <ProgressMeter progress={review.progress} expected={review.expectedProgress} />
                    </div>
                    {points(review.progressDelta) && (
                      <Text size="sm" fw={600} c={deltaColor(review.progressDelta)} w={70} ta="right">
                        {points(review.progressDelta)}
                      </Text>
                    )}
                  </Group>
                  <Group mt={6}>
                    <StatusLine counts={review.keyResultsByStatus} />
                  </Group>
                </Card>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Container>
  );
}
