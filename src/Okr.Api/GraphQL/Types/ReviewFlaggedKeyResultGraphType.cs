using GraphQL;
using GraphQL.Types;
using Okr.Application.Reviews;

namespace Okr.Api.GraphQL.Types;

public sealed class ReviewFlaggedKeyResultGraphType : ObjectGraphType<ReviewFlaggedKeyResult>
{
    public ReviewFlaggedKeyResultGraphType()
    {
        Name = "ReviewFlaggedKeyResult";
        Description = "A key result that needed attention at the review's instant, with what its owner last wrote.";
        Field<NonNullGraphType<IdGraphType>>("keyResultId").Resolve(c => c.Source.KeyResultId);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<StringGraphType>("objectiveTitle").Resolve(c => c.Source.ObjectiveTitle);
        Field<StringGraphType>("ownerName").Resolve(c => c.Source.OwnerName);
        Field<OkrStatusGraphType>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<FloatGraphType>>("progress").Resolve(c => c.Source.Progress);
        Field<NonNullGraphType<FloatGraphType>>("expectedProgress").Resolve(c => c.Source.ExpectedProgress);
        Field<StringGraphType>("latestNarrative").Resolve(c => c.Source.LatestNarrative);
        Field<StringGraphType>("latestBlockers").Resolve(c => c.Source.LatestBlockers);
        Field<DateOnlyGraphType>("latestCheckInDate").Resolve(c => c.Source.LatestCheckInDate);
    }
}
