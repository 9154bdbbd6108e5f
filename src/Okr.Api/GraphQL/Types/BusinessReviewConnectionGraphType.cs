using GraphQL;
using GraphQL.Types;
using Okr.Application.Reviews.Queries.BusinessReviews;

namespace Okr.Api.GraphQL.Types;

public sealed class BusinessReviewConnectionGraphType : ObjectGraphType<BusinessReviewPage>
{
    public BusinessReviewConnectionGraphType()
    {
        Name = "BusinessReviewConnection";
        Description = "A page of a unit's business reviews of a period, the latest instant first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BusinessReviewEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BusinessReviewGraphType>>>>("nodes").Resolve(c => c.Source.Edges.Select(e => e.Node).ToList());
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Reviews across all pages.").Resolve(c => c.Source.TotalCount);
        Field<NonNullGraphType<BooleanGraphType>>("viewerCanGenerate").Description("Whether you may publish a review of this unit now (its leads and admins).")
            .Resolve(c => c.Source.ViewerCanGenerate);
    }
}
