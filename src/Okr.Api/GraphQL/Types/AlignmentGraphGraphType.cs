using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Queries.GetAlignmentGraph;

namespace Okr.Api.GraphQL.Types;

public sealed class AlignmentGraphGraphType : ObjectGraphType<AlignmentGraphView>
{
    public AlignmentGraphGraphType()
    {
        Name = "AlignmentGraph";
        Description = "Objectives as nodes and alignments as edges (child → parent), ready to draw.";
        Field<NonNullGraphType<PeriodGraphType>>("period").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<OrgUnitGraphType>>("rootUnit").Resolve(c => c.Source.RootUnit);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AlignmentNodeGraphType>>>>("nodes").Description("By level, then creation.")
            .WithComplexityImpact(1, ListSizes.GraphNodes)
            .Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AlignmentEdgeGraphType>>>>("edges")
            .WithComplexityImpact(1, ListSizes.GraphNodes)
            .Resolve(c => c.Source.Edges);
    }
}
