using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;

namespace Okr.Domain.UnitTests;

public class ObjectiveLifecycleTests
{
    private static readonly DateTimeOffset Now = TestData.MidQ3;
    private readonly Period _period = TestData.Q3();

    [Fact]
    public void A_new_objective_is_a_draft_in_its_period()
    {
        var objective = TestData.Draft(_period);

        objective.State.Should().Be(ObjectiveState.Draft);
        objective.PeriodId.Should().Be(_period.Id);
        objective.ActivatedAt.Should().BeNull();
    }

    [Fact]
    public void An_objective_cannot_be_created_in_a_closed_period()
    {
        var closed = TestData.Q3(PeriodState.Closed);

        var act = () => { _ = TestData.Draft(closed); };

        act.ShouldBeRefusedWith("period.closed");
    }

    [Fact]
    public void Activating_a_draft_with_a_measurable_key_result_makes_it_active()
    {
        var objective = TestData.Draft(_period);
        objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(10, null)), _period);
        objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(10, 20)), _period);

        objective.Activate(_period, Now);

        objective.State.Should().Be(ObjectiveState.Active);
        objective.ActivatedAt.Should().Be(Now);
    }

    public static TheoryData<string> UnmeasurableSetups => ["none", "no target", "target equals baseline", "only a deleted one"];

    [Theory]
    [MemberData(nameof(UnmeasurableSetups))]
    public void Activation_needs_a_live_measurable_key_result(string setup)
    {
        var objective = TestData.Draft(_period);
        switch (setup)
        {
            case "no target":
                objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(10, null)), _period);
                break;
            case "target equals baseline":
                objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(10, 10)), _period);
                break;
            case "only a deleted one":
                objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(10, 20)), _period).Delete(objective, _period);
                break;
        }

        var act = () => objective.Activate(_period, Now);

        act.ShouldBeRefusedWith("objective.needs_measurable_key_result");
        objective.State.Should().Be(ObjectiveState.Draft);
    }

    [Fact]
    public void Only_a_draft_can_be_activated()
    {
        var (active, _) = TestData.Active(_period, TestData.Increase(0, 10));
        var (cancelled, _) = TestData.Active(_period, TestData.Increase(0, 10));
        cancelled.Cancel(Now);

        ((Action)(() => active.Activate(_period, Now))).ShouldBeRefusedWith("objective.invalid_transition");
        ((Action)(() => cancelled.Activate(_period, Now))).ShouldBeRefusedWith("objective.invalid_transition");
    }

    [Fact]
    public void Activation_needs_an_open_period()
    {
        var objective = TestData.Draft(_period);
        objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(0, 10)), _period);
        TestData.InState(_period, PeriodState.Closed);

        var act = () => objective.Activate(_period, Now);

        act.ShouldBeRefusedWith("period.closed");
    }

    public static TheoryData<string> Edits => ["Objective.Edit", "Objective.AddKeyResult", "Objective.SetRaci", "Objective.ReorderKeyResults",
        "KeyResult.Edit", "KeyResult.ChangeWeight", "KeyResult.Delete"];

    private static Action Edit(string edit, Objective objective, KeyResult keyResult, Period period) => edit switch
    {
        "Objective.Edit" => () => objective.Edit(TestData.ObjectiveDetails("Renamed"), period),
        "Objective.AddKeyResult" => () => objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(0, 1)), period),
        "Objective.SetRaci" => () => objective.SetRaci([(TestData.PersonId, RaciRole.Accountable)], period),
        "Objective.ReorderKeyResults" => () => objective.ReorderKeyResults([keyResult.Id], period),
        "KeyResult.Edit" => () => keyResult.Edit(TestData.KeyResultDetails(TestData.Increase(0, 50)), objective, period),
        "KeyResult.ChangeWeight" => () => keyResult.ChangeWeight(2, objective, period),
        "KeyResult.Delete" => () => keyResult.Delete(objective, period),
        _ => throw new ArgumentOutOfRangeException(nameof(edit)),
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void A_closed_period_refuses_edits(string edit)
    {
        var (objective, keyResult) = TestData.Active(_period, TestData.Increase(0, 10));
        TestData.InState(_period, PeriodState.Closed);

        Edit(edit, objective, keyResult, _period).ShouldBeRefusedWith("period.closed");
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void A_closed_objective_refuses_edits_while_its_period_is_open(string edit)
    {
        var (objective, keyResult) = TestData.Active(_period, TestData.Increase(0, 10));
        objective.Close(0.5, Now);

        Edit(edit, objective, keyResult, _period).ShouldBeRefusedWith("objective.read_only");
    }

    [Fact]
    public void An_active_objective_can_still_be_edited()
    {
        var (objective, _) = TestData.Active(_period, TestData.Increase(0, 10));

        objective.Edit(TestData.ObjectiveDetails("Delight the right customers"), _period);

        objective.Title.Should().Be("Delight the right customers");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1000.5)]
    public void A_key_result_weight_lies_between_zero_and_a_thousand(double weight)
    {
        var objective = TestData.Draft(_period);

        var act = () => { _ = objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(0, 10), weight: (decimal)weight), _period); };

        act.ShouldBeRefusedWith("key_result.weight_out_of_range");
    }

    [Fact]
    public void Key_results_are_reordered_when_each_is_named_once()
    {
        var objective = TestData.Draft(_period);
        var first = objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(0, 10)), _period);
        var second = objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(0, 10)), _period);

        ((Action)(() => objective.ReorderKeyResults([second.Id], _period))).ShouldBeRefusedWith("key_result.reorder_mismatch");
        ((Action)(() => objective.ReorderKeyResults([second.Id, second.Id], _period))).ShouldBeRefusedWith("key_result.reorder_mismatch");
        objective.ReorderKeyResults([second.Id, first.Id], _period);

        (second.SortOrder, first.SortOrder).Should().Be((0, 1));
    }

    [Fact]
    public void Raci_has_at_most_one_accountable_person()
    {
        var objective = TestData.Draft(_period);

        var act = () => objective.SetRaci([(Guid.CreateVersion7(), RaciRole.Accountable), (Guid.CreateVersion7(), RaciRole.Accountable)], _period);

        act.ShouldBeRefusedWith("objective.raci_accountable");
    }

    [Fact]
    public void Closing_records_the_rounded_grade()
    {
        var (objective, _) = TestData.Active(_period, TestData.Increase(0, 10));

        objective.Close(0.675, Now);

        objective.State.Should().Be(ObjectiveState.Closed);
        objective.Grade.Should().Be(0.68);
        objective.ClosedAt.Should().Be(Now);
    }

    [Fact]
    public void Closed_and_cancelled_objectives_cannot_be_closed_or_cancelled_again()
    {
        var (closed, _) = TestData.Active(_period, TestData.Increase(0, 10));
        closed.Close(0.5, Now);
        var cancelled = TestData.Draft(_period);
        cancelled.Cancel(Now);

        ((Action)(() => closed.Close(0.5, Now))).ShouldBeRefusedWith("objective.invalid_transition");
        ((Action)(() => closed.Cancel(Now))).ShouldBeRefusedWith("objective.invalid_transition");
        ((Action)(() => cancelled.Close(0.5, Now))).ShouldBeRefusedWith("objective.invalid_transition");
    }

    [Fact]
    public void Regrading_changes_the_computed_grade_and_keeps_the_override()
    {
        var (objective, _) = TestData.Active(_period, TestData.Increase(0, 10));
        ((Action)(() => objective.Regrade(0.5))).ShouldBeRefusedWith("objective.not_closed");
        objective.Close(0.4, Now);
        objective.OverrideGrade(0.9, "Partner deal closed off-platform");

        objective.Regrade(0.555);

        objective.Grade.Should().Be(0.56);
        objective.FinalGrade.Should().Be(0.9);
    }

    [Fact]
    public void An_objective_grade_override_needs_a_closed_objective_and_a_reason()
    {
        var (objective, _) = TestData.Active(_period, TestData.Increase(0, 10));
        ((Action)(() => objective.OverrideGrade(0.9, "Because"))).ShouldBeRefusedWith("objective.not_closed");
        objective.Close(0.4, Now);

        ((Action)(() => objective.OverrideGrade(0.9, " "))).ShouldBeRefusedWith("grade.reason_required");
        ((Action)(() => objective.OverrideGrade(1.5, "Because"))).ShouldBeRefusedWith("grade.out_of_range");
    }

    [Fact]
    public void Only_a_draft_can_be_deleted()
    {
        var draft = TestData.Draft(_period);
        var (active, _) = TestData.Active(_period, TestData.Increase(0, 10));

        draft.EnsureDeletable();
        ((Action)active.EnsureDeletable).ShouldBeRefusedWith("objective.not_draft");
    }

    // Roll-over: done (100 of 0 → 100), half-way (60 of 20 → 120), milestone not done, never checked in, deleted.
    private (Objective Objective, KeyResult[] KeyResults) QuarterToRollOver()
    {
        var objective = TestData.Draft(_period);
        var done = objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(0, 100), "Done"), _period);
        var halfWay = objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(20, 120), "Half-way", weight: 2), _period);
        var milestone = objective.AddKeyResult(TestData.KeyResultDetails(Measure.Milestone(), "Milestone"), _period);
        var untouched = objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(5, 10), "Untouched"), _period);
        var deleted = objective.AddKeyResult(TestData.KeyResultDetails(TestData.Increase(0, 10), "Deleted"), _period);
        deleted.Delete(objective, _period);
        objective.SetRaci([(TestData.PersonId, RaciRole.Accountable)], _period);
        objective.Activate(_period, _period.StartsAt);
        done.RecordCheckIn(TestData.Entry(100, new DateOnly(2026, 8, 10)), objective, _period, TestData.Settings, TestData.PersonId, Now);
        halfWay.RecordCheckIn(TestData.Entry(60, new DateOnly(2026, 8, 12), "Steady"), objective, _period, TestData.Settings, TestData.PersonId, Now);
        milestone.RecordCheckIn(TestData.Entry(0, new DateOnly(2026, 8, 12), "Vendor slipped"), objective, _period, TestData.Settings, TestData.PersonId, Now);
        return (objective, [done, halfWay, milestone, untouched, deleted]);
    }

    [Fact]
    public void Rolling_over_carries_only_unfinished_live_key_results_into_a_draft()
    {
        var (objective, _) = QuarterToRollOver();
        var next = TestData.Q4();

        var copy = objective.RollOver(_period, next, k => k.Progress, Now);

        copy.State.Should().Be(ObjectiveState.Draft);
        copy.PeriodId.Should().Be(next.Id);
        copy.RolledOverFromId.Should().Be(objective.Id);
        copy.Title.Should().Be(objective.Title);
        copy.Raci.Select(r => (r.PersonId, r.Role)).Should().Equal((TestData.PersonId, RaciRole.Accountable));
        copy.KeyResults.Select(k => k.Title).Should().Equal("Half-way", "Milestone", "Untouched");
        copy.KeyResults.Should().OnlyContain(k => k.CurrentValue == null && k.ObjectiveId == copy.Id);
    }

    [Fact]
    public void A_carried_key_result_starts_from_its_last_value()
    {
        var (objective, _) = QuarterToRollOver();

        var copy = objective.RollOver(_period, TestData.Q4(), k => k.Progress, Now);

        var halfWay = copy.KeyResults[0];
        (halfWay.Baseline, halfWay.Target, halfWay.Weight).Should().Be((60m, 120m, 2m));
        halfWay.BaselineMeasuredAt.Should().Be(new DateOnly(2026, 8, 12));
        halfWay.BaselineMethod.Should().StartWith("Carried over from Q3 2026");
        halfWay.Progress.Should().Be(0);
    }

    [Fact]
    public void A_carried_milestone_stays_a_milestone_and_an_untouched_key_result_keeps_its_baseline()
    {
        var (objective, _) = QuarterToRollOver();

        var copy = objective.RollOver(_period, TestData.Q4(), k => k.Progress, Now);

        copy.KeyResults[1].Measure.Should().Be(Measure.Milestone());
        copy.KeyResults[2].Baseline.Should().Be(5);
        copy.KeyResults[2].BaselineMeasuredAt.Should().Be(new DateOnly(2026, 9, 30));
    }

    [Fact]
    public void A_closed_objective_rolls_over_after_its_period_closed()
    {
        var (objective, keyResults) = QuarterToRollOver();
        foreach (var k in keyResults) k.GradeAtClose();
        objective.Close(0.4, TestData.Utc(2026, 10, 1));
        TestData.InState(_period, PeriodState.Closed);

        var copy = objective.RollOver(_period, TestData.Q4(), k => k.Progress, TestData.Utc(2026, 10, 1));

        copy.KeyResults.Should().HaveCount(3);
    }

    [Fact]
    public void Rolling_over_goes_forward_into_another_period_and_not_from_a_cancelled_objective()
    {
        var (objective, _) = TestData.Active(_period, TestData.Increase(0, 10));
        var earlier = new Period(TestData.OrgId, "Q2 2026", PeriodKind.Quarter, new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30));
        var cancelled = TestData.Draft(_period);
        cancelled.Cancel(Now);

        ((Action)(() => objective.RollOver(_period, _period, k => k.Progress, Now))).ShouldBeRefusedWith("objective.rollover_same_period");
        ((Action)(() => objective.RollOver(_period, earlier, k => k.Progress, Now))).ShouldBeRefusedWith("objective.rollover_backwards");
        ((Action)(() => cancelled.RollOver(_period, TestData.Q4(), k => k.Progress, Now))).ShouldBeRefusedWith("objective.invalid_transition");
    }
}
