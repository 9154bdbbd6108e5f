using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Computations;
using Okr.Domain.KeyResults;

namespace Okr.Api.GraphQL.Types;

public sealed class KeyResultGraphType : ObjectGraphType<KeyResultView>
{
    public KeyResultGraphType()
    {
        Name = "KeyResult";
        Description = "How an objective's success is measured, with its value, progress, status and forecast (as of asOf when asked so).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<LongGraphType>>("version").Description("The REST ETag: send it in If-Match to change the key result.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<ObjectiveGraphType>>("objective").Resolve(c => c.Objective(c.Source.ObjectiveId, c.Source.AsOf));
        Field<NonNullGraphType<OrgUnitGraphType>>("owningUnit").Description("May differ from the objective's unit.").Resolve(c => c.Unit(c.Source.OwningUnitId));
        Field<PersonGraphType>("owner").Resolve(c => c.Source.OwnerId is { } id ? c.Person(id) : null);
        Field<NonNullGraphType<EnumerationGraphType<MetricKind>>>("metricKind").Resolve(c => c.Source.MetricKind);
        Field<NonNullGraphType<EnumerationGraphType<Direction>>>("direction").Resolve(c => c.Source.Direction);
        Field<StringGraphType>("currencyCode").Resolve(c => c.Source.CurrencyCode);
        Field<StringGraphType>("unitLabel").Description("What the numbers count (tickets/month, % of accounts).").Resolve(c => c.Source.UnitLabel);
        Field<DecimalGraphType>("baseline").Resolve(c => c.Source.Baseline);
        Field<DateOnlyGraphType>("baselineMeasuredAt").Resolve(c => c.Source.BaselineMeasuredAt);
        Field<StringGraphType>("baselineMethod").Resolve(c => c.Source.BaselineMethod);
        Field<DecimalGraphType>("target").Resolve(c => c.Source.Target);
        Field<DecimalGraphType>("currentValue").Description("The value of the latest check-in (by effective date) known at asOf; null before the first.").Resolve(c => c.Source.CurrentValue);
        Field<DateOnlyGraphType>("currentValueDate").Resolve(c => c.Source.CurrentValueDate);
        Field<NonNullGraphType<DecimalGraphType>>("weight").Resolve(c => c.Source.Weight);
        Field<NonNullGraphType<BooleanGraphType>>("isFinancial").Resolve(c => c.Source.IsFinancial);
        Field<NonNullGraphType<IntGraphType>>("sortOrder").Resolve(c => c.Source.SortOrder);
        Field<DateTimeOffsetGraphType>("asOf").Description("The instant these values were asked for; null: now.").Resolve(c => c.Source.AsOf);

        Field<NonNullGraphType<FloatGraphType>>("progress").Description("0 to 1, from baseline, target and current value.").Resolve(c => c.Source.Progress);
        Field<NonNullGraphType<FloatGraphType>>("expectedProgress").Description("The share of the period elapsed, 0 to 1.").Resolve(c => c.Source.ExpectedProgress);
        Field<OkrStatusGraphType>("status")
            .Description("Closed: ACHIEVED or MISSED; no recent check-in: STALE; before the period: NOT_STARTED; else by progress against expected progress. Null once the objective is cancelled.")
            .Resolve(c => c.Source.Status);
        Field<IntGraphType>("latestConfidence").Description("0 to 10, from the latest check-in.").Resolve(c => c.Source.LatestConfidence);
        Field<DateTimeOffsetGraphType>("lastCheckInAt").Description("When the last check-in was recorded.").Resolve(c => c.Source.LastCheckInAt);
        Field<NonNullGraphType<BooleanGraphType>>("checkInDue")
            .Description("Active, and not checked in within the current cadence window (the organisation's check-in cadence, weekly by default).")
            .Resolve(c => c.Source.CheckInDue);
        Field<NonNullGraphType<IntGraphType>>("checkInCount").Resolve(c => c.Source.CheckInCount);
        Field<ForecastGraphType>("forecast").Description("A least-squares trend of the period's check-ins projected to its end; null with fewer than two check-in days.")
            .Resolve(c => c.Source.Forecast);
        Field<FloatGraphType>("grade").Description("Once closed: the grade that counts (an override, else the computed one).").Resolve(c => c.Source.Grade);
        Field<FloatGraphType>("computedGrade").Resolve(c => c.Source.ComputedGrade);
        Field<FloatGraphType>("gradeOverride").Resolve(c => c.Source.GradeOverride);
        Field<StringGraphType>("gradeOverrideReason").Resolve(c => c.Source.GradeOverrideReason);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CheckInGraphType>>>>("checkIns")
            .Description("The check-in history known at asOf, newest first (by effective date).")
            .Argument<IntGraphType>("last", "Only the most recent ones.")
            .WithComplexityImpact(1, ListSizes.CheckIns)
            .Resolve(c =>
            {
                var last = c.GetArgument<int?>("last");
                return c.CheckIns(c.Source.Id, c.Source.AsOf).Then(all => last is { } n ? all.Take(Math.Max(0, n)).ToList() : all);
            });
        Field<CheckInGraphType>("latestCheckIn").Description("The check-in that gives the current value, with its narrative.")
            .Resolve(c => c.LatestCheckIn(c.Source.Id, c.Source.AsOf));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<InitiativeGraphType>>>>("initiatives").Description("The work that should move it.")
            .WithComplexityImpact(1, ListSizes.Work)
            .Resolve(c => c.Initiatives(c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiGraphType>>>>("kpis").Description("Health metrics watched next to it.")
            .WithComplexityImpact(1, ListSizes.Work)
            .Resolve(c => c.Kpis(c.Source.Id, c.Source.AsOf));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AnnotationGraphType>>>>("annotations").Description("Dated changes in the world, for its chart.")
            .WithComplexityImpact(1, ListSizes.Work)
            .Resolve(c => c.Annotations(c.Source.Id, c.Source.AsOf));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CommentGraphType>>>>("comments")
            .WithComplexityImpact(1, ListSizes.Work)
            .Resolve(c => c.KeyResultComments(c.Source.Id, c.Source.AsOf));
    }
}
