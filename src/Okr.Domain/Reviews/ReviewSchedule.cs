namespace Okr.Domain.Reviews;

/// <summary>A period as the schedule needs it.</summary>
public readonly record struct ScheduledPeriod(Guid Id, bool IsQuarter, bool IsActive, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>A review the schedule asks for: the period, the instant it is computed at, and why.</summary>
public readonly record struct DueReview(Guid PeriodId, DateTimeOffset At, ReviewTrigger Trigger);

/// <summary>
/// When business reviews are due (ADR 0029): weekly, each Monday at 06:00 UTC, for every active period that is not a
/// year; and at the end of each quarter (midnight UTC after its last day). Each is computed as of its scheduled instant,
/// so a run that comes late writes exactly what a punctual one would have. Only the latest weekly instant is due (an
/// outage does not produce a backlog of weeks), and a quarter's end for <see cref="QuarterEndGrace"/> after it.
/// </summary>
public static class ReviewSchedule
{
    public static readonly TimeSpan WeeklyTime = TimeSpan.FromHours(6);
    public static readonly TimeSpan QuarterEndGrace = TimeSpan.FromDays(14);

    /// <summary>The latest Monday 06:00 UTC at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset WeeklySlot(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var daysSinceMonday = ((int)utc.DayOfWeek + 6) % 7;
        var slot = new DateTimeOffset(utc.Date, TimeSpan.Zero).AddDays(-daysSinceMonday) + WeeklyTime;
        return slot <= utc ? slot : slot.AddDays(-7);
    }

    /// <summary>The reviews due at <paramref name="now"/> for these periods.</summary>
    public static IReadOnlyList<DueReview> Due(IEnumerable<ScheduledPeriod> periods, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var weekly = WeeklySlot(now);
        var due = new List<DueReview>();
        foreach (var period in periods)
        {
            if (period.IsActive && weekly >= period.StartsAt && weekly < period.EndsAt)
                due.Add(new DueReview(period.Id, weekly, ReviewTrigger.Weekly));
            if (period.IsQuarter && period.EndsAt <= now && now < period.EndsAt + QuarterEndGrace)
                due.Add(new DueReview(period.Id, period.EndsAt, ReviewTrigger.QuarterEnd));
        }
        return due;
    }
}
