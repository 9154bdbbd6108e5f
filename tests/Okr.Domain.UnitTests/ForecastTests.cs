using Okr.Domain.Computations;
using Okr.Domain.KeyResults;

namespace Okr.Domain.UnitTests;

public class ForecastTests
{
    // A 100-day period: x is in days from the start, the projection is read at x = 100.
    private static readonly DateTimeOffset Start = TestData.Utc(2026, 1, 1);
    private static readonly DateTimeOffset End = Start.AddDays(100);

    private static ForecastPoint Point(double day, double value) => new(Start.AddDays(day), (decimal)value);

    private static ForecastResult? Compute(Measure measure, params ForecastPoint[] points) => Forecast.Compute(points, Start, End, measure);

    [Fact]
    public void Without_check_ins_there_is_no_forecast()
    {
        Compute(TestData.Increase(0, 100)).Should().BeNull();
    }

    [Fact]
    public void One_check_in_is_not_enough_for_a_forecast()
    {
        Compute(TestData.Increase(0, 100), Point(10, 10)).Should().BeNull();
    }

    [Fact]
    public void Two_check_ins_at_the_same_time_are_not_enough_for_a_forecast()
    {
        Compute(TestData.Increase(0, 100), Point(10, 10), Point(10, 30)).Should().BeNull();
    }

    [Fact]
    public void Check_ins_outside_the_period_do_not_count_toward_the_two_points()
    {
        Compute(TestData.Increase(0, 100), Point(-3, 0), Point(10, 10), Point(100.5, 90)).Should().BeNull();
    }

    [Fact]
    public void The_least_squares_line_is_projected_to_the_period_end()
    {
        // x̄ = 20, ȳ = 17, Sxy = 160, Sxx = 200: slope 0.8, intercept 1, value 81 at day 100.
        var result = Compute(TestData.Increase(0, 100), Point(10, 10), Point(20, 15), Point(30, 26))!;

        result.SlopePerDay.Should().BeApproximately(0.8, 1e-9);
        result.ProjectedValue.Should().BeApproximately(81, 1e-9);
        result.ProjectedProgress.Should().BeApproximately(0.81, 1e-9);
        result.TrendingToMiss.Should().BeTrue();
    }

    [Fact]
    public void Points_outside_the_period_are_ignored()
    {
        var result = Compute(TestData.Increase(0, 100), Point(-5, 1000), Point(10, 10), Point(20, 15), Point(30, 26), Point(101, -500))!;

        result.ProjectedValue.Should().BeApproximately(81, 1e-9);
        result.SlopePerDay.Should().BeApproximately(0.8, 1e-9);
    }

    [Fact]
    public void A_line_reaching_the_target_exactly_is_not_trending_to_miss()
    {
        var result = Compute(TestData.Increase(0, 100), Point(0, 0), Point(10, 10))!;

        result.ProjectedValue.Should().BeApproximately(100, 1e-9);
        result.ProjectedProgress.Should().Be(1);
        result.TrendingToMiss.Should().BeFalse();
    }

    [Fact]
    public void An_overshooting_line_keeps_its_value_but_caps_progress_at_one()
    {
        var result = Compute(TestData.Increase(0, 100), Point(0, 0), Point(10, 20))!;

        result.ProjectedValue.Should().BeApproximately(200, 1e-9);
        result.ProjectedProgress.Should().Be(1);
        result.TrendingToMiss.Should().BeFalse();
    }

    [Fact]
    public void A_falling_line_on_an_increase_projects_zero_progress()
    {
        var result = Compute(TestData.Increase(50, 100), Point(0, 50), Point(20, 40))!;

        result.SlopePerDay.Should().BeApproximately(-0.5, 1e-9);
        result.ProjectedValue.Should().BeApproximately(0, 1e-9);
        result.ProjectedProgress.Should().Be(0);
        result.TrendingToMiss.Should().BeTrue();
    }

    [Theory]
    [InlineData(50, 80, 60, 2.0 / 3, true)]
    [InlineData(25, 85, 40, 1, false)]
    [InlineData(50, 50, 0, 1, false)]
    [InlineData(50, 110, 120, 0, true)]
    public void A_decrease_is_forecast_toward_its_lower_target(double day, double value, double projected, double progress, bool trendingToMiss)
    {
        // From 100 at day 0 toward 40.
        var result = Compute(TestData.Decrease(100, 40), Point(0, 100), Point(day, value))!;

        result.ProjectedValue.Should().BeApproximately(projected, 1e-9);
        result.ProjectedProgress.Should().BeApproximately(progress, 1e-9);
        result.TrendingToMiss.Should().Be(trendingToMiss);
    }

    [Fact]
    public void A_milestone_has_no_forecast()
    {
        var start = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        ForecastPoint[] points = [new(start.AddDays(7), 0), new(start.AddDays(14), 1)];

        Forecast.Compute(points, start, start.AddDays(92), Measure.Milestone()).Should().BeNull();
    }
}
