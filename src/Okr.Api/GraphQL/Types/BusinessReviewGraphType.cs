using GraphQL;
using GraphQL.Types;
using Okr.Application.Reviews.Queries.BusinessReviews;
using Okr.Domain.Reviews;

namespace Okr.Api.GraphQL.Types;

public sealed class BusinessReviewGraphType : ObjectGraphType<BusinessReviewView>
{
    public BusinessReviewGraphType()
    {
        Name = "BusinessReview";
        Description = "A unit's business review of a period (the unit and the units below it), computed as of asOf and never changed after it was published: a correction is a new review. Its numbers are the dashboard's at that instant; public objectives are listed, restricted ones only counted.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("unitId").Resolve(c => c.Source.UnitId);
        Field<NonNullGraphType<StringGraphType>>("unitName").Description("As it was named when published.").Resolve(c => c.Source.Document.UnitName);
        Field<NonNullGraphType<IdGraphType>>("periodId").Resolve(c => c.Source.PeriodId);
        Field<NonNullGraphType<StringGraphType>>("periodName").Resolve(c => c.Source.Document.PeriodName);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("asOf").Description("The instant every number is computed at.").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<EnumerationGraphType<ReviewTrigger>>>("trigger").Resolve(c => c.Source.Trigger);
        Field<DateTimeOffsetGraphType>("scheduledFor").Description("The schedule's instant; null on demand.").Resolve(c => c.Source.ScheduledFor);
        Field<StringGraphType>("requestedByName").Description("Who asked for it (on demand).").Resolve(c => c.Source.Document.RequestedByName);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Description("When it was published.").Resolve(c => c.Source.CreatedAt);
        Field<IdGraphType>("previousReviewId").Description("The review of the same unit and period just before, which the changes compare with.").Resolve(c => c.Source.Document.PreviousReviewId);
        Field<DateTimeOffsetGraphType>("previousAsOf").Resolve(c => c.Source.Document.PreviousAsOf);
        Field<NonNullGraphType<FloatGraphType>>("progress").Description("The unit's progress with the units below it, as the dashboard computes it.").Resolve(c => c.Source.Document.Progress);
        Field<NonNullGraphType<FloatGraphType>>("expectedProgress").Resolve(c => c.Source.Document.ExpectedProgress);
        Field<FloatGraphType>("progressDelta").Description("Progress minus the previous review's; null for the first.").Resolve(c => c.Source.Document.ProgressDelta);
        Field<NonNullGraphType<IntGraphType>>("objectiveCount").Resolve(c => c.Source.Document.ObjectiveCount);
        Field<NonNullGraphType<IntGraphType>>("keyResultCount").Resolve(c => c.Source.Document.KeyResultCount);
        Field<NonNullGraphType<IntGraphType>>("hiddenObjectiveCount").Description("Restricted objectives: counted, not listed.").Resolve(c => c.Source.Document.HiddenObjectiveCount);
        Field<NonNullGraphType<StatusCountsGraphType>>("objectivesByStatus").Resolve(c => c.Source.Document.ObjectivesByStatus);
        Field<NonNullGraphType<StatusCountsGraphType>>("keyResultsByStatus").Resolve(c => c.Source.Document.KeyResultsByStatus);
        Field<FloatGraphType>("checkInCompliance").Resolve(c => c.Source.Document.CheckInCompliance);
        Field<FloatGraphType>("checkInComplianceDelta").Resolve(c => c.Source.Document.CheckInComplianceDelta);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewObjectiveGraphType>>>>("objectives").Resolve(c => c.Source.Document.Objectives);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewFlaggedKeyResultGraphType>>>>("atRisk").Resolve(c => c.Source.Document.AtRisk);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewFlaggedKeyResultGraphType>>>>("offTrack").Resolve(c => c.Source.Document.OffTrack);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewFlaggedKeyResultGraphType>>>>("stale").Resolve(c => c.Source.Document.Stale);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewInitiativeGraphType>>>>("blockedInitiatives").Resolve(c => c.Source.Document.BlockedInitiatives);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CheckpointGraphType>>>>("upcomingCheckpoints").Resolve(c => c.Source.Document.UpcomingCheckpoints);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CheckpointGraphType>>>>("overdueCheckpoints").Resolve(c => c.Source.Document.OverdueCheckpoints);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewHelpRequestGraphType>>>>("helpRequested")
            .Description("Help or decisions owners asked for: the blockers of their latest check-ins.").Resolve(c => c.Source.Document.HelpRequested);
        Field<NonNullGraphType<StringGraphType>>("markdownUrl").Description("Where to download it as Markdown.").Resolve(c => $"/api/business-reviews/{c.Source.Id}/markdown");
    }
}
