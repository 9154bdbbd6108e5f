using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Objectives;

namespace Okr.Api.GraphQL.Types;

public sealed class AlignmentGraphType : ObjectGraphType<AlignmentView>
{
    public AlignmentGraphType()
    {
        Name = "Alignment";
        Description = "A link from a child objective up to a parent objective, or to one of the parent's key results.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<EnumerationGraphType<AlignmentKind>>>("kind")
            .Description("CONTRIBUTES counts in the parent's progress with its weight; SUPPORTS is shown, not counted.")
            .Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<DecimalGraphType>>("weight").Resolve(c => c.Source.Weight);
        Field<NonNullGraphType<BooleanGraphType>>("counted").Description("Counts in the parent's progress.").Resolve(c => c.Source.Counted);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<ObjectiveGraphType>>("child").Resolve(c => c.Objective(c.Source.ChildObjectiveId, c.Source.AsOf));
        Field<NonNullGraphType<ObjectiveGraphType>>("parent").Resolve(c => c.Objective(c.Source.ParentObjectiveId, c.Source.AsOf));
        Field<KeyResultGraphType>("parentKeyResult").Description("When the child aligns to one of the parent's key results (it never changes that key result's own progress).")
            .Resolve(c => c.Source.ParentKeyResultId is { } id ? c.KeyResult(id, c.Source.AsOf) : null);
    }
}
