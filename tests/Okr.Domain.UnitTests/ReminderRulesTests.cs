using Okr.Domain.Organizations;
using Okr.Domain.Reminders;

namespace Okr.Domain.UnitTests;

/// <summary>When check-in reminders go, as a table (ADR 0025).</summary>
public class ReminderRulesTests
{
    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // now (UTC), zone, day, hour → cycle's local date, cycle's start (UTC)
    [InlineData("2026-11-23T09:00:00Z", "UTC", DayOfWeek.Monday, 9, "2026-11-23", "2026-11-23T09:00:00Z")]          // on the hour
    [InlineData("2026-11-23T08:59:00Z", "UTC", DayOfWeek.Monday, 9, "2026-11-16", "2026-11-16T09:00:00Z")]          // a minute early: last week's
    [InlineData("2026-11-29T23:00:00Z", "UTC", DayOfWeek.Monday, 9, "2026-11-23", "2026-11-23T09:00:00Z")]          // Sunday night
    // Either side of midnight: 23:30 UTC Sunday is already Monday 08:30 in Tokyo (not yet 9), and Monday 10:30 in Kiribati.
    [InlineData("2026-11-22T23:30:00Z", "Asia/Tokyo", DayOfWeek.Monday, 9, "2026-11-16", "2026-11-16T00:00:00Z")]
    [InlineData("2026-11-23T00:00:00Z", "Asia/Tokyo", DayOfWeek.Monday, 9, "2026-11-23", "2026-11-23T00:00:00Z")]
    [InlineData("2026-11-22T23:30:00Z", "Pacific/Kiritimati", DayOfWeek.Monday, 9, "2026-11-23", "2026-11-22T19:00:00Z")]
    // West of UTC: Monday 09:00 in Los Angeles is 17:00 UTC.
    [InlineData("2026-11-23T16:59:00Z", "America/Los_Angeles", DayOfWeek.Monday, 9, "2026-11-16", "2026-11-16T17:00:00Z")]
    [InlineData("2026-11-23T17:00:00Z", "America/Los_Angeles", DayOfWeek.Monday, 9, "2026-11-23", "2026-11-23T17:00:00Z")]
    // DST: Paris goes to summer time on Sunday 29 March 2026 at 02:00 (02:00-03:00 does not exist): a 02:00 reminder is at 03:00 CEST.
    [InlineData("2026-03-29T01:00:00Z", "Europe/Paris", DayOfWeek.Sunday, 2, "2026-03-29", "2026-03-29T01:00:00Z")]
    [InlineData("2026-03-29T00:59:00Z", "Europe/Paris", DayOfWeek.Sunday, 2, "2026-03-22", "2026-03-22T01:00:00Z")]
    // A 09:00 reminder keeps 09:00 local across the change: 08:00 UTC in winter, 07:00 UTC in summer.
    [InlineData("2026-03-30T07:00:00Z", "Europe/Paris", DayOfWeek.Monday, 9, "2026-03-30", "2026-03-30T07:00:00Z")]
    // Back to winter time on Sunday 25 October 2026: 02:00-03:00 happens twice; the first 02:00 (CEST, 00:00 UTC) counts.
    [InlineData("2026-10-25T00:00:00Z", "Europe/Paris", DayOfWeek.Sunday, 2, "2026-10-25", "2026-10-25T00:00:00Z")]
    public void The_cycle_starts_at_the_last_day_and_hour_in_the_persons_zone(string now, string zone, DayOfWeek day, int hour, string date, string start)
    {
        var cycle = ReminderRules.CurrentCycle(At(now), TimeZones.Find(zone), day, hour);

        cycle.Date.Should().Be(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        cycle.Start.Should().Be(At(start));
    }

    private static readonly ReminderCycle Cycle = new(new DateOnly(2026, 11, 23), At("2026-11-23T09:00:00Z"));

    [Theory]
    // hours since the cycle started, second nudge on, reminded, nudged → what goes
    [InlineData(0, true, false, false, ReminderKind.Reminder)]
    [InlineData(23.9, true, false, false, ReminderKind.Reminder)]
    [InlineData(5, true, true, false, null)]                      // never twice in a cycle
    [InlineData(24, true, false, false, null)]                    // a day late: the cycle's reminder is skipped, not sent late
    [InlineData(24, true, true, false, ReminderKind.SecondNudge)] // a day later, still due
    [InlineData(47.9, true, true, false, ReminderKind.SecondNudge)]
    [InlineData(30, true, true, true, null)]                      // nudged once only
    [InlineData(30, false, true, false, null)]                    // second nudge off
    [InlineData(48, true, true, false, null)]                     // past the nudge's day
    [InlineData(-1, true, false, false, null)]
    public void What_goes_to_a_DRI_depends_on_the_hour_and_what_already_went(double hours, bool secondNudge, bool reminded, bool nudged, ReminderKind? expected)
    {
        ReminderRules.ToSend(Cycle.Start.AddHours(hours), Cycle, secondNudge, reminded, nudged).Should().Be(expected);
    }

    [Theory]
    // last check-in, days before the cycle's start (null: never) → due
    [InlineData(null, true)]
    [InlineData(8.0, true)]
    [InlineData(7.0, false)]    // at the previous cycle's start: counts for this cycle
    [InlineData(2.0, false)]    // checked in before the reminder went
    [InlineData(-0.5, false)]   // checked in after it
    public void A_key_result_is_due_without_a_check_in_since_the_previous_cycle_started(double? daysBefore, bool due)
    {
        DateTimeOffset? last = daysBefore is { } d ? Cycle.Start.AddDays(-d) : null;

        ReminderRules.IsDue(last, Cycle).Should().Be(due);
    }

    [Theory]
    // last check-in days before the cycle (null: never, counted from 30 days before), escalate after → missed, escalates
    [InlineData(8.0, 2, 1, false)]
    [InlineData(14.0, 2, 2, true)]
    [InlineData(20.0, 2, 2, true)]
    [InlineData(21.0, 3, 3, true)]
    [InlineData(null, 2, 4, true)]   // never checked in: counted from when it could be (30 days: 4 whole cycles)
    [InlineData(30.0, 0, 4, false)]  // 0: never escalate
    [InlineData(2.0, 1, 0, false)]
    public void The_units_lead_hears_after_the_set_number_of_missed_cycles(double? daysBefore, int escalateAfter, int missed, bool escalates)
    {
        DateTimeOffset? last = daysBefore is { } d ? Cycle.Start.AddDays(-d) : null;

        var count = ReminderRules.MissedCycles(last, Cycle.Start.AddDays(-30), Cycle);

        count.Should().Be(missed);
        ReminderRules.Escalates(count, escalateAfter).Should().Be(escalates);
    }

    [Theory]
    // paused until, now (UTC), zone → paused
    [InlineData(null, "2026-11-23T09:00:00Z", "UTC", false)]
    [InlineData("2026-11-23", "2026-11-23T09:00:00Z", "UTC", true)]     // the last day of the holiday
    [InlineData("2026-11-22", "2026-11-23T09:00:00Z", "UTC", false)]    // back
    [InlineData("2026-11-22", "2026-11-22T23:30:00Z", "UTC", true)]
    [InlineData("2026-11-22", "2026-11-22T23:30:00Z", "Asia/Tokyo", false)] // already the 23rd in Tokyo
    public void A_person_on_holiday_is_not_reminded_until_their_last_day_is_over(string? until, string now, string zone, bool paused)
    {
        DateOnly? pausedUntil = until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture);

        ReminderRules.IsPaused(pausedUntil, At(now), TimeZones.Find(zone)).Should().Be(paused);
    }

    [Theory]
    [InlineData(-1, 2, "UTC")]
    [InlineData(24, 2, "UTC")]
    [InlineData(9, -1, "UTC")]
    [InlineData(9, 53, "UTC")]
    [InlineData(9, 2, "Mars/Olympus")]
    public void Bad_reminder_settings_are_refused(int hour, int escalateAfter, string zone)
    {
        var settings = new ReminderSettings { Hour = hour, EscalateAfterMissedCycles = escalateAfter, TimeZone = zone };

        settings.Invoking(s => s.EnsureValid()).Should().Throw<Okr.Domain.Common.DomainRuleException>();
    }
}
