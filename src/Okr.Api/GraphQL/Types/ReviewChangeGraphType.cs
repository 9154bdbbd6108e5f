using GraphQL;
using GraphQL.Types;
using Okr.Application.Reviews;

namespace Okr.Api.GraphQL.Types;

public sealed class ReviewChangeGraphType : ObjectGraphType<ReviewChange>
{
    public ReviewChangeGraphType()
    {
        Name = "ReviewChange";
        Description = "What moved since the previous review.";
        Field<NonNullGraphType<FloatGraphType>>("previousProgress").Resolve(c => c.Source.PreviousProgress);
        Field<OkrStatusGraphType>("previousStatus").Resolve(c => c.Source.PreviousStatus);
        Field<NonNullGraphType<FloatGraphType>>("progressDelta").Resolve(c => c.Source.ProgressDelta);
    }
}
