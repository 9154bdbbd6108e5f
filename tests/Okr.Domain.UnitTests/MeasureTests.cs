using Okr.Domain.KeyResults;

namespace Okr.Domain.UnitTests;

public class MeasureTests
{
    [Theory]
    [InlineData(MetricKind.Milestone, Direction.Increase, 0.0, 1.0, null)]
    [InlineData(MetricKind.Milestone, Direction.Increase, null, null, null)]
    [InlineData(MetricKind.Number, Direction.Increase, 10.0, 10.0, null)]
    [InlineData(MetricKind.Number, Direction.StayAtLeast, 10.0, 20.0, null)]
    [InlineData(MetricKind.Number, Direction.Decrease, -5.0, -10.0, null)]
    [InlineData(MetricKind.Percentage, Direction.Increase, 0.0, 150.0, null)]
    [InlineData(MetricKind.Currency, Direction.Increase, 1000.0, 2000.0, "EUR")]
    public void A_consistent_measure_is_accepted(MetricKind kind, Direction direction, double? baseline, double? target, string? currency)
    {
        var measure = new Measure(kind, direction, (decimal?)baseline, (decimal?)target, currency);

        measure.Kind.Should().Be(kind);
        measure.Baseline.Should().Be((decimal?)baseline);
        measure.Target.Should().Be((decimal?)target);
    }

    [Theory]
    [InlineData(MetricKind.Milestone, Direction.Decrease, 0.0, 1.0, null, "key_result.metric_direction_mismatch")]
    [InlineData(MetricKind.Milestone, Direction.Increase, 0.0, 2.0, null, "key_result.metric_direction_mismatch")]
    [InlineData(MetricKind.Milestone, Direction.Increase, 1.0, 1.0, null, "key_result.metric_direction_mismatch")]
    [InlineData(MetricKind.Number, Direction.Increase, 100.0, 90.0, null, "key_result.metric_direction_mismatch")]
    [InlineData(MetricKind.Number, Direction.Decrease, 40.0, 100.0, null, "key_result.metric_direction_mismatch")]
    [InlineData(MetricKind.Currency, Direction.Increase, 1.0, 2.0, null, "key_result.currency_code")]
    [InlineData(MetricKind.Currency, Direction.Increase, 1.0, 2.0, "US", "key_result.currency_code")]
    [InlineData(MetricKind.Currency, Direction.Increase, 1.0, 2.0, "U$D", "key_result.currency_code")]
    [InlineData(MetricKind.Number, Direction.Increase, 1.0, 2.0, "USD", "key_result.currency_code")]
    [InlineData(MetricKind.Percentage, Direction.Increase, -1.0, 20.0, null, "key_result.percentage_negative")]
    [InlineData(MetricKind.Percentage, Direction.StayAtLeast, 5.0, -1.0, null, "key_result.percentage_negative")]
    [InlineData(MetricKind.Number, Direction.Increase, 0.0, 2e12, null, "key_result.value_out_of_range")]
    public void An_inconsistent_measure_is_refused(MetricKind kind, Direction direction, double? baseline, double? target, string? currency, string code)
    {
        var act = () => { _ = new Measure(kind, direction, (decimal?)baseline, (decimal?)target, currency); };

        act.ShouldBeRefusedWith(code);
    }

    [Fact]
    public void A_currency_code_is_trimmed_and_upper_cased()
    {
        new Measure(MetricKind.Currency, Direction.Increase, 1, 2, " usd ").CurrencyCode.Should().Be("USD");
    }

    [Theory]
    [InlineData(Direction.Increase, 10, 9, true)]
    [InlineData(Direction.Decrease, 10, 11, true)]
    [InlineData(Direction.StayAtLeast, 10, 9, true)]
    [InlineData(Direction.StayAtMost, 10, 11, true)]
    public void Moving_against_the_direction_is_detected(Direction direction, double from, double to, bool expected)
    {
        var measure = new Measure(MetricKind.Number, direction, null, null);

        measure.MovesAgainstDirection((decimal)from, (decimal)to).Should().Be(expected);
    }

    [Theory]
    [InlineData(null, 0.0, true)]
    [InlineData(null, 5.0, true)]
    [InlineData(5.0, 5.0, false)]
    [InlineData(null, null, false)]
    public void A_decrease_without_a_baseline_is_measurable_by_its_target_alone(double? baseline, double? target, bool measurable)
    {
        new Measure(MetricKind.Number, Direction.Decrease, (decimal?)baseline, (decimal?)target).IsMeasurable.Should().Be(measurable);
    }
}
