using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Queries.GetOkrTree;
using Okr.Domain.Units;

namespace Okr.Api.GraphQL.Types;

public sealed class OkrTreeUnitGraphType : ObjectGraphType<OkrTreeUnitView>
{
    public OkrTreeUnitGraphType()
    {
        Name = "OkrTreeUnit";
        Description = "A unit in an OKR tree, with its objectives in the period and its progress.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Unit.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Unit.Name);
        Field<NonNullGraphType<EnumerationGraphType<UnitKind>>>("kind").Resolve(c => c.Source.Unit.Kind);
        Field<IdGraphType>("parentId").Resolve(c => c.Source.Unit.ParentId);
        Field<NonNullGraphType<IntGraphType>>("depth").Description("0 for the root of the tree.").Resolve(c => c.Source.Depth);
        Field<NonNullGraphType<OrgUnitGraphType>>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<FloatGraphType>>("progress")
            .Description("The mean progress of the unit's own active and closed objectives, restricted ones included.")
            .Resolve(c => c.Source.Progress);
        Field<NonNullGraphType<FloatGraphType>>("progressWithDescendants").Description("The same over the unit and every unit below it.")
            .Resolve(c => c.Source.ProgressWithDescendants);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ObjectiveGraphType>>>>("objectives").Description("The unit's objectives the caller can see, every state.")
            .WithComplexityImpact(1, ListSizes.Objectives)
            .Resolve(c => c.Source.Objectives);
        Field<NonNullGraphType<IntGraphType>>("hiddenObjectiveCount").Description("Restricted objectives of the unit the caller cannot see (still counted in progress).")
            .Resolve(c => c.Source.HiddenObjectiveCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OkrTreeUnitGraphType>>>>("children")
            .WithComplexityImpact(1, ListSizes.ChildUnits)
            .Resolve(c => c.Source.Children);
    }
}
