using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Reviews;

namespace Okr.Application.Reviews.Queries.BusinessReviews;

/// <summary>A published business review: who, when and why, and its document as published.</summary>
public sealed record BusinessReviewView(Guid Id, Guid UnitId, Guid PeriodId, DateTimeOffset AsOf, ReviewTrigger Trigger, DateTimeOffset? ScheduledFor,
    Guid? RequestedById, DateTimeOffset CreatedAt, BusinessReviewDocument Document)
{
    public static BusinessReviewView Of(BusinessReview review) => new(
        (review ?? throw new ArgumentNullException(nameof(review))).Id, review.UnitId, review.PeriodId, review.AsOf, review.Trigger,
        review.ScheduledFor, review.RequestedById, review.CreatedAt, BusinessReviewDocument.FromJson(review.Document));
}

/// <summary>A unit's business reviews of a period, newest instant first, a page at a time. Everyone in the organisation reads them.</summary>
public sealed record GetBusinessReviews(Guid UnitId, Guid PeriodId, int First = GetBusinessReviews.DefaultPageSize, string? After = null)
    : IQuery<BusinessReviewPage>
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}

/// <param name="ViewerCanGenerate">Whether the caller may publish a review of this unit now (its leads and admins).</param>
public sealed record BusinessReviewPage(IReadOnlyList<BusinessReviewEdge> Edges, int TotalCount, bool HasNextPage, bool HasPreviousPage, bool ViewerCanGenerate)
    : IPageInfo
{
    public string? StartCursor => Edges.Count > 0 ? Edges[0].Cursor : null;
    public string? EndCursor => Edges.Count > 0 ? Edges[^1].Cursor : null;
}

public sealed record BusinessReviewEdge(string Cursor, BusinessReviewView Node);

public sealed class GetBusinessReviewsValidator : AbstractValidator<GetBusinessReviews>
{
    public GetBusinessReviewsValidator()
    {
        RuleFor(q => q.First).InclusiveBetween(1, GetBusinessReviews.MaxPageSize);
        RuleFor(q => q.After).Must(after => after is null || BusinessReviewCursor.Decode(after) is not null)
            .WithMessage("after is not a cursor of this list: pass back an endCursor.");
    }
}

public sealed class GetBusinessReviewsHandler(IOkrDbContext db, AccessPolicyProvider access) : IQueryHandler<GetBusinessReviews, BusinessReviewPage>
{
    public async ValueTask<BusinessReviewPage> Handle(GetBusinessReviews query, CancellationToken cancellationToken)
    {
        if (!await db.OrgUnits.AnyAsync(u => u.Id == query.UnitId, cancellationToken))
            throw new NotFoundException("OrgUnit", query.UnitId);
        await db.Periods.FindOrNotFoundAsync(query.PeriodId, "Period", cancellationToken);
        // A unit has a review a week and a few more per period: the headers of all of them are a small read.
        var headers = (await db.BusinessReviews.AsNoTracking()
                .Where(r => r.UnitId == query.UnitId && r.PeriodId == query.PeriodId)
                .Select(r => new { r.Id, r.AsOf }).ToListAsync(cancellationToken))
            .OrderByDescending(r => r.AsOf).ThenByDescending(r => r.Id).ToList();
        var start = BusinessReviewCursor.Decode(query.After) is { } after ? headers.FindIndex(r => r.Id == after) + 1 : 0;
        var page = headers.Skip(start).Take(query.First).Select(r => r.Id).ToList();
        var reviews = (await db.BusinessReviews.AsNoTracking().Where(r => EF.Parameter(page).Contains(r.Id)).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id);
        var policy = await access.GetForUnitsAsync([query.UnitId], cancellationToken);
        return new BusinessReviewPage(
            page.Select(id => new BusinessReviewEdge(BusinessReviewCursor.Encode(id), BusinessReviewView.Of(reviews[id]))).ToList(),
            headers.Count, start + page.Count < headers.Count, start > 0, policy.LeadsOver(query.UnitId));
    }
}

/// <summary>One business review, as published.</summary>
public sealed record GetBusinessReview(Guid Id) : IQuery<BusinessReviewView>;

public sealed class GetBusinessReviewHandler(IOkrDbContext db) : IQueryHandler<GetBusinessReview, BusinessReviewView>
{
    public async ValueTask<BusinessReviewView> Handle(GetBusinessReview query, CancellationToken cancellationToken) =>
        BusinessReviewView.Of(await db.BusinessReviews.AsNoTracking().FindOrNotFoundAsync(query.Id, "BusinessReview", cancellationToken));
}

/// <summary>One business review as a Markdown document, to download, print or paste.</summary>
public sealed record GetBusinessReviewMarkdown(Guid Id) : IQuery<BusinessReviewMarkdownFile>;

public sealed record BusinessReviewMarkdownFile(string FileName, string Markdown);

public sealed class GetBusinessReviewMarkdownHandler(IOkrDbContext db) : IQueryHandler<GetBusinessReviewMarkdown, BusinessReviewMarkdownFile>
{
    public async ValueTask<BusinessReviewMarkdownFile> Handle(GetBusinessReviewMarkdown query, CancellationToken cancellationToken)
    {
        var review = BusinessReviewView.Of(await db.BusinessReviews.AsNoTracking().FindOrNotFoundAsync(query.Id, "BusinessReview", cancellationToken));
        return new BusinessReviewMarkdownFile(BusinessReviewMarkdown.FileName(review), BusinessReviewMarkdown.Render(review));
    }
}

/// <summary>Opaque cursors: clients pass them back, never build them.</summary>
public static class BusinessReviewCursor
{
    private const string Prefix = "review:";

    public static string Encode(Guid id) => IdCursor.Encode(Prefix, id);

    public static Guid? Decode(string? cursor) => IdCursor.Decode(Prefix, cursor);
}
