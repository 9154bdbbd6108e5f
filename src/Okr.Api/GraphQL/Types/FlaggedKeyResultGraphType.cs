using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Queries.GetDashboard;
using Okr.Domain.Computations;

namespace Okr.Api.GraphQL.Types;

public sealed class FlaggedKeyResultGraphType : ObjectGraphType<FlaggedKeyResultView>
{
    public FlaggedKeyResultGraphType()
    {
        Name = "FlaggedKeyResult";
        Description = "A key result that needs attention, with what its owner last wrote.";
        Field<NonNullGraphType<KeyResultGraphType>>("keyResult").Resolve(c => c.Source.KeyResult);
        Field<OkrStatusGraphType>("status").Resolve(c => c.Source.KeyResult.Status);
        Field<NonNullGraphType<FloatGraphType>>("progress").Resolve(c => c.Source.KeyResult.Progress);
        Field<NonNullGraphType<FloatGraphType>>("expectedProgress").Resolve(c => c.Source.KeyResult.ExpectedProgress);
        Field<StringGraphType>("latestNarrative").Resolve(c => c.Source.LatestNarrative);
        Field<StringGraphType>("latestBlockers").Resolve(c => c.Source.LatestBlockers);
        Field<DateOnlyGraphType>("latestCheckInDate").Resolve(c => c.Source.LatestCheckInDate);
    }
}
