using Okr.Domain.Reviews;

namespace Okr.Domain.UnitTests;

/// <summary>When business reviews are due, as a table (ADR 0029).</summary>
public class ReviewScheduleTests
{
    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-23T06:00:00Z", "2026-11-23T06:00:00Z")] // Monday, on the hour
    [InlineData("2026-11-23T05:59:00Z", "2026-11-16T06:00:00Z")] // a minute early: last week's
    [InlineData("2026-11-22T23:59:00Z", "2026-11-16T06:00:00Z")] // Sunday night
    [InlineData("2026-11-25T12:00:00+09:00", "2026-11-23T06:00:00Z")] // any offset: the instant counts
    public void The_weekly_review_is_due_each_Monday_at_six_UTC(string now, string slot) =>
        ReviewSchedule.WeeklySlot(At(now)).Should().Be(At(slot));

    private static readonly Guid Quarter = Guid.CreateVersion7();

    [Theory]
    // now, period active?, → due (trigger:instant, …)
    [InlineData("2026-11-23T07:00:00Z", true, "Weekly:2026-11-23T06:00:00Z")]
    [InlineData("2026-11-23T07:00:00Z", false, "")]                                                        // a quarter in planning or closed: no weekly review
    [InlineData("2026-10-01T03:00:00Z", true, "")]                                                         // the last Monday was before it started
    [InlineData("2027-01-01T00:30:00Z", true, "Weekly:2026-12-28T06:00:00Z,QuarterEnd:2027-01-01T00:00:00Z")] // the quarter ended; the last Monday was inside it (its review is one already published: the unique key)…
    [InlineData("2027-01-04T06:30:00Z", true, "QuarterEnd:2027-01-01T00:00:00Z")]                          // …a Monday after its end: no weekly review of it
    [InlineData("2027-01-15T00:00:00Z", false, "")]                                                        // fourteen days after its end: too late to be news
    [InlineData("2026-12-28T06:00:00Z", true, "Weekly:2026-12-28T06:00:00Z")]
    public void Reviews_are_due_weekly_while_a_period_is_active_and_once_at_a_quarters_end(string now, bool active, string expected)
    {
        var period = new ScheduledPeriod(Quarter, IsQuarter: true, active, At("2026-10-01T00:00:00Z"), At("2027-01-01T00:00:00Z"));

        var due = ReviewSchedule.Due([period], At(now));

        string.Join(",", due.Select(d => $"{d.Trigger}:{d.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}")).Should().Be(expected);
        due.Where(d => d.PeriodId != Quarter).Should().BeEmpty();
    }

    [Fact]
    public void A_custom_period_has_weekly_reviews_and_no_quarter_end()
    {
        var sprint = new ScheduledPeriod(Guid.CreateVersion7(), IsQuarter: false, IsActive: true, At("2026-11-01T00:00:00Z"), At("2026-11-24T00:00:00Z"));

        ReviewSchedule.Due([sprint], At("2026-11-24T12:00:00Z")).Should().ContainSingle()
            .Which.Should().Be(new DueReview(sprint.Id, At("2026-11-23T06:00:00Z"), ReviewTrigger.Weekly));
    }
}
