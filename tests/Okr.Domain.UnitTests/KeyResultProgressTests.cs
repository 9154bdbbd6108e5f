using Okr.Domain.Computations;
using Okr.Domain.KeyResults;

namespace Okr.Domain.UnitTests;

public class KeyResultProgressTests
{
    [Theory]
    // increase: p = clamp((c − b) / (t − b), 0, 1)
    [InlineData(Direction.Increase, 0, 100, 50, 0.5)]
    [InlineData(Direction.Increase, 20, 120, 45, 0.25)]
    [InlineData(Direction.Increase, 0, 3, 1, 1.0 / 3)]
    [InlineData(Direction.Increase, -50, 50, 0, 0.5)]
    // decrease: the same formula, (t − b) carries the sign
    [InlineData(Direction.Decrease, 100, 40, 70, 0.5)]
    [InlineData(Direction.Decrease, 100, 40, 85, 0.25)]
    [InlineData(Direction.Decrease, 100, 40, 40, 1)]
    // stay at least / stay at most: 1 while the condition holds, else 0
    [InlineData(Direction.StayAtLeast, 97, 95, 95, 1)]
    [InlineData(Direction.StayAtLeast, 97, 95, 99, 1)]
    [InlineData(Direction.StayAtLeast, 97, 95, 94.9, 0)]
    [InlineData(Direction.StayAtMost, 150, 200, 200, 1)]
    [InlineData(Direction.StayAtMost, 150, 200, 200.1, 0)]
    public void Progress_follows_the_direction(Direction direction, double baseline, double target, double current, double expected)
    {
        var measure = new Measure(MetricKind.Number, direction, (decimal)baseline, (decimal)target);

        KeyResultProgress.Compute(measure, (decimal)current).Should().BeApproximately(expected, 1e-9);
    }

    [Theory]
    [InlineData(Direction.Increase, 0, 100, 150, 1)]
    [InlineData(Direction.Increase, 20, 120, 10, 0)]
    [InlineData(Direction.Decrease, 100, 40, 10, 1)]
    [InlineData(Direction.Decrease, 100, 40, 130, 0)]
    public void Progress_is_clamped_between_zero_and_one(Direction direction, double baseline, double target, double current, double expected)
    {
        var measure = new Measure(MetricKind.Number, direction, (decimal)baseline, (decimal)target);

        KeyResultProgress.Compute(measure, (decimal)current).Should().Be(expected);
    }

    [Theory]
    [InlineData(Direction.Increase, 50, 1)]
    [InlineData(Direction.Increase, 49.99, 0)]
    [InlineData(Direction.Decrease, 50, 1)]
    [InlineData(Direction.Decrease, 50.01, 0)]
    public void Baseline_equal_to_target_is_done_only_when_the_target_is_met_in_the_direction(Direction direction, double current, double expected)
    {
        var measure = new Measure(MetricKind.Number, direction, 50, 50);

        KeyResultProgress.Compute(measure, (decimal)current).Should().Be(expected);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    public void A_milestone_is_zero_or_one(double current, double expected)
    {
        KeyResultProgress.Compute(Measure.Milestone(), (decimal)current).Should().Be(expected);
    }

    [Theory]
    [InlineData(MetricKind.Percentage, null, 40, 60, 45, 0.25)]
    [InlineData(MetricKind.Currency, "USD", 1000, 2000, 1250, 0.25)]
    public void Percentage_and_currency_use_the_same_formula(MetricKind kind, string? currency, double baseline, double target, double current, double expected)
    {
        var measure = new Measure(kind, Direction.Increase, (decimal)baseline, (decimal)target, currency);

        KeyResultProgress.Compute(measure, (decimal)current).Should().BeApproximately(expected, 1e-9);
    }

    [Theory]
    [InlineData(Direction.Increase, 20, 120, 0)]
    [InlineData(Direction.Decrease, 100, 40, 0)]
    [InlineData(Direction.Decrease, 50, 50, 1)]
    [InlineData(Direction.StayAtLeast, 97, 95, 1)]
    [InlineData(Direction.StayAtMost, 250, 200, 0)]
    [InlineData(Direction.StayAtMost, 180, 200, 1)]
    public void Without_a_check_in_the_current_value_is_the_baseline(Direction direction, double baseline, double target, double expected)
    {
        var measure = new Measure(MetricKind.Number, direction, (decimal)baseline, (decimal)target);

        KeyResultProgress.Compute(measure, null).Should().Be(expected);
    }

    [Fact]
    public void A_milestone_without_a_check_in_is_not_done()
    {
        KeyResultProgress.Compute(Measure.Milestone(), null).Should().Be(0);
    }

    [Fact]
    public void A_missing_baseline_counts_as_zero_for_an_increase()
    {
        KeyResultProgress.Compute(TestData.Increase(null, 50), 25).Should().BeApproximately(0.5, 1e-9);
    }

    [Theory]
    [InlineData(Direction.Increase, 10, 50)]
    [InlineData(Direction.Decrease, 10, 0)]
    [InlineData(Direction.StayAtLeast, 10, 50)]
    public void Without_a_target_progress_is_zero(Direction direction, double baseline, double current)
    {
        var measure = new Measure(MetricKind.Number, direction, (decimal)baseline, null);

        KeyResultProgress.Compute(measure, (decimal)current).Should().Be(0);
    }

    [Fact]
    public void A_milestone_without_a_target_is_zero_even_when_checked_in_as_done()
    {
        var measure = new Measure(MetricKind.Milestone, Direction.Increase, null, null);

        KeyResultProgress.Compute(measure, 1).Should().Be(0);
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(5, 1)]
    [InlineData(3, 1)]
    public void A_decrease_without_a_baseline_is_done_only_at_or_below_its_target(double current, double expected)
    {
        KeyResultProgress.Compute(TestData.Decrease(null, 5), (decimal)current).Should().Be(expected);
    }
}

public class ExpectedProgressTests
{
    private static readonly DateTimeOffset Start = TestData.Utc(2026, 1, 1);
    private static readonly DateTimeOffset End = Start.AddDays(100);

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 0)]
    [InlineData(25, 0.25)]
    [InlineData(50.5, 0.505)]
    [InlineData(100, 1)]
    [InlineData(130, 1)]
    public void Expected_progress_is_the_elapsed_share_of_the_period(double daysAfterStart, double expected)
    {
        ExpectedProgress.Compute(Start.AddDays(daysAfterStart), Start, End).Should().BeApproximately(expected, 1e-9);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    public void A_zero_length_period_is_fully_expected_from_its_instant_on(double daysAfterStart, double expected)
    {
        ExpectedProgress.Compute(Start.AddDays(daysAfterStart), Start, Start).Should().Be(expected);
    }
}

public class WeightedMeanTests
{
    public static TheoryData<WeightedScore[], double> Cases => new()
    {
        { [], 0 },
        { [new(0.5, 1)], 0.5 },
        { [new(0.2, 1), new(0.8, 3)], 0.65 },
        { [new(0.4, 0.5m), new(1, 1.5m)], 0.85 },
        { [new(0.2, 0), new(0.8, 0)], 0 },
        { [new(0.2, 0), new(0.8, 1)], 0.8 },
        { [new(0.2, -1), new(0.8, 1)], 0.8 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Weighted_mean_ignores_zero_weights_and_is_zero_without_weight(WeightedScore[] items, double expected)
    {
        WeightedMean.Of(items).Should().BeApproximately(expected, 1e-9);
    }

    [Theory]
    [InlineData(new double[0], 0)]
    [InlineData(new[] { 1.0 }, 1)]
    [InlineData(new[] { 0.2, 0.4, 0.9 }, 0.5)]
    public void Unit_progress_is_the_mean_of_its_objectives(double[] objectiveProgress, double expected)
    {
        UnitProgress.Compute(objectiveProgress).Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void Unit_progress_accepts_a_lazy_sequence()
    {
        UnitProgress.Compute(Enumerable.Range(1, 3).Select(i => i / 4.0)).Should().BeApproximately(0.5, 1e-9);
    }

    [Fact]
    public void A_decrease_at_its_baseline_is_positive_zero_not_negative_zero()
    {
        var progress = KeyResultProgress.Compute(new Measure(MetricKind.Number, Direction.Decrease, 40, 20), 40);

        double.IsNegative(progress).Should().BeFalse();
        progress.Should().Be(0);
    }
}
