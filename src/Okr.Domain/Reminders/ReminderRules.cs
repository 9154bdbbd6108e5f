namespace Okr.Domain.Reminders;

public enum ReminderKind
{
    /// <summary>The cycle's reminder to a DRI, listing their due key results.</summary>
    Reminder = 0,
    /// <summary>A day later, to a DRI who was reminded and still has due key results.</summary>
    SecondNudge = 1,
    /// <summary>To a unit's lead, about a DRI's key results that missed the set number of cycles.</summary>
    Escalation = 2,
}

/// <summary>A person's reminder cycle: its local date (the key that makes a send happen once) and its instant.</summary>
public readonly record struct ReminderCycle(DateOnly Date, DateTimeOffset Start)
{
    /// <summary>A check-in at or after this counts for the cycle: the previous cycle's reminder.</summary>
    public DateTimeOffset CheckInsCountFrom => Start - ReminderRules.CycleLength;
}

/// <summary>
/// When check-in reminders go (ADR 0025). Cycles are weekly: a person's cycle starts at the organisation's day and
/// hour in their own time zone. The first reminder goes in the day after that instant, the second nudge in the day
/// after that; outside those windows nothing goes (a reminder never arrives days late after an outage, and turning
/// reminders on midweek sends nothing until the next cycle's day). A key result is due when it has no check-in since
/// the previous cycle's start.
/// </summary>
public static class ReminderRules
{
    public static readonly TimeSpan CycleLength = TimeSpan.FromDays(7);
    public static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// <summary>
    /// The latest cycle start at or before <paramref name="now"/>: the last <paramref name="day"/> at
    /// <paramref name="hour"/>:00 local time. A local time that does not exist (the hour skipped when clocks go forward)
    /// moves to the first valid instant after it; an ambiguous one (when clocks go back) is the first occurrence.
    /// </summary>
    public static ReminderCycle CurrentCycle(DateTimeOffset now, TimeZoneInfo zone, DayOfWeek day, int hour)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        date = date.AddDays(-(((int)date.DayOfWeek - (int)day + 7) % 7));
        var start = ToInstant(date, hour, zone);
        if (start > now)
        {
            date = date.AddDays(-7);
            start = ToInstant(date, hour, zone);
        }
        return new ReminderCycle(date, start);
    }

    private static DateTimeOffset ToInstant(DateOnly date, int hour, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(15);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>Whether a person is on holiday: paused until a local date that is today or later.</summary>
    public static bool IsPaused(DateOnly? pausedUntil, DateTimeOffset now, TimeZoneInfo zone) =>
        pausedUntil is { } until && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime) <= until;

    /// <summary>What goes to a DRI now, if anything: the reminder in the cycle's first day, the nudge in its second.</summary>
    public static ReminderKind? ToSend(DateTimeOffset now, ReminderCycle cycle, bool secondNudge, bool remindedThisCycle, bool nudgedThisCycle)
    {
        var since = now - cycle.Start;
        if (since < TimeSpan.Zero)
            return null;
        if (since < Window)
            return remindedThisCycle ? null : ReminderKind.Reminder;
        if (since < Window * 2 && secondNudge && remindedThisCycle && !nudgedThisCycle)
            return ReminderKind.SecondNudge;
        return null;
    }

    /// <summary>Due: not checked in since the previous cycle's start.</summary>
    public static bool IsDue(DateTimeOffset? lastCheckInAt, ReminderCycle cycle) =>
        lastCheckInAt is not { } last || last < cycle.CheckInsCountFrom;

    /// <summary>
    /// Whole cycles gone by without a check-in: counted from the last check-in, or from when the key result could
    /// first be checked in (<paramref name="since"/>: its objective's activation or its period's start).
    /// </summary>
    public static int MissedCycles(DateTimeOffset? lastCheckInAt, DateTimeOffset since, ReminderCycle cycle)
    {
        var from = lastCheckInAt ?? since;
        return from >= cycle.Start ? 0 : (int)((cycle.Start - from).Ticks / CycleLength.Ticks);
    }

    /// <summary>Whether the unit's lead hears of a key result: after the set number of missed cycles (0: never).</summary>
    public static bool Escalates(int missedCycles, int escalateAfter) => escalateAfter > 0 && missedCycles >= escalateAfter;
}
