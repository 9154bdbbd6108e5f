using Okr.Domain.Common;

namespace Okr.Domain.Reviews;

/// <summary>Why a business review was made.</summary>
public enum ReviewTrigger
{
    /// <summary>Someone asked for it (the unit's lead or an admin): "Generate review now".</summary>
    OnDemand = 0,
    /// <summary>The weekly schedule.</summary>
    Weekly = 1,
    /// <summary>The end of a quarter.</summary>
    QuarterEnd = 2,
}

/// <summary>
/// A unit's business review for a period: the document (JSON) computed as of <see cref="AsOf"/>, published once and never
/// changed afterwards: a correction is a new review. A scheduled review is unique per unit, period and scheduled instant
/// (a unique index), so a retry or a second replica never makes two (ADR 0029).
/// </summary>
public sealed class BusinessReview : TenantEntity, IImmutableRow
{
    private BusinessReview() { Document = string.Empty; }

    public BusinessReview(Guid organizationId, Guid unitId, Guid periodId, DateTimeOffset asOf, ReviewTrigger trigger, DateTimeOffset? scheduledFor,
        Guid? requestedById, Guid? previousReviewId, string document, DateTimeOffset now) : base(organizationId)
    {
        Guard.NotEmpty(unitId, nameof(UnitId));
        Guard.NotEmpty(periodId, nameof(PeriodId));
        if ((trigger == ReviewTrigger.OnDemand) != (scheduledFor is null))
            throw new DomainRuleException("business_review.schedule", "A scheduled review names its scheduled instant; one made on demand does not.");
        if (asOf > now)
            throw new DomainRuleException("business_review.future", "A review is computed as of a past instant.");
        UnitId = unitId;
        PeriodId = periodId;
        AsOf = asOf;
        Trigger = trigger;
        ScheduledFor = scheduledFor;
        RequestedById = requestedById;
        PreviousReviewId = previousReviewId;
        Document = document;
        CreatedAt = now;
    }

    public Guid UnitId { get; private init; }
    public Guid PeriodId { get; private init; }
    /// <summary>The instant every number of the document is computed at.</summary>
    public DateTimeOffset AsOf { get; private init; }
    public ReviewTrigger Trigger { get; private init; }
    /// <summary>The schedule's instant for a scheduled review (equal to <see cref="AsOf"/>); null on demand.</summary>
    public DateTimeOffset? ScheduledFor { get; private init; }
    public Guid? RequestedById { get; private init; }
    /// <summary>The review of the same unit and period just before this one, which the deltas compare with.</summary>
    public Guid? PreviousReviewId { get; private init; }
    /// <summary>The review as JSON: what was true at <see cref="AsOf"/>, names included.</summary>
    public string Document { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }
}
