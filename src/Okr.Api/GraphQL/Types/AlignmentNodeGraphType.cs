using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Queries.GetAlignmentGraph;
using Okr.Domain.Computations;
using Okr.Domain.Objectives;

namespace Okr.Api.GraphQL.Types;

public sealed class AlignmentNodeGraphType : ObjectGraphType<AlignmentNodeView>
{
    public AlignmentNodeGraphType()
    {
        Name = "AlignmentNode";
        Description = "An objective in the alignment graph.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The objective's id.").Resolve(c => c.Source.Objective.Id);
        Field<NonNullGraphType<StringGraphType>>("label").Description("The objective's title.").Resolve(c => c.Source.Objective.Title);
        Field<NonNullGraphType<IdGraphType>>("unitId").Resolve(c => c.Source.Objective.OwningUnitId);
        Field<NonNullGraphType<StringGraphType>>("unitName")
            .Resolve(c => c.Unit(c.Source.Objective.OwningUnitId).Then(unit => unit?.Name ?? string.Empty));
        Field<NonNullGraphType<FloatGraphType>>("progress").Resolve(c => c.Source.Objective.Progress);
        Field<OkrStatusGraphType>("status").Resolve(c => c.Source.Objective.Status);
        Field<NonNullGraphType<EnumerationGraphType<ObjectiveState>>>("state").Resolve(c => c.Source.Objective.State);
        Field<NonNullGraphType<BooleanGraphType>>("external")
            .Description("Outside the requested units or period: shown because an objective inside links to it.")
            .Resolve(c => c.Source.External);
        Field<NonNullGraphType<IntGraphType>>("level").Description("The longest chain of parents above it in the graph (0: a top objective), for layered layouts.")
            .Resolve(c => c.Source.Level);
        Field<NonNullGraphType<ObjectiveGraphType>>("objective").Resolve(c => c.Source.Objective);
    }
}
