import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { graphql } from '../../api/graphql';
import { BusinessReviewDocument } from '../../graphql/documents/BusinessReview';
import type { BusinessReviewQuery } from '../../graphql/generated';
import { renderWithApp } from '../../components/exec/testing';
import ReviewPage from './ReviewPage';

vi.mock('../../api/graphql', () => ({ graphql: vi.fn() }));
const graphqlMock = vi.mocked(graphql);

const counts = { notStarted: 0, onTrack: 3, atRisk: 1, offTrack: 1, stale: 0, achieved: 0, missed: 0 };
const review: NonNullable<BusinessReviewQuery['businessReview']> = {
  id: 'r2',
  unitId: 'pm',
  unitName: 'Product Management',
  periodId: 'q4',
  periodName: 'Q4 2026',
  asOf: '2026-11-23T06:00:00Z',
  trigger: 'WEEKLY',
  requestedByName: null,
  createdAt: '2026-11-23T06:05:00Z',
  previousReviewId: 'r1',
  previousAsOf: '2026-11-16T06:00:00Z',
  progress: 0.62,
  expectedProgress: 0.58,
  progressDelta: 0.05,
  objectiveCount: 2,
  keyResultCount: 5,
  hiddenObjectiveCount: 1,
  checkInCompliance: 0.8,
  checkInComplianceDelta: -0.2,
  objectivesByStatus: counts,
  keyResultsByStatus: counts,
  objectives: [
    {
      id: 'o1',
      title: 'Customers succeed on their own',
      unitName: 'Product Management',
      ownerName: 'Lee Lead',
      progress: 0.6,
      expectedProgress: 0.58,
      status: 'AT_RISK',
      isNew: false,
      change: { previousProgress: 0.5, previousStatus: 'OFF_TRACK', progressDelta: 0.1 },
      keyResults: [
        { id: 'k1', title: 'Self-serve activation reaches 60%', ownerName: 'Nina', currentValue: 48, target: 60, unitLabel: '%', progress: 0.7, status: 'ON_TRACK', confidence: 7, isNew: true, change: null },
      ],
    },
  ],
  atRisk: [],
  offTrack: [
    { keyResultId: 'k9', title: 'Churn falls to 2%', objectiveTitle: 'Keep them', ownerName: 'Dev', status: 'OFF_TRACK', progress: 0.1, expectedProgress: 0.58, latestNarrative: 'Two big accounts left.', latestBlockers: 'No CSM in EMEA', latestCheckInDate: '2026-11-20' },
  ],
  stale: [],
  blockedInitiatives: [],
  upcomingCheckpoints: [{ id: 'c1', name: 'Grading due', date: '2026-12-31', done: false }],
  overdueCheckpoints: [],
  helpRequested: [
    { keyResultId: 'k9', keyResultTitle: 'Churn falls to 2%', ownerName: 'Dev', status: 'OFF_TRACK', blockers: 'No CSM in EMEA', nextSteps: 'Hire by January', checkInDate: '2026-11-20' },
  ],
  markdownUrl: '/api/business-reviews/r2/markdown',
};

beforeEach(() => {
  graphqlMock.mockReset();
  graphqlMock.mockImplementation((async (document: unknown) => {
    if (document === BusinessReviewDocument) return { businessReview: review };
    throw new Error(`unexpected document ${String(document)}`);
  }) as typeof graphql);
});

describe('a business review', () => {
  it('reads as published: the numbers, what moved since the previous review, attention, help requested, and the Markdown download', async () => {
    renderWithApp(<ReviewPage />, { url: '/reviews/r2', path: '/reviews/:reviewId' });
    expect(await screen.findByRole('heading', { name: 'Business review: Product Management, Q4 2026' })).toBeInTheDocument();
    expect(screen.getByText('Compared with the review of 16 Nov 2026, 06:00 UTC.', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('+5 pts')).toBeInTheDocument();
    expect(screen.getByText('−20 pts')).toBeInTheDocument();
    const objective = screen.getByRole('article', { name: 'Customers succeed on their own' });
    expect(within(objective).getByText('+10 pts · was off track')).toBeInTheDocument();
    expect(within(objective).getByText('new')).toBeInTheDocument();
    expect(screen.getByText('“Two big accounts left.”')).toBeInTheDocument();
    expect(screen.getByText('Next: Hire by January')).toBeInTheDocument();
    expect(screen.getByText(/1 restricted objective is counted but not listed/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download Markdown' })).toHaveAttribute('href', '/api/business-reviews/r2/markdown');
    expect(screen.getByRole('button', { name: 'Print or save as PDF' })).toBeInTheDocument();
  });
});
