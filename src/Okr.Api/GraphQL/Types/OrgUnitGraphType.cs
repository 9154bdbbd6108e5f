using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Execution;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Units;

namespace Okr.Api.GraphQL.Types;

public sealed class OrgUnitGraphType : ObjectGraphType<UnitView>
{
    public OrgUnitGraphType()
    {
        Name = "OrgUnit";
        Description = "A node of the organisation tree: the company, a division, a department, a team.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<LongGraphType>>("version").Description("The REST ETag: send it in If-Match to change the unit or its members.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<EnumerationGraphType<UnitKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<OrgUnitGraphType>("parent").Resolve(c => c.Source.ParentId is { } id ? c.Unit(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrgUnitGraphType>>>>("children")
            .WithComplexityImpact(1, ListSizes.ChildUnits)
            .Resolve(c => c.Units().Then(units => units.ChildrenOf(c.Source.Id)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrgUnitGraphType>>>>("descendants")
            .Description("Every unit below this one, breadth first: the whole subtree in one list, however deep.")
            .WithComplexityImpact(1, ListSizes.Units)
            .Resolve(c => c.Units().Then(units => units.DescendantsOf(c.Source.Id)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrgUnitGraphType>>>>("ancestors").Description("From the parent up to the company.")
            .WithComplexityImpact(1, ListSizes.Work)
            .Resolve(c => c.Units().Then(units => units.AncestorsOf(c.Source.Id)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitMemberGraphType>>>>("members")
            .WithComplexityImpact(1, ListSizes.People)
            .Resolve(c => c.Source.Members);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ObjectiveGraphType>>>>("objectives")
            .Description("The unit's objectives in a period that the caller can see, every state.")
            .Argument<NonNullGraphType<IdGraphType>>("periodId")
            .Argument<BooleanGraphType>("includeDescendants", "Also the objectives of the units below it.", a => a.DefaultValue = false)
            .Argument<DateTimeOffsetGraphType>("asOf", "As they stood at this past instant (ISO 8601); default now.")
            .WithComplexityImpact(1, ListSizes.Objectives)
            .Resolve(c => c.UnitOkrs(c.Source.Id, c.Id("periodId"), c.GetArgument("includeDescendants", false), c.AsOf())
                .Then(okrs => okrs?.Objectives ?? []));
        Field<NonNullGraphType<FloatGraphType>>("progress")
            .Description("Unit progress in a period: the mean progress of its active and closed objectives, restricted ones included.")
            .Argument<NonNullGraphType<IdGraphType>>("periodId")
            .Argument<BooleanGraphType>("includeDescendants", "Also the objectives of the units below it.", a => a.DefaultValue = false)
            .Argument<DateTimeOffsetGraphType>("asOf", "As it stood at this past instant (ISO 8601); default now.")
            .Resolve(c => c.UnitOkrs(c.Source.Id, c.Id("periodId"), c.GetArgument("includeDescendants", false), c.AsOf())
                .Then(okrs => okrs?.Progress ?? 0));
    }
}
