import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { graphql } from '../../api/graphql';
import { BusinessReviewsDocument } from '../../graphql/documents/BusinessReviews';
import { ExecUnitsDocument } from '../../graphql/documents/ExecUnits';
import { PeriodsDocument } from '../../graphql/documents/Periods';
import type { BusinessReviewsQuery } from '../../graphql/generated';
import { renderWithApp } from '../../components/exec/testing';
import ReviewsPage from './ReviewsPage';

vi.mock('../../api/graphql', () => ({ graphql: vi.fn() }));
const graphqlMock = vi.mocked(graphql);

const counts = { notStarted: 0, onTrack: 5, atRisk: 2, offTrack: 1, stale: 0, achieved: 0, missed: 0 };
type Page = NonNullable<BusinessReviewsQuery['businessReviews']>;

function serve(page: Page) {
  graphqlMock.mockImplementation((async (document: unknown) => {
    if (document === PeriodsDocument)
      return { periods: [{ id: 'q4', name: 'Q4 2026', kind: 'QUARTER', state: 'ACTIVE', start: '2026-10-01', end: '2026-12-31', parent: null }] };
    if (document === ExecUnitsDocument)
      return {
        okrTree: {
          units: [
            { id: 'acme', name: 'Acme', kind: 'COMPANY', parentId: null, depth: 0 },
            { id: 'pm', name: 'Product Management', kind: 'DEPARTMENT', parentId: 'acme', depth: 1 },
          ],
        },
      };
    if (document === BusinessReviewsDocument) return { businessReviews: page };
    throw new Error(`unexpected document ${String(document)}`);
  }) as typeof graphql);
}

beforeEach(() => {
  graphqlMock.mockReset();
});

describe('the business reviews of a unit', () => {
  it('lists the reviews, latest first, with what moved, and offers "Generate review now" to those the server allows', async () => {
    serve({
      totalCount: 2,
      viewerCanGenerate: true,
      pageInfo: { hasNextPage: false, endCursor: 'c2' },
      nodes: [
        { id: 'r2', asOf: '2026-11-23T06:00:00Z', trigger: 'WEEKLY', requestedByName: null, progress: 0.62, expectedProgress: 0.58, progressDelta: 0.04, objectiveCount: 4, keyResultCount: 8, checkInCompliance: 0.75, keyResultsByStatus: counts },
        { id: 'r1', asOf: '2026-11-22T12:00:00Z', trigger: 'ON_DEMAND', requestedByName: 'Lee Lead', progress: 0.58, expectedProgress: 0.57, progressDelta: null, objectiveCount: 4, keyResultCount: 8, checkInCompliance: 0.5, keyResultsByStatus: counts },
      ],
    });
    renderWithApp(<ReviewsPage />, { url: '/reviews?unit=pm' });
    const rows = await screen.findAllByTestId('review-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('23 Nov 2026, 06:00 UTC');
    expect(rows[0]).toHaveTextContent('Weekly');
    expect(rows[0]).toHaveTextContent('+4 pts');
    expect(rows[1]).toHaveTextContent('by Lee Lead');
    expect(rows[0]).toHaveAttribute('href', '/reviews/r2');
    expect(screen.getByRole('button', { name: 'Generate review now' })).toBeInTheDocument();
  });

  it('says when there is no review yet, and who can publish one', async () => {
    serve({ totalCount: 0, viewerCanGenerate: false, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    renderWithApp(<ReviewsPage />, { url: '/reviews?unit=pm' });
    expect(await screen.findByText('No business reviews of Product Management for Q4 2026 yet')).toBeInTheDocument();
    expect(screen.getByText(/The unit’s leads can also publish one at any time/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Generate review now' })).not.toBeInTheDocument();
  });
});
