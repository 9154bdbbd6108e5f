using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Objectives;

namespace Okr.Api.GraphQL.Types;

public sealed class AlignmentEdgeGraphType : ObjectGraphType<AlignmentView>
{
    public AlignmentEdgeGraphType()
    {
        Name = "AlignmentEdge";
        Description = "An alignment, from the child objective (source) to the parent objective (target).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("source").Description("The child objective.").Resolve(c => c.Source.ChildObjectiveId);
        Field<NonNullGraphType<IdGraphType>>("target").Description("The parent objective.").Resolve(c => c.Source.ParentObjectiveId);
        Field<IdGraphType>("targetKeyResultId").Description("When the child aligns to one of the parent's key results.").Resolve(c => c.Source.ParentKeyResultId);
        Field<NonNullGraphType<EnumerationGraphType<AlignmentKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<DecimalGraphType>>("weight").Resolve(c => c.Source.Weight);
        Field<NonNullGraphType<BooleanGraphType>>("counted").Description("Counts in the parent's progress (CONTRIBUTES).").Resolve(c => c.Source.Counted);
    }
}
