using Okr.Domain.Computations;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Organizations;

namespace Okr.Domain.UnitTests;

public class GradingTests
{
    [Theory]
    [InlineData(0.675, 0.68)]
    [InlineData(0.674, 0.67)]
    [InlineData(0.125, 0.13)]
    [InlineData(0.005, 0.01)]
    [InlineData(0.995, 1)]
    [InlineData(1.2, 1)]
    [InlineData(-0.1, 0)]
    public void A_grade_is_rounded_to_two_decimals_within_zero_and_one(double score, double expected)
    {
        Grading.Round(score).Should().Be(expected);
    }

    [Theory]
    [InlineData(0.145, 0.15)]
    [InlineData(0.285, 0.29)]
    [InlineData(0.565, 0.57)]
    [InlineData(0.575, 0.58)]
    public void Every_decimal_midpoint_rounds_half_up(double score, double expected)
    {
        Grading.Round(score).Should().Be(expected);
    }

    [Fact]
    public void A_key_result_at_a_decimal_midpoint_is_graded_half_up()
    {
        var measure = TestData.Increase(0, 200);

        Grading.Round(KeyResultProgress.Compute(measure, 29)).Should().Be(0.15);
    }

    public static TheoryData<WeightedScore[], double> ObjectiveGrades => new()
    {
        { [new(0.5, 1), new(1, 3)], 0.88 },
        { [new(0.3, 1), new(0.6, 1), new(0.7, 1)], 0.53 },
        { [new(0.4, 1), new(1, 0)], 0.4 },
        { [new(0.4, 0)], 0 },
        { [], 0 },
    };

    [Theory]
    [MemberData(nameof(ObjectiveGrades))]
    public void An_objective_grade_is_the_rounded_weighted_mean_of_its_items(WeightedScore[] items, double expected)
    {
        Grading.GradeObjective(items).Should().Be(expected);
    }

    [Theory]
    [InlineData(ObjectiveType.Aspirational, false, 0.7)]
    [InlineData(ObjectiveType.Committed, false, 0.85)]
    [InlineData(ObjectiveType.Aspirational, true, 1.0)]
    [InlineData(ObjectiveType.Committed, true, 1.0)]
    public void The_default_success_threshold_depends_on_type_and_financial_flag(ObjectiveType type, bool isFinancial, double expected)
    {
        Grading.SuccessThreshold(type, isFinancial, OrganizationSettings.Default).Should().Be(expected);
    }

    [Theory]
    [InlineData(ObjectiveType.Aspirational, false, 0.6)]
    [InlineData(ObjectiveType.Committed, false, 0.9)]
    [InlineData(ObjectiveType.Committed, true, 0.95)]
    public void The_success_threshold_comes_from_the_organisation_settings(ObjectiveType type, bool isFinancial, double expected)
    {
        var settings = OrganizationSettings.Default with
        {
            AspirationalSuccessThreshold = 0.6,
            CommittedSuccessThreshold = 0.9,
            FinancialSuccessThreshold = 0.95,
        };

        Grading.SuccessThreshold(type, isFinancial, settings).Should().Be(expected);
    }

    [Theory]
    [InlineData(0.7, 0.7, true)]
    [InlineData(0.69, 0.7, false)]
    [InlineData(1.0, 1.0, true)]
    [InlineData(0.99, 1.0, false)]
    public void A_grade_succeeds_at_or_above_its_threshold(double grade, double threshold, bool expected)
    {
        Grading.IsSuccess(grade, threshold).Should().Be(expected);
    }

    [Fact]
    public void Success_at_the_threshold_survives_floating_point_noise()
    {
        Grading.IsSuccess(0.1 + 0.2 + 0.4, 0.7).Should().BeTrue();
    }

    [Theory]
    [InlineData(0.8, "Scope was cut mid-quarter", 0.8)]
    [InlineData(1, "Met off-platform", 1)]
    [InlineData(0.675, "Rounded", 0.68)]
    public void An_override_with_a_reason_is_accepted_and_rounded(double grade, string reason, double expected)
    {
        var (overridden, why) = Grading.Override(grade, "  " + reason + " ");

        overridden.Should().Be(expected);
        why.Should().Be(reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_override_needs_a_reason(string? reason)
    {
        var act = () => { _ = Grading.Override(0.5, reason); };

        act.ShouldBeRefusedWith("grade.reason_required");
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void An_override_lies_between_zero_and_one(double grade)
    {
        var act = () => { _ = Grading.Override(grade, "Because"); };

        act.ShouldBeRefusedWith("grade.out_of_range");
    }

    [Fact]
    public void A_null_override_clears_it_without_a_reason()
    {
        Grading.Override(null, null).Should().Be(((double?)null, (string?)null));
    }

    [Fact]
    public void A_key_result_grade_can_only_be_overridden_once_its_objective_is_closed()
    {
        var period = TestData.Q3();
        var (objective, keyResult) = TestData.Active(period, TestData.Increase(0, 100));

        var act = () => keyResult.OverrideGrade(0.5, "Because", objective);

        act.ShouldBeRefusedWith("objective.not_closed");
    }

    [Fact]
    public void An_overridden_key_result_grade_wins_over_the_computed_one()
    {
        var period = TestData.Q3();
        var (objective, keyResult) = TestData.Active(period, TestData.Increase(0, 100));
        keyResult.GradeAtClose();
        objective.Close(0, TestData.Utc(2026, 10, 1));

        keyResult.OverrideGrade(0.9, "Shipped through a partner", objective);

        keyResult.Grade.Should().Be(0);
        keyResult.FinalGrade.Should().Be(0.9);
        keyResult.GradeOverrideReason.Should().Be("Shipped through a partner");
    }

    [Fact]
    public void Grading_at_close_rounds_the_measured_progress()
    {
        var period = TestData.Q3();
        var (objective, keyResult) = TestData.Active(period, TestData.Increase(0, 1000));
        keyResult.RecordCheckIn(TestData.Entry(675, new DateOnly(2026, 8, 14)), objective, period, TestData.Settings, TestData.PersonId, TestData.MidQ3);

        keyResult.GradeAtClose();

        keyResult.Grade.Should().Be(0.68);
    }
}
