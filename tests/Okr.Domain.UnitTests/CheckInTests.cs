using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;

namespace Okr.Domain.UnitTests;

public class CheckInTests
{
    // Now is 15 August 2026, noon (Q3 expected progress 0.4946): on track from 0.4451, at risk from 0.3462.
    private static readonly DateTimeOffset Now = TestData.MidQ3;
    private static readonly DateOnly Yesterday = new(2026, 8, 14);
    private readonly Period _period = TestData.Q3();

    private CheckIn Record(KeyResult keyResult, Objective objective, CheckInEntry entry, DateTimeOffset? now = null) =>
        keyResult.RecordCheckIn(entry, objective, _period, TestData.Settings, TestData.PersonId, now ?? Now);

    private (Objective Objective, KeyResult KeyResult) Active(Measure? measure = null) =>
        TestData.Active(_period, measure ?? TestData.Increase(0, 100));

    [Fact]
    public void An_accepted_check_in_becomes_the_current_value()
    {
        var (objective, keyResult) = Active();

        var checkIn = Record(keyResult, objective, new CheckInEntry(50, 8, Yesterday, "  Two enterprise renewals  ", Blockers: "Legal review"));

        keyResult.CurrentValue.Should().Be(50);
        keyResult.CurrentValueDate.Should().Be(Yesterday);
        keyResult.Progress.Should().Be(0.5);
        checkIn.Should().BeEquivalentTo(new
        {
            KeyResultId = keyResult.Id,
            Value = 50m,
            Confidence = 8,
            EffectiveDate = Yesterday,
            Narrative = "Two enterprise renewals",
            Blockers = "Legal review",
            AuthorId = TestData.PersonId,
            RecordedAt = Now,
        });
    }

    [Theory]
    [InlineData(ObjectiveState.Draft)]
    [InlineData(ObjectiveState.Cancelled)]
    public void A_check_in_on_an_objective_that_is_not_active_is_refused(ObjectiveState state)
    {
        var objective = TestData.Draft(_period);
        var keyResult = objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(0, 100)), _period);
        if (state == ObjectiveState.Cancelled) objective.Cancel(Now);

        var act = () => { _ = Record(keyResult, objective, TestData.Entry(50, Yesterday)); };

        act.ShouldBeRefusedWith("check_in.objective_not_active");
    }

    [Fact]
    public void A_check_in_on_a_closed_objective_while_its_period_is_open_is_refused()
    {
        var (objective, keyResult) = Active();
        objective.Close(0.2, Now);

        var act = () => { _ = Record(keyResult, objective, TestData.Entry(50, Yesterday)); };

        act.ShouldBeRefusedWith("check_in.objective_closed");
    }

    [Theory]
    [InlineData(2026, 8, 15, null)]
    [InlineData(2026, 8, 16, "check_in.future_date")]
    [InlineData(2026, 7, 1, null)]
    [InlineData(2026, 6, 30, "check_in.outside_period")]
    public void A_check_in_is_dated_inside_the_period_and_not_in_the_future(int year, int month, int day, string? refusal)
    {
        var (objective, keyResult) = Active();

        var act = () => { _ = Record(keyResult, objective, TestData.Entry(50, new DateOnly(year, month, day))); };

        if (refusal is null) act.Should().NotThrow();
        else act.ShouldBeRefusedWith(refusal);
    }

    [Fact]
    public void A_check_in_dated_after_the_period_end_is_refused()
    {
        var (objective, keyResult) = Active();
        TestData.InState(_period, PeriodState.Review);

        var act = () => { _ = Record(keyResult, objective, TestData.Entry(50, new DateOnly(2026, 10, 1)), TestData.Utc(2026, 10, 2)); };

        act.ShouldBeRefusedWith("check_in.outside_period");
    }

    private (Objective Objective, KeyResult KeyResult) ClosedQuarter()
    {
        var (objective, keyResult) = Active();
        keyResult.GradeAtClose();
        objective.Close(0, _period.EndsAt);
        TestData.InState(_period, PeriodState.Closed);
        return (objective, keyResult);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(3 * 24 * 60 - 1, true)]
    [InlineData(3 * 24 * 60, false)]
    public void A_late_check_in_on_a_closed_period_is_accepted_only_within_the_grace_window(int minutesAfterEnd, bool accepted)
    {
        var (objective, keyResult) = ClosedQuarter();

        var act = () => { _ = Record(keyResult, objective, TestData.Entry(90, new DateOnly(2026, 9, 30)), _period.EndsAt.AddMinutes(minutesAfterEnd)); };

        if (accepted) act.Should().NotThrow();
        else act.ShouldBeRefusedWith("period.closed");
    }

    [Fact]
    public void The_grace_window_for_late_check_ins_follows_the_grace_days_setting()
    {
        var (objective, keyResult) = ClosedQuarter();
        var settings = TestData.Settings with { StalenessGraceDays = 10 };
        var entry = TestData.Entry(90, new DateOnly(2026, 9, 30));

        keyResult.RecordCheckIn(entry, objective, _period, settings, TestData.PersonId, _period.EndsAt.AddDays(9));
        var act = () => { _ = keyResult.RecordCheckIn(entry, objective, _period, settings, TestData.PersonId, _period.EndsAt.AddDays(10)); };

        act.ShouldBeRefusedWith("period.closed");
    }

    [Fact]
    public void A_late_check_in_on_a_closed_period_must_be_dated_inside_it()
    {
        var (objective, keyResult) = ClosedQuarter();

        var act = () => { _ = Record(keyResult, objective, TestData.Entry(90, new DateOnly(2026, 10, 1)), _period.EndsAt.AddDays(1)); };

        act.ShouldBeRefusedWith("check_in.outside_period");
    }

    [Fact]
    public void A_late_check_in_on_a_closed_objective_regrades_the_key_result()
    {
        var (objective, keyResult) = ClosedQuarter();
        keyResult.Grade.Should().Be(0);

        Record(keyResult, objective, TestData.Entry(90, new DateOnly(2026, 9, 30)), _period.EndsAt.AddDays(1));

        keyResult.CurrentValue.Should().Be(90);
        keyResult.Grade.Should().Be(0.9);
    }

    [Fact]
    public void A_late_check_in_on_a_closed_objective_needs_no_off_track_narrative()
    {
        var (objective, keyResult) = ClosedQuarter();

        Record(keyResult, objective, TestData.Entry(10, new DateOnly(2026, 9, 30)), _period.EndsAt.AddDays(1));

        keyResult.Grade.Should().Be(0.1);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(0.5, false)]
    [InlineData(2, false)]
    public void A_milestone_is_checked_in_as_zero_or_one(double value, bool accepted)
    {
        var (objective, keyResult) = Active(Measure.Milestone());

        var act = () => { _ = Record(keyResult, objective, TestData.Entry((decimal)value, Yesterday, "Vendor signed")); };

        if (accepted) act.Should().NotThrow();
        else act.ShouldBeRefusedWith("check_in.milestone_value");
    }

    [Fact]
    public void A_percentage_check_in_cannot_be_negative()
    {
        var (objective, keyResult) = Active(new Measure(MetricKind.Percentage, Direction.Decrease, 10, 0));

        var act = () => { _ = Record(keyResult, objective, TestData.Entry(-1, Yesterday, "Rounding")); };

        act.ShouldBeRefusedWith("key_result.percentage_negative");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Confidence_is_from_zero_to_ten(int confidence)
    {
        var (objective, keyResult) = Active();

        var act = () => { _ = Record(keyResult, objective, TestData.Entry(50, Yesterday, confidence: confidence)); };

        act.ShouldBeRefusedWith("check_in.confidence_out_of_range");
    }

    public static TheoryData<Measure, decimal> AgainstTheDirection => new()
    {
        { TestData.Increase(20, 120), 15 },
        { TestData.Decrease(100, 40), 105 },
        { new Measure(MetricKind.Number, Direction.StayAtLeast, 97, 95), 96 },
        { new Measure(MetricKind.Number, Direction.StayAtMost, 150, 200), 160 },
    };

    [Theory]
    [MemberData(nameof(AgainstTheDirection))]
    public void A_value_moving_against_the_direction_needs_a_narrative(Measure measure, decimal value)
    {
        var (objective, keyResult) = Active(measure);

        ((Action)(() => Record(keyResult, objective, TestData.Entry(value, Yesterday)))).ShouldBeRefusedWith("check_in.narrative_required");
        ((Action)(() => Record(keyResult, objective, TestData.Entry(value, Yesterday, "   ")))).ShouldBeRefusedWith("check_in.narrative_required");
        Record(keyResult, objective, TestData.Entry(value, Yesterday, "Seasonal dip"));
        keyResult.CurrentValue.Should().Be(value);
    }

    [Fact]
    public void A_value_below_the_previous_check_in_needs_a_narrative()
    {
        var (objective, keyResult) = Active();
        Record(keyResult, objective, TestData.Entry(50, new DateOnly(2026, 8, 10)));

        var act = () => { _ = Record(keyResult, objective, TestData.Entry(49, Yesterday)); };

        act.ShouldBeRefusedWith("check_in.narrative_required");
    }

    [Theory]
    [InlineData(34, null, false)]
    [InlineData(34, "Two deals slipped to Q4", true)]
    [InlineData(35, null, true)]
    public void A_value_that_would_put_the_key_result_off_track_needs_a_narrative(double value, string? narrative, bool accepted)
    {
        var (objective, keyResult) = Active();

        var act = () => { _ = Record(keyResult, objective, TestData.Entry((decimal)value, Yesterday, narrative)); };

        if (accepted) act.Should().NotThrow();
        else act.ShouldBeRefusedWith("check_in.narrative_required");
    }

    [Fact]
    public void A_backdated_check_in_does_not_replace_a_newer_value()
    {
        var (objective, keyResult) = Active();
        Record(keyResult, objective, TestData.Entry(60, new DateOnly(2026, 8, 10)));

        Record(keyResult, objective, TestData.Entry(70, new DateOnly(2026, 8, 5)));

        keyResult.CurrentValue.Should().Be(60);
        keyResult.CurrentValueDate.Should().Be(new DateOnly(2026, 8, 10));
    }

    [Fact]
    public void A_later_check_in_for_the_same_day_replaces_the_value()
    {
        var (objective, keyResult) = Active();
        Record(keyResult, objective, TestData.Entry(60, Yesterday));

        Record(keyResult, objective, TestData.Entry(65, Yesterday));

        keyResult.CurrentValue.Should().Be(65);
    }

    [Fact]
    public void A_deleted_key_result_takes_no_check_ins()
    {
        var objective = TestData.Draft(_period);
        objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(0, 100)), _period);
        var deleted = objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(0, 100)), _period);
        objective.Activate(_period, _period.StartsAt);
        deleted.Delete(objective, _period);

        var act = () => { _ = Record(deleted, objective, TestData.Entry(50, Yesterday)); };

        act.ShouldBeRefusedWith("key_result.deleted");
    }

    [Fact]
    public void A_value_beyond_the_maximum_magnitude_is_refused()
    {
        var (objective, keyResult) = Active();

        var act = () => { _ = Record(keyResult, objective, TestData.Entry(Measure.MaxMagnitude + 1, Yesterday)); };

        act.ShouldBeRefusedWith("key_result.value_out_of_range");
        keyResult.CurrentValue.Should().BeNull();
    }
}
