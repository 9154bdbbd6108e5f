using Okr.Domain.Common;

namespace Okr.Domain.Organizations;

/// <summary>
/// The organisation's check-in reminders (ADR 0025): weekly, at <see cref="DayOfWeek"/> <see cref="Hour"/>:00 in each
/// person's time zone (theirs, else <see cref="TimeZone"/>); a second nudge a day later if still due; the unit's lead
/// told once a key result has gone <see cref="EscalateAfterMissedCycles"/> cycles without a check-in (0: never).
/// </summary>
public sealed record ReminderSettings
{
    public static ReminderSettings Default { get; } = new();

    public bool Enabled { get; init; }
    public DayOfWeek DayOfWeek { get; init; } = DayOfWeek.Monday;
    /// <summary>Local hour, 0 to 23.</summary>
    public int Hour { get; init; } = 9;
    public bool SecondNudge { get; init; } = true;
    /// <summary>Missed cycles before the unit's lead hears of it, 0 (never) to 52.</summary>
    public int EscalateAfterMissedCycles { get; init; } = 2;
    /// <summary>The organisation's time zone (IANA id such as Europe/Paris), for people who have not chosen one.</summary>
    public string TimeZone { get; init; } = "UTC";

    public void EnsureValid()
    {
        if (Hour is < 0 or > 23)
            throw new DomainRuleException("settings.invalid", "The reminder hour must be between 0 and 23.");
        if (EscalateAfterMissedCycles is < 0 or > 52)
            throw new DomainRuleException("settings.invalid", "Missed cycles before escalating must be between 0 (never) and 52.");
        if (!Enum.IsDefined(DayOfWeek))
            throw new DomainRuleException("settings.invalid", "The reminder day must be a day of the week.");
        TimeZones.Find(TimeZone);
    }
}

/// <summary>Time zones by IANA id, as the platform knows them.</summary>
public static class TimeZones
{
    public static bool IsKnown(string? id) => id is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public static TimeZoneInfo Find(string? id) =>
        IsKnown(id) ? TimeZoneInfo.FindSystemTimeZoneById(id!)
            : throw new DomainRuleException("validation.time_zone", $"'{id}' is not a time zone; give an IANA id such as Europe/Paris or America/New_York.");
}
