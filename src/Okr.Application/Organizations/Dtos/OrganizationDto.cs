using Okr.Domain.Organizations;

namespace Okr.Application.Organizations.Dtos;

/// <summary>The caller's organisation.</summary>
/// <param name="Version">The ETag: send it back in If-Match to rename the organisation or change its settings.</param>
public sealed record OrganizationDto(Guid Id, long Version, string Name, OrganizationSettingsDto Settings) : Common.IVersionedDto
{
    public static OrganizationDto Of(Organization organization) =>
        new(organization.Id, organization.Version, organization.Name, OrganizationSettingsDto.Of(organization.Settings));
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
