using GraphQL;
using GraphQL.Types;
using Okr.Application.Reviews.Queries.BusinessReviews;

namespace Okr.Api.GraphQL.Types;

public sealed class BusinessReviewEdgeGraphType : ObjectGraphType<BusinessReviewEdge>
{
    public BusinessReviewEdgeGraphType()
    {
        Name = "BusinessReviewEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Opaque; pass it back as after.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<BusinessReviewGraphType>>("node").Resolve(c => c.Source.Node);
    }
}
