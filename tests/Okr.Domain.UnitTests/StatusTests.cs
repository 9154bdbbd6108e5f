using Okr.Domain.Computations;
using Okr.Domain.Organizations;

namespace Okr.Domain.UnitTests;

public class StatusTests
{
    // A 100-day period: at day 50 the expected progress is exactly 0.5.
    private static readonly DateTimeOffset Start = TestData.Utc(2026, 1, 1);
    private static readonly DateTimeOffset End = Start.AddDays(100);

    private static KeyResultStatusInput Input(double progress, double nowDay = 50, double? lastCheckInDay = 48, int? confidence = 7,
        double? trackingSinceDay = null, double? closedGrade = null, double threshold = 1) =>
        new(progress, Start.AddDays(nowDay), Start, End,
            lastCheckInDay is { } d ? Start.AddDays(d) : null,
            confidence,
            trackingSinceDay is { } t ? Start.AddDays(t) : null,
            closedGrade, threshold);

    private static OkrStatus Status(KeyResultStatusInput input, OrganizationSettings? settings = null) =>
        KeyResultStatusRules.Compute(input, settings ?? OrganizationSettings.Default);

    [Theory]
    [InlineData(0.7, 0.7, OkrStatus.Achieved)]
    [InlineData(0.69, 0.7, OkrStatus.Missed)]
    [InlineData(1.0, 1.0, OkrStatus.Achieved)]
    [InlineData(0.99, 1.0, OkrStatus.Missed)]
    public void A_closed_key_result_is_achieved_or_missed_by_its_threshold(double grade, double threshold, OkrStatus expected)
    {
        Status(Input(progress: 0, closedGrade: grade, threshold: threshold)).Should().Be(expected);
    }

    [Fact]
    public void Closed_wins_over_stale_and_not_started()
    {
        Status(Input(progress: 0, nowDay: 200, lastCheckInDay: null, closedGrade: 0.9, threshold: 0.7)).Should().Be(OkrStatus.Achieved);
        Status(Input(progress: 1, nowDay: -5, lastCheckInDay: null, closedGrade: 0.1, threshold: 0.7)).Should().Be(OkrStatus.Missed);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.0)]
    public void Stale_wins_over_any_progress_status(double progress)
    {
        Status(Input(progress, nowDay: 50, lastCheckInDay: 39)).Should().Be(OkrStatus.Stale);
    }

    [Theory]
    [InlineData(40, OkrStatus.OnTrack)]
    [InlineData(39.99999, OkrStatus.Stale)]
    public void A_key_result_is_stale_after_cadence_plus_grace_days_without_a_check_in(double lastCheckInDay, OkrStatus expected)
    {
        // Defaults: weekly cadence + 3 grace days = 10 days.
        Status(Input(progress: 0.5, nowDay: 50, lastCheckInDay: lastCheckInDay)).Should().Be(expected);
    }

    [Theory]
    [InlineData(10, OkrStatus.OnTrack)]
    [InlineData(10.5, OkrStatus.Stale)]
    public void Without_any_check_in_staleness_counts_from_the_period_start(double nowDay, OkrStatus expected)
    {
        Status(Input(progress: 0.5, nowDay: nowDay, lastCheckInDay: null)).Should().Be(expected);
    }

    [Theory]
    [InlineData(45, OkrStatus.OnTrack)]
    [InlineData(39, OkrStatus.Stale)]
    public void Staleness_counts_from_activation_when_it_is_later_than_the_period_start(double activatedDay, OkrStatus expected)
    {
        Status(Input(progress: 0.5, nowDay: 50, lastCheckInDay: null, trackingSinceDay: activatedDay)).Should().Be(expected);
    }

    [Fact]
    public void Activation_before_the_period_start_counts_from_the_period_start()
    {
        Status(Input(progress: 0.5, nowDay: 10.5, lastCheckInDay: null, trackingSinceDay: -5)).Should().Be(OkrStatus.Stale);
        Status(Input(progress: 0.5, nowDay: 9.5, lastCheckInDay: null, trackingSinceDay: -5)).Should().Be(OkrStatus.OnTrack);
    }

    [Theory]
    [InlineData(0.0, null)]
    [InlineData(1.0, -30.0)]
    public void Before_the_period_starts_a_key_result_is_not_started_and_never_stale(double progress, double? lastCheckInDay)
    {
        Status(Input(progress, nowDay: -1, lastCheckInDay: lastCheckInDay)).Should().Be(OkrStatus.NotStarted);
    }

    [Theory]
    // e = 0.5: on track from 0.45, at risk from 0.35
    [InlineData(1.0, OkrStatus.OnTrack)]
    [InlineData(0.45, OkrStatus.OnTrack)]
    [InlineData(0.4499, OkrStatus.AtRisk)]
    [InlineData(0.35, OkrStatus.AtRisk)]
    [InlineData(0.3499, OkrStatus.OffTrack)]
    [InlineData(0.0, OkrStatus.OffTrack)]
    public void Progress_against_expected_gives_on_track_at_risk_or_off_track(double progress, OkrStatus expected)
    {
        Status(Input(progress)).Should().Be(expected);
    }

    [Fact]
    public void At_the_period_start_nothing_is_expected_so_zero_progress_is_on_track()
    {
        Status(Input(progress: 0, nowDay: 0, lastCheckInDay: null)).Should().Be(OkrStatus.OnTrack);
    }

    [Theory]
    [InlineData(0.27, 0.3, OkrStatus.OnTrack)]
    [InlineData(0.21, 0.3, OkrStatus.AtRisk)]
    [InlineData(0.72, 0.8, OkrStatus.OnTrack)]
    [InlineData(0.56, 0.8, OkrStatus.AtRisk)]
    [InlineData(0.9, 1.0, OkrStatus.OnTrack)]
    [InlineData(0.7, 1.0, OkrStatus.AtRisk)]
    [InlineData(0.6999, 1.0, OkrStatus.OffTrack)]
    public void The_boundaries_at_exactly_0_9_and_0_7_of_expected_belong_to_the_better_status(double progress, double expected, OkrStatus status)
    {
        KeyResultStatusRules.ByProgress(progress, expected, null, OrganizationSettings.Default).Should().Be(status);
    }

    [Theory]
    [InlineData(0.6, 3, OkrStatus.AtRisk)]
    [InlineData(0.6, 4, OkrStatus.OnTrack)]
    [InlineData(0.6, null, OkrStatus.OnTrack)]
    [InlineData(0.4, 2, OkrStatus.AtRisk)]
    [InlineData(0.4, 9, OkrStatus.AtRisk)]
    [InlineData(0.1, 1, OkrStatus.OffTrack)]
    public void A_confidence_of_three_or_below_lowers_on_track_to_at_risk_only(double progress, int? confidence, OkrStatus expected)
    {
        Status(Input(progress, confidence: confidence)).Should().Be(expected);
    }

    [Theory]
    [InlineData(0.4, 7, OkrStatus.OnTrack)]
    [InlineData(0.25, 7, OkrStatus.AtRisk)]
    [InlineData(0.2499, 7, OkrStatus.OffTrack)]
    [InlineData(0.4, 5, OkrStatus.AtRisk)]
    [InlineData(0.4, 6, OkrStatus.OnTrack)]
    public void Custom_ratios_and_low_confidence_come_from_the_settings(double progress, int confidence, OkrStatus expected)
    {
        var settings = OrganizationSettings.Default with { OnTrackRatio = 0.8, AtRiskRatio = 0.5, LowConfidence = 5 };

        Status(Input(progress, confidence: confidence), settings).Should().Be(expected);
    }

    [Theory]
    [InlineData(36, OkrStatus.OnTrack)]
    [InlineData(35.9, OkrStatus.Stale)]
    public void Custom_cadence_and_grace_set_the_staleness_window(double lastCheckInDay, OkrStatus expected)
    {
        var settings = OrganizationSettings.Default with { CheckInCadenceDays = 14, StalenessGraceDays = 0 };

        Status(Input(0.5, nowDay: 50, lastCheckInDay: lastCheckInDay), settings).Should().Be(expected);
    }

    [Theory]
    [InlineData(new OkrStatus[0], OkrStatus.NotStarted)]
    [InlineData(new[] { OkrStatus.OnTrack, OkrStatus.AtRisk }, OkrStatus.AtRisk)]
    [InlineData(new[] { OkrStatus.OnTrack, OkrStatus.Stale }, OkrStatus.AtRisk)]
    [InlineData(new[] { OkrStatus.Stale }, OkrStatus.AtRisk)]
    [InlineData(new[] { OkrStatus.AtRisk, OkrStatus.OffTrack, OkrStatus.OnTrack }, OkrStatus.OffTrack)]
    [InlineData(new[] { OkrStatus.OffTrack, OkrStatus.Stale }, OkrStatus.OffTrack)]
    [InlineData(new[] { OkrStatus.OnTrack, OkrStatus.NotStarted }, OkrStatus.NotStarted)]
    [InlineData(new[] { OkrStatus.Achieved, OkrStatus.Missed }, OkrStatus.Missed)]
    public void An_objective_takes_the_worst_status_of_its_key_results(OkrStatus[] keyResults, OkrStatus expected)
    {
        KeyResultStatusRules.Worst(keyResults).Should().Be(expected);
    }
}
