using Okr.Domain.Computations;

namespace Okr.Domain.UnitTests;

public class CheckInComplianceTests
{
    private static readonly DateTimeOffset Now = TestData.Utc(2026, 8, 15, 12);

    [Fact]
    public void Without_active_key_results_there_is_no_compliance()
    {
        CheckInCompliance.Compute([], Now, 7).Should().BeNull();
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(-6.99999, 1)]
    [InlineData(-7.0, 0)]
    [InlineData(0.01, 0)]
    [InlineData(null, 0)]
    public void A_key_result_complies_when_checked_in_within_the_cadence_window(double? daysFromNow, double expected)
    {
        DateTimeOffset? last = daysFromNow is { } d ? Now.AddDays(d) : null;

        CheckInCompliance.Compute([last], Now, 7).Should().Be(expected);
    }

    [Fact]
    public void Compliance_is_the_share_of_key_results_checked_in_within_the_window()
    {
        CheckInCompliance.Compute([Now.AddDays(-1), Now.AddDays(-8), null, Now.AddDays(-3)], Now, 7).Should().Be(0.5);
    }

    [Fact]
    public void The_window_follows_the_cadence()
    {
        CheckInCompliance.Compute([Now.AddDays(-10), Now.AddDays(-15)], Now, 14).Should().Be(0.5);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(1.0, true)]
    [InlineData(6.9, true)]
    [InlineData(7.0, false)]
    [InlineData(-1.0, false)]
    public void A_key_result_is_checked_in_only_within_the_current_cadence_window(double? daysAgo, bool checkedIn)
    {
        var now = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        DateTimeOffset? last = daysAgo is { } d ? now.AddDays(-d) : null;

        CheckInCompliance.IsCheckedIn(last, now, cadenceDays: 7).Should().Be(checkedIn);
    }
}
