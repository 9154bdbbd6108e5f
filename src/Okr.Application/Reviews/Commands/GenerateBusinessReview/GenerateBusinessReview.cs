using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Reviews;

namespace Okr.Application.Reviews.Commands.GenerateBusinessReview;

/// <summary>
/// Publishes a business review of a unit (with the units below it) for a period, as of now: "Generate review now". The
/// unit's leads (and the leads above it) and admins can. The review never changes afterwards; generating again makes a
/// new one, compared with this one. Its subscribers (the unit's members and leads) are emailed.
/// </summary>
public sealed record GenerateBusinessReview : ICommand<BusinessReviewDto>
{
    public required Guid UnitId { get; init; }
    public required Guid PeriodId { get; init; }
}

/// <summary>A published business review (its document is read over GraphQL, or as Markdown).</summary>
public sealed record BusinessReviewDto(Guid Id, Guid UnitId, Guid PeriodId, DateTimeOffset AsOf, ReviewTrigger Trigger, DateTimeOffset CreatedAt);

public sealed class GenerateBusinessReviewValidator : AbstractValidator<GenerateBusinessReview>
{
    public GenerateBusinessReviewValidator()
    {
        RuleFor(c => c.UnitId).NotEmpty().WithMessage("Choose the unit to review.");
        RuleFor(c => c.PeriodId).NotEmpty().WithMessage("Choose the period to review.");
    }
}

public sealed class GenerateBusinessReviewHandler(IOkrDbContext db, ICurrentUser user, IClock clock, AccessPolicyProvider access,
    BusinessReviewPublisher publisher) : ICommandHandler<GenerateBusinessReview, BusinessReviewDto>
{
    public async ValueTask<BusinessReviewDto> Handle(GenerateBusinessReview command, CancellationToken cancellationToken)
    {
        var organizationId = user.OrganizationId ?? throw new ForbiddenException("You do not belong to an organisation.");
        if (!await db.OrgUnits.AnyAsync(u => u.Id == command.UnitId, cancellationToken))
            throw new NotFoundException("OrgUnit", command.UnitId);
        await db.Periods.FindOrNotFoundAsync(command.PeriodId, "Period", cancellationToken);
        var policy = await access.GetForUnitsAsync([command.UnitId], cancellationToken);
        if (!policy.LeadsOver(command.UnitId))
            throw new ForbiddenException("Only the unit's leads and admins can publish its business review.");

        var review = await publisher.PublishAsync(organizationId, command.UnitId, command.PeriodId, clock.UtcNow, ReviewTrigger.OnDemand,
            user.PersonId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return review.ToDto();
    }
}

public static class BusinessReviewMapping
{
    public static BusinessReviewDto ToDto(this BusinessReview review) =>
        new((review ?? throw new ArgumentNullException(nameof(review))).Id, review.UnitId, review.PeriodId, review.AsOf, review.Trigger, review.CreatedAt);
}
