using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Okr.Application.Reviews.Commands.GenerateBusinessReview;
using Okr.Application.Reviews.Queries.BusinessReviews;

namespace Okr.Api.Endpoints;

/// <summary>/api/business-reviews: publish a unit's review now, and download one as Markdown (ADR 0029). Reviews are read over GraphQL.</summary>
public static class BusinessReviewEndpoints
{
    public const string MarkdownMediaType = "text/markdown";

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/business-reviews").WithTags("BusinessReviews");
        group.MapPost("/", GenerateBusinessReview)
            .Operation(nameof(GenerateBusinessReview),
                "Publish a business review of a unit (and the units below it) for a period, as of now (the unit's leads and admins). It never changes afterwards; the unit's members and leads are emailed.")
            .NotFound().RuleViolations();
        group.MapGet("/{id:guid}", GetBusinessReview)
            .Operation(nameof(GetBusinessReview), "A published business review: when, why, and for which unit and period (its content: GraphQL businessReview, or the Markdown).")
            .Read();
        group.MapGet("/{id:guid}/markdown", GetBusinessReviewMarkdown)
            .Operation(nameof(GetBusinessReviewMarkdown), "A published business review as a Markdown document (an attachment).")
            .Produces<string>(StatusCodes.Status200OK, MarkdownMediaType)
            .Read();
    }

    public static async Task<Created<BusinessReviewDto>> GenerateBusinessReview(GenerateBusinessReview command, ISender sender, CancellationToken cancellationToken)
    {
        var review = await sender.Send(command, cancellationToken);
        return TypedResults.Created($"/api/business-reviews/{review.Id}", review);
    }

    public static async Task<Ok<BusinessReviewDto>> GetBusinessReview(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        var review = await sender.Send(new GetBusinessReview(id), cancellationToken);
        return TypedResults.Ok(new BusinessReviewDto(review.Id, review.UnitId, review.PeriodId, review.AsOf, review.Trigger, review.CreatedAt));
    }

    public static async Task<ContentHttpResult> GetBusinessReviewMarkdown(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var file = await sender.Send(new GetBusinessReviewMarkdown(id), cancellationToken);
        http.Response.Headers[HeaderNames.ContentDisposition] =
            new ContentDispositionHeaderValue("attachment") { FileNameStar = file.FileName, FileName = file.FileName }.ToString();
        return TypedResults.Text(file.Markdown, MarkdownMediaType + "; charset=utf-8");
    }
}
