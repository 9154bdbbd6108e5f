using Okr.Domain.Common;

namespace Okr.Domain.Organizations;

/// <summary>The tenant. Nothing is ever visible across organisations.</summary>
public sealed class Organization : AggregateRoot
{
    private Organization() { Name = string.Empty; Settings = OrganizationSettings.Default; Reminders = ReminderSettings.Default; }

    public Organization(string name)
    {
        Name = Guard.Text(name, "Name", TextLimits.Name);
        Settings = OrganizationSettings.Default;
        Reminders = ReminderSettings.Default;
    }

    public string Name { get; private set; }
    public OrganizationSettings Settings { get; private set; }
    public ReminderSettings Reminders { get; private set; }

    public void Rename(string name) => Name = Guard.Text(name, "Name", TextLimits.Name);

    public void ChangeSettings(OrganizationSettings settings)
    {
        settings.EnsureValid();
        Settings = settings;
    }

    public void ChangeReminders(ReminderSettings reminders)
    {
        reminders.EnsureValid();
        Reminders = reminders;
    }
}

/// <summary>
/// Organisation-wide rules of the practice. Defaults follow okr-domain.md: weekly check-ins, success at
/// 0.7 for aspirational, 0.85 for committed and 1.0 for financial key results; on track at 90 % of expected.
/// </summary>
public sealed record OrganizationSettings
{
    public static OrganizationSettings Default { get; } = new();

    /// <summary>1 = January.</summary>
    public int FiscalYearStartMonth { get; init; } = 1;
    public int CheckInCadenceDays { get; init; } = 7;
    public int StalenessGraceDays { get; init; } = 3;
    public double AspirationalSuccessThreshold { get; init; } = 0.7;
    public double CommittedSuccessThreshold { get; init; } = 0.85;
    public double FinancialSuccessThreshold { get; init; } = 1.0;
    /// <summary>On track when progress ≥ this share of expected progress.</summary>
    public double OnTrackRatio { get; init; } = 0.9;
    /// <summary>At risk when progress ≥ this share of expected progress (and not on track).</summary>
    public double AtRiskRatio { get; init; } = 0.7;
    /// <summary>A latest confidence at or below this lowers on track to at risk.</summary>
    public int LowConfidence { get; init; } = 3;

    public void EnsureValid()
    {
        if (FiscalYearStartMonth is < 1 or > 12)
            throw new DomainRuleException("settings.invalid", "Fiscal year start month must be between 1 and 12.");
        if (CheckInCadenceDays is < 1 or > 92)
            throw new DomainRuleException("settings.invalid", "Check-in cadence must be between 1 and 92 days.");
        if (StalenessGraceDays is < 0 or > 60)
            throw new DomainRuleException("settings.invalid", "Staleness grace must be between 0 and 60 days.");
        Guard.Ratio(AspirationalSuccessThreshold, "Aspirational success threshold");
        Guard.Ratio(CommittedSuccessThreshold, "Committed success threshold");
        Guard.Ratio(FinancialSuccessThreshold, "Financial success threshold");
        Guard.Ratio(OnTrackRatio, "On-track ratio");
        Guard.Ratio(AtRiskRatio, "At-risk ratio");
        if (AtRiskRatio > OnTrackRatio)
            throw new DomainRuleException("settings.invalid", "The at-risk ratio cannot be above the on-track ratio.");
        if (LowConfidence is < 0 or > 10)
            throw new DomainRuleException("settings.invalid", "Low confidence must be between 0 and 10.");
    }

    /// <summary>How long a key result may go without a check-in before it is stale.</summary>
    public TimeSpan StalenessWindow => TimeSpan.FromDays(CheckInCadenceDays + StalenessGraceDays);
}
