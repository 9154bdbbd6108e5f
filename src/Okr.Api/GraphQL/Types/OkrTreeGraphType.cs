using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Queries.GetOkrTree;

namespace Okr.Api.GraphQL.Types;

public sealed class OkrTreeGraphType : ObjectGraphType<OkrTreeView>
{
    public OkrTreeGraphType()
    {
        Name = "OkrTree";
        Description = "A period's unit tree with each unit's objectives and key results: nest from root.children, or take the flat units list (parentId, depth).";
        Field<NonNullGraphType<PeriodGraphType>>("period").Resolve(c => c.Source.Period);
        Field<DateTimeOffsetGraphType>("asOf").Description("The instant asked for; null: now.").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("evaluatedAt").Description("The instant the values are computed at.").Resolve(c => c.Source.EvaluatedAt);
        Field<NonNullGraphType<FloatGraphType>>("expectedProgress").Resolve(c => c.Source.ExpectedProgress);
        Field<NonNullGraphType<FloatGraphType>>("progress").Description("The root unit's progress with every unit below it.").Resolve(c => c.Source.Root.ProgressWithDescendants);
        Field<NonNullGraphType<OkrTreeUnitGraphType>>("root").Resolve(c => c.Source.Root);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OkrTreeUnitGraphType>>>>("units").Description("Every unit of the tree, breadth first.")
            .WithComplexityImpact(1, ListSizes.TreeUnits)
            .Resolve(c => c.Source.Units);
    }
}
