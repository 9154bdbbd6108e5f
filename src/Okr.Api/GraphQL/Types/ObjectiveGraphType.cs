using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Queries.ObjectiveHistory;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Computations;
using Okr.Domain.Objectives;

namespace Okr.Api.GraphQL.Types;

public sealed class ObjectiveGraphType : ObjectGraphType<ObjectiveView>
{
    public ObjectiveGraphType()
    {
        Name = "Objective";
        Description = "What a unit wants to achieve, with its computed progress, status and grade (as of asOf when asked so).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<LongGraphType>>("version").Description("The REST ETag: send it in If-Match to change the objective.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<EnumerationGraphType<ObjectiveType>>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<EnumerationGraphType<ObjectiveState>>>("state").Description("The state at asOf (from activation and closing times), else now.").Resolve(c => c.Source.State);
        Field<NonNullGraphType<EnumerationGraphType<Visibility>>>("visibility").Resolve(c => c.Source.Visibility);
        Field<StringGraphType>("successCriteria").Description("What success looks like.").Resolve(c => c.Source.SuccessCriteria);
        Field<StringGraphType>("targetAudience").Resolve(c => c.Source.TargetAudience);
        Field<StringGraphType>("risks").Resolve(c => c.Source.Risks);
        Field<StringGraphType>("dependencies").Resolve(c => c.Source.Dependencies);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("activatedAt").Resolve(c => c.Source.ActivatedAt);
        Field<DateTimeOffsetGraphType>("closedAt").Resolve(c => c.Source.ClosedAt);
        Field<DateTimeOffsetGraphType>("asOf").Description("The instant these values were asked for; null: now.").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<PeriodGraphType>>("period").Resolve(c => c.Period(c.Source.PeriodId));
        Field<NonNullGraphType<OrgUnitGraphType>>("owningUnit").Resolve(c => c.Unit(c.Source.OwningUnitId));
        Field<PersonGraphType>("owner").Description("The directly responsible individual.").Resolve(c => c.Source.OwnerId is { } id ? c.Person(id) : null);
        Field<FocusAreaGraphType>("focusArea").Resolve(c => c.Source.FocusAreaId is { } id ? c.FocusArea(id) : null);
        Field<ObjectiveGraphType>("rolledOverFrom").Description("The objective of an earlier period this one continues.")
            .Resolve(c => c.Source.RolledOverFromId is { } id ? c.Objective(id, c.Source.AsOf) : null);

        Field<NonNullGraphType<FloatGraphType>>("progress")
            .Description("0 to 1: the weighted mean of its key results' progress, each contributing child objective counting as one more weighted item.")
            .Resolve(c => c.Source.Progress);
        Field<NonNullGraphType<FloatGraphType>>("expectedProgress").Description("The share of the period elapsed, 0 to 1.").Resolve(c => c.Source.ExpectedProgress);
        Field<OkrStatusGraphType>("status")
            .Description("The worst status among its key results (stale counts as at risk); NOT_STARTED for a draft; null once cancelled.")
            .Resolve(c => c.Source.Status);
        Field<FloatGraphType>("grade").Description("Once closed: the grade that counts (an override, else the computed one).").Resolve(c => c.Source.Grade);
        Field<FloatGraphType>("computedGrade").Description("Once closed: the weighted mean of the key results' grades.").Resolve(c => c.Source.ComputedGrade);
        Field<FloatGraphType>("gradeOverride").Resolve(c => c.Source.GradeOverride);
        Field<StringGraphType>("gradeOverrideReason").Resolve(c => c.Source.GradeOverrideReason);
        Field<RetrospectiveGraphType>("retrospective").Resolve(c => c.Source.Retrospective);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KeyResultGraphType>>>>("keyResults").Description("In their order.")
            .WithComplexityImpact(1, ListSizes.KeyResults)
            .Resolve(c => c.Source.KeyResults);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AlignmentGraphType>>>>("parents")
            .Description("The objectives (or their key results) this one aligns to, that the caller can see.")
            .WithComplexityImpact(1, ListSizes.Alignments)
            .Resolve(c => c.Source.Parents);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AlignmentGraphType>>>>("children")
            .Description("The objectives aligned to this one (or to its key results) that the caller can see.")
            .WithComplexityImpact(1, ListSizes.Alignments)
            .Resolve(c => c.Source.Children);
        Field<NonNullGraphType<IntGraphType>>("hiddenChildCount")
            .Description("Children the caller cannot see (restricted): they still count in progress.")
            .Resolve(c => c.Source.HiddenChildCount);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommentGraphType>>>>("comments")
            .WithComplexityImpact(1, ListSizes.Work)
            .Resolve(c => c.ObjectiveComments(c.Source.Id, c.Source.AsOf));
        Field<NonNullGraphType<BooleanGraphType>>("isFollowedByMe")
            .Description("Whether the caller follows it (hears of its comments and of key results turning at risk or off track). Follow with REST PUT /api/objectives/{id}/follow.")
            .Resolve(c => c.Following(c.Source.Id).Then(f => f.IsFollowedByMe));
        Field<NonNullGraphType<IntGraphType>>("followerCount").Description("How many people follow it.")
            .Resolve(c => c.Following(c.Source.Id).Then(f => f.FollowerCount));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RaciEntryGraphType>>>>("raci")
            .Description("Responsible, accountable, consulted and informed people.")
            .WithComplexityImpact(1, ListSizes.People)
            .Resolve(c => c.Raci(c.Source.Id));
        Field<NonNullGraphType<HistoryConnectionGraphType>>("history")
            .Description("What changed, newest first, from the audit trail: the objective and its key results, check-ins, alignments, comments, RACI and links. Not affected by asOf.")
            .Argument<IntGraphType>("first", $"Page size, at most {GetObjectiveHistory.MaxPageSize}.", a => a.DefaultValue = GetObjectiveHistory.DefaultPageSize)
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .WithComplexityImpact(1, ListSizes.History)
            .Resolve(c => c.History(c.Source.Id, c.GetArgument("first", GetObjectiveHistory.DefaultPageSize), c.GetArgument<string?>("after")));
    }
}
