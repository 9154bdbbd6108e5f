using Okr.Domain.Common;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Organizations;
using Okr.Domain.Periods;

namespace Okr.Domain.UnitTests;

/// <summary>Small builders shared by the tests. Q3 2026 runs from 1 July to 30 September (92 days).</summary>
internal static class TestData
{
    public static readonly Guid OrgId = Guid.CreateVersion7();
    public static readonly Guid UnitId = Guid.CreateVersion7();
    public static readonly Guid PersonId = Guid.CreateVersion7();
    public static readonly OrganizationSettings Settings = OrganizationSettings.Default;

    /// <summary>A moment in the middle of Q3 2026: 15 August, noon UTC (expected progress 45.5 / 92).</summary>
    public static readonly DateTimeOffset MidQ3 = Utc(2026, 8, 15, 12);

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    public static Period Q3(PeriodState state = PeriodState.Active) =>
        InState(new Period(OrgId, "Q3 2026", PeriodKind.Quarter, new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), state);

    public static Period Q4(PeriodState state = PeriodState.Planning) =>
        InState(new Period(OrgId, "Q4 2026", PeriodKind.Quarter, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), state);

    /// <summary>Walks planning → active → review → closed until the period is in <paramref name="state"/>.</summary>
    public static Period InState(Period period, PeriodState state)
    {
        foreach (var step in new[] { PeriodState.Active, PeriodState.Review, PeriodState.Closed })
        {
            if (period.State >= state) break;
            if (period.State < step) period.MoveTo(step);
        }
        return period;
    }

    public static Measure Increase(decimal? baseline, decimal? target) => new(MetricKind.Number, Direction.Increase, baseline, target);

    public static Measure Decrease(decimal? baseline, decimal? target) => new(MetricKind.Number, Direction.Decrease, baseline, target);

    public static ObjectiveDetails ObjectiveDetails(string title = "Make it easy for the right customers to buy", ObjectiveType type = ObjectiveType.Committed) =>
        new(title, UnitId, type, OwnerId: PersonId);

    public static KeyResultDetails KeyResultDetails(Measure measure, string title = "Net revenue retention", decimal weight = 1, bool isFinancial = false) =>
        new(title, UnitId, measure, PersonId, BaselineMethod: "Finance dashboard, trailing 90 days", Weight: weight, IsFinancial: isFinancial);

    public static Objective Draft(Period period, ObjectiveType type = ObjectiveType.Committed) =>
        new(OrgId, period, ObjectiveDetails(type: type), Utc(2026, 6, 20));

    /// <summary>An active objective with one key result measured by <paramref name="measure"/>, activated at the period start.</summary>
    public static (Objective Objective, KeyResult KeyResult) Active(Period period, Measure measure)
    {
        var objective = Draft(period);
        var keyResult = objective.AddKeyResult(KeyResultDetails(measure), period);
        objective.Activate(period, period.StartsAt);
        return (objective, keyResult);
    }

    public static CheckInEntry Entry(decimal value, DateOnly effectiveDate, string? narrative = null, int confidence = 7) =>
        new(value, confidence, effectiveDate, narrative);

    public static void ShouldBeRefusedWith(this Action act, string code) =>
        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(code);
}
