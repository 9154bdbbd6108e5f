using Okr.Domain.Organizations;

namespace Okr.Application.Organizations.Dtos;

/// <summary>The caller's organisation.</summary>
/// <param name="Version">The ETag: send it back in If-Match to rename the organisation or change its settings.</param>
/// <param name="Reminders">The check-in reminders' settings (ADR 0025).</param>
public sealed record OrganizationDto(Guid Id, long Version, string Name, OrganizationSettingsDto Settings, ReminderSettingsDto Reminders) : Common.IVersionedDto
{
    public static OrganizationDto Of(Organization organization) =>
        new(organization.Id, organization.Version, organization.Name, OrganizationSettingsDto.Of(organization.Settings),
            ReminderSettingsDto.Of(organization.Reminders));
}

/// <summary>Weekly check-in reminders to DRIs.</summary>
/// <param name="Enabled">Whether reminders go.</param>
/// <param name="DayOfWeek">The day they go, in each person's time zone.</param>
/// <param name="Hour">The local hour they go, 0 to 23.</param>
/// <param name="SecondNudge">A second nudge a day later to DRIs still due.</param>
/// <param name="EscalateAfterMissedCycles">Missed cycles before the unit's lead is told (0: never).</param>
/// <param name="TimeZone">The organisation's time zone (IANA id), for people who have not chosen one.</param>
public sealed record ReminderSettingsDto(bool Enabled, DayOfWeek DayOfWeek, int Hour, bool SecondNudge, int EscalateAfterMissedCycles, string TimeZone)
{
    public static ReminderSettingsDto Of(ReminderSettings r) => new(r.Enabled, r.DayOfWeek, r.Hour, r.SecondNudge, r.EscalateAfterMissedCycles, r.TimeZone);
}

/// <summary>The organisation-wide rules of the practice.</summary>
/// <param name="FiscalYearStartMonth">1 = January.</param>
/// <param name="CheckInCadenceDays">How often key results are checked in (7: weekly).</param>
/// <param name="StalenessGraceDays">Days past the cadence before a key result counts as stale; also the window for late check-ins after a period ends.</param>
/// <param name="AspirationalSuccessThreshold">The grade at which an aspirational objective's key result succeeds (0.7 by default).</param>
/// <param name="CommittedSuccessThreshold">The grade at which a committed objective's key result succeeds (0.85 by default).</param>
/// <param name="FinancialSuccessThreshold">The grade at which a financial key result succeeds (1.0 by default).</param>
/// <param name="OnTrackRatio">On track when progress is at least this share of the expected progress.</param>
/// <param name="AtRiskRatio">At risk when progress is at least this share of the expected progress (and not on track).</param>
/// <param name="LowConfidence">A latest confidence at or below this lowers on track to at risk.</param>
public sealed record OrganizationSettingsDto(
    int FiscalYearStartMonth,
    int CheckInCadenceDays,
    int StalenessGraceDays,
    double AspirationalSuccessThreshold,
    double CommittedSuccessThreshold,
    double FinancialSuccessThreshold,
    double OnTrackRatio,
    double AtRiskRatio,
    int LowConfidence)
{
    public static OrganizationSettingsDto Of(OrganizationSettings s) =>
        new(s.FiscalYearStartMonth, s.CheckInCadenceDays, s.StalenessGraceDays, s.AspirationalSuccessThreshold, s.CommittedSuccessThreshold,
            s.FinancialSuccessThreshold, s.OnTrackRatio, s.AtRiskRatio, s.LowConfidence);
}
