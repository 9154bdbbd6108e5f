using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Application.Messaging;

namespace Okr.Application.Reviews;

/// <summary>What a business review's email says of it.</summary>
public sealed record BusinessReviewSummary(string UnitName, string PeriodName, DateTimeOffset AsOf, double Progress, double ExpectedProgress,
    double? ProgressDelta, int NeedsAttention, int HelpRequested)
{
    public static BusinessReviewSummary Of(BusinessReviewDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new(document.UnitName, document.PeriodName, document.AsOf, document.Progress, document.ExpectedProgress, document.ProgressDelta,
            document.AtRisk.Count + document.OffTrack.Count + document.Stale.Count, document.HelpRequested.Count);
    }
}

/// <summary>
/// A published review goes to its unit's subscribers: the unit's members and leads who are active and have not
/// unsubscribed from business reviews, one email each, written to the outbox in the same save as the review, so it goes
/// once (the review itself is written once). Each carries a link to the review and a signed unsubscribe link (ADR 0029).
/// </summary>
public sealed class BusinessReviewEmails(IOkrDbContext db, IAppLinks links, IUnsubscribeTokens tokens, IClock clock) : IBusinessReviewPublishedHandler
{
    public async ValueTask HandleAsync(BusinessReviewPublished published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(published);
        var organizationName = await db.Organizations.AsNoTracking().Where(o => o.Id == published.OrganizationId).Select(o => o.Name)
            .FirstAsync(cancellationToken);
        var optedOut = db.EmailOptOuts.Where(o => o.Kind == Emails.BusinessReviewKind).Select(o => o.PersonId);
        var subscribers = await db.People.AsNoTracking()
            .Where(p => p.IsActive && db.UnitMemberships.Any(m => m.UnitId == published.UnitId && m.PersonId == p.Id) && !optedOut.Contains(p.Id))
            .OrderBy(p => p.Email)
            .ToListAsync(cancellationToken);
        var summary = BusinessReviewSummary.Of(published.Document);
        var reviewUrl = links.Spa($"/reviews/{published.ReviewId}");
        var now = clock.UtcNow;
        foreach (var person in subscribers)
        {
            var token = Uri.EscapeDataString(tokens.Issue(new UnsubscribeRequest(published.OrganizationId, person.Id, Emails.BusinessReviewKind)));
            db.OutboxMessages.Add(Emails.BusinessReview(person, organizationName, summary, reviewUrl,
                links.Spa($"/unsubscribe?token={token}"), links.Spa($"/api/unsubscribe?token={token}"), now));
        }
    }
}
