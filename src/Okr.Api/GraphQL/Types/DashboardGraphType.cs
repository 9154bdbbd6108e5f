using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Queries.GetDashboard;

namespace Okr.Api.GraphQL.Types;

public sealed class DashboardGraphType : ObjectGraphType<DashboardView>
{
    public DashboardGraphType()
    {
        Name = "Dashboard";
        Description = "The executive binder of a unit for a period: progress against plan, statuses, what needs attention, the roadmap.";
        Field<NonNullGraphType<PeriodGraphType>>("period").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<OrgUnitGraphType>>("unit").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<BooleanGraphType>>("includeDescendants").Resolve(c => c.Source.IncludeDescendants);
        Field<DateTimeOffsetGraphType>("asOf").Description("The instant asked for; null: now.").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("evaluatedAt").Resolve(c => c.Source.EvaluatedAt);
        Field<NonNullGraphType<FloatGraphType>>("progress")
            .Description("The mean progress of the active and closed objectives in scope, restricted ones included.")
            .Resolve(c => c.Source.Progress);
        Field<NonNullGraphType<FloatGraphType>>("expectedProgress").Description("The share of the period elapsed.").Resolve(c => c.Source.ExpectedProgress);
        Field<NonNullGraphType<IntGraphType>>("objectiveCount").Description("Active and closed objectives in scope.").Resolve(c => c.Source.ObjectiveCount);
        Field<NonNullGraphType<IntGraphType>>("keyResultCount")
            .Description("Their key results, and those the units in scope own on other objectives of the period.")
            .Resolve(c => c.Source.KeyResultCount);
        Field<NonNullGraphType<IntGraphType>>("hiddenObjectiveCount").Description("Objectives in scope the caller cannot see (counted in the numbers).")
            .Resolve(c => c.Source.HiddenObjectiveCount);
        Field<NonNullGraphType<StatusCountsGraphType>>("objectivesByStatus").Resolve(c => c.Source.ObjectivesByStatus);
        Field<NonNullGraphType<StatusCountsGraphType>>("keyResultsByStatus").Resolve(c => c.Source.KeyResultsByStatus);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FlaggedKeyResultGraphType>>>>("atRisk")
            .WithComplexityImpact(1, ListSizes.Objectives).Resolve(c => c.Source.AtRisk);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FlaggedKeyResultGraphType>>>>("offTrack")
            .WithComplexityImpact(1, ListSizes.Objectives).Resolve(c => c.Source.OffTrack);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FlaggedKeyResultGraphType>>>>("stale").Description("Key results without a check-in within cadence and grace.")
            .WithComplexityImpact(1, ListSizes.Objectives).Resolve(c => c.Source.Stale);
        Field<FloatGraphType>("checkInCompliance")
            .Description("The share of active key results checked in within the cadence window; null without any.")
            .Resolve(c => c.Source.CheckInCompliance);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InitiativeGraphType>>>>("blockedInitiatives")
            .WithComplexityImpact(1, ListSizes.Work).Resolve(c => c.Source.BlockedInitiatives);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CheckpointGraphType>>>>("upcomingCheckpoints")
            .WithComplexityImpact(1, ListSizes.Checkpoints).Resolve(c => c.Source.UpcomingCheckpoints);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CheckpointGraphType>>>>("overdueCheckpoints").Description("Past checkpoints not marked done.")
            .WithComplexityImpact(1, ListSizes.Checkpoints).Resolve(c => c.Source.OverdueCheckpoints);
    }
}
