using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Queries.ObjectiveHistory;

namespace Okr.Api.GraphQL.Types;

public sealed class HistoryEntryGraphType : ObjectGraphType<HistoryEntryView>
{
    public HistoryEntryGraphType()
    {
        Name = "HistoryEntry";
        Description = "One change in an objective's history, from the audit trail: who, when, what and how.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The audit event's id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(c => c.Source.At);
        Field<PersonGraphType>("actor").Description("Who made the change; null for the system.")
            .Resolve(c => c.Source.ActorId is { } id ? c.Person(id) : null);
        Field<NonNullGraphType<HistoryKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("action").Description("The command that made the change, e.g. UpdateObjective, RecordCheckIn.")
            .Resolve(c => c.Source.Action);
        Field<NonNullGraphType<StringGraphType>>("entityType").Description("What changed: Objective, KeyResult, CheckIn, Alignment, Comment, …")
            .Resolve(c => c.Source.EntityType);
        Field<IdGraphType>("entityId").Resolve(c => c.Source.EntityId);
        Field<NonNullGraphType<StringGraphType>>("summary").Description("The change in words.").Resolve(c => c.Source.Summary);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldChangeGraphType>>>>("changes")
            .Description("The values that changed (what a creation set, what a deletion removed).")
            .Resolve(c => c.Source.Changes);
    }
}

public sealed class HistoryKindGraphType : EnumerationGraphType<HistoryKind>
{
    public HistoryKindGraphType()
    {
        Name = "HistoryKind";
        Description = "What kind of change a history entry records.";
    }
}
