using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Queries.GetMyKeyResults;

namespace Okr.Api.GraphQL.Types;

public sealed class MyKeyResultsGraphType : ObjectGraphType<MyKeyResultsView>
{
    public MyKeyResultsGraphType()
    {
        Name = "MyKeyResults";
        Description = "The caller's key results in a period: those they own and those their units own, on objectives they can see that are not cancelled.";
        Field<NonNullGraphType<PeriodGraphType>>("period").Resolve(c => c.Source.Period);
        Field<DateTimeOffsetGraphType>("asOf").Description("The instant asked for; null: now.").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("evaluatedAt").Description("The instant the values are computed at.").Resolve(c => c.Source.EvaluatedAt);
        Field<NonNullGraphType<FloatGraphType>>("expectedProgress").Description("The share of the period elapsed, 0 to 1.").Resolve(c => c.Source.ExpectedProgress);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KeyResultGraphType>>>>("keyResults")
            .Description("Due for a check-in first, then those on active objectives, then those the caller owns before their units' ones, then in the order of okrTree (units breadth first, each unit's objectives, each objective's key results). Each key result once.")
            .WithComplexityImpact(1, ListSizes.MyKeyResults)
            .Resolve(c => c.Source.KeyResults);
    }
}
