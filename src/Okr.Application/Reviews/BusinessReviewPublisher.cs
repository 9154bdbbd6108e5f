using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Reviews;

namespace Okr.Application.Reviews;

/// <summary>
/// A business review was published: the hook for what follows publication (ADR 0029). The review's emails are one
/// handler (<see cref="IBusinessReviewPublishedHandler"/>); in-app notifications can be another. Handlers run before the
/// publisher's caller saves, so what they add commits with the review, once.
/// </summary>
public sealed record BusinessReviewPublished(Guid ReviewId, Guid OrganizationId, Guid UnitId, Guid PeriodId, DateTimeOffset AsOf, ReviewTrigger Trigger,
    BusinessReviewDocument Document);

/// <summary>Reacts to a published review by adding rows to the same save (outbox messages, notifications).</summary>
public interface IBusinessReviewPublishedHandler
{
    ValueTask HandleAsync(BusinessReviewPublished published, CancellationToken cancellationToken);
}

/// <summary>
/// Publishes a review: composes its document as of its instant, against the previous review of the unit and period,
/// adds it, and tells the handlers. The caller saves (a command's transaction, or the scheduled run, whose save meets
/// the unique key of a review already written).
/// </summary>
public sealed class BusinessReviewPublisher(IOkrDbContext db, IClock clock, BusinessReviewComposer composer, IEnumerable<IBusinessReviewPublishedHandler> handlers)
{
    public async Task<BusinessReview> PublishAsync(Guid organizationId, Guid unitId, Guid periodId, DateTimeOffset asOf, ReviewTrigger trigger,
        Guid? requestedById, CancellationToken cancellationToken)
    {
        var previous = await db.BusinessReviews.AsNoTracking()
            .Where(r => r.UnitId == unitId && r.PeriodId == periodId && r.AsOf < asOf)
            .OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var requestedBy = requestedById is { } personId
            ? await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var document = await composer.ComposeAsync(unitId, periodId, asOf, previous, requestedBy, cancellationToken);
        var review = new BusinessReview(organizationId, unitId, periodId, asOf, trigger, trigger == ReviewTrigger.OnDemand ? null : asOf,
            requestedById, previous?.Id, document.ToJson(), clock.UtcNow);
        db.BusinessReviews.Add(review);
        var published = new BusinessReviewPublished(review.Id, organizationId, unitId, periodId, asOf, trigger, document);
        foreach (var handler in handlers)
            await handler.HandleAsync(published, cancellationToken);
        return review;
    }
}
