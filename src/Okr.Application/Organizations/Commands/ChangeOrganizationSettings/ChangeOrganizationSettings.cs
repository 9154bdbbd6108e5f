using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Organizations.Dtos;
using Okr.Domain.Organizations;

namespace Okr.Application.Organizations.Commands.ChangeOrganizationSettings;

/// <summary>Replaces the organisation's settings: fiscal year start, check-in cadence, grace days, grading and status thresholds. Admins only.</summary>
public sealed record ChangeOrganizationSettings : ICommand<OrganizationDto>, IExpectVersion, IAdminRequest
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    /// <summary>The month the fiscal year starts, 1 (January) to 12.</summary>
    public required int FiscalYearStartMonth { get; init; }
    /// <summary>Days between expected check-ins, 1 to 92 (7: weekly).</summary>
    public required int CheckInCadenceDays { get; init; }
    /// <summary>Days past the cadence before a key result is stale, and the late check-in window after a period ends: 0 to 60.</summary>
    public required int StalenessGraceDays { get; init; }
    /// <summary>Success threshold of aspirational objectives' key results, 0 to 1.</summary>
    public required double AspirationalSuccessThreshold { get; init; }
    /// <summary>Success threshold of committed objectives' key results, 0 to 1.</summary>
    public required double CommittedSuccessThreshold { get; init; }
    /// <summary>Success threshold of financial key results, 0 to 1.</summary>
    public required double FinancialSuccessThreshold { get; init; }
    /// <summary>On track at this share of the expected progress, 0 to 1.</summary>
    public required double OnTrackRatio { get; init; }
    /// <summary>At risk at this share of the expected progress, 0 to 1 and not above the on-track ratio.</summary>
    public required double AtRiskRatio { get; init; }
    /// <summary>A confidence at or below this (0 to 10) lowers on track to at risk.</summary>
    public required int LowConfidence { get; init; }

    internal OrganizationSettings ToSettings() => new()
    {
        FiscalYearStartMonth = FiscalYearStartMonth,
        CheckInCadenceDays = CheckInCadenceDays,
        StalenessGraceDays = StalenessGraceDays,
        AspirationalSuccessThreshold = AspirationalSuccessThreshold,
        CommittedSuccessThreshold = CommittedSuccessThreshold,
        FinancialSuccessThreshold = FinancialSuccessThreshold,
        OnTrackRatio = OnTrackRatio,
        AtRiskRatio = AtRiskRatio,
        LowConfidence = LowConfidence,
    };
}

/// <summary>The same limits as <see cref="OrganizationSettings.EnsureValid"/>, checked first so each bad field is named.</summary>
public sealed class ChangeOrganizationSettingsValidator : AbstractValidator<ChangeOrganizationSettings>
{
    public ChangeOrganizationSettingsValidator()
    {
        RuleFor(c => c.FiscalYearStartMonth).InclusiveBetween(1, 12).WithMessage("The fiscal year starts in a month from 1 (January) to 12.");
        RuleFor(c => c.CheckInCadenceDays).InclusiveBetween(1, 92).WithMessage("The check-in cadence is 1 to 92 days.");
        RuleFor(c => c.StalenessGraceDays).InclusiveBetween(0, 60).WithMessage("The grace is 0 to 60 days.");
        RuleFor(c => c.AspirationalSuccessThreshold).Must(IsRatio).WithMessage(RatioMessage);
        RuleFor(c => c.CommittedSuccessThreshold).Must(IsRatio).WithMessage(RatioMessage);
        RuleFor(c => c.FinancialSuccessThreshold).Must(IsRatio).WithMessage(RatioMessage);
        RuleFor(c => c.OnTrackRatio).Must(IsRatio).WithMessage(RatioMessage);
        RuleFor(c => c.AtRiskRatio).Must(IsRatio).WithMessage(RatioMessage)
            .LessThanOrEqualTo(c => c.OnTrackRatio).WithMessage("The at-risk ratio cannot be above the on-track ratio.");
        RuleFor(c => c.LowConfidence).InclusiveBetween(0, 10).WithMessage("Low confidence is 0 to 10.");
    }

    private const string RatioMessage = "Give a number from 0 to 1.";

    private static bool IsRatio(double value) => double.IsFinite(value) && value is >= 0 and <= 1;
}

public sealed class ChangeOrganizationSettingsHandler(IOkrDbContext db) : ICommandHandler<ChangeOrganizationSettings, OrganizationDto>
{
    public async ValueTask<OrganizationDto> Handle(ChangeOrganizationSettings command, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.FindOrNotFoundAsync(command.Id, "Organization", cancellationToken);
        organization.EnsureVersion(command.ExpectedVersion);
        organization.ChangeSettings(command.ToSettings());
        await db.SaveChangesAsync(cancellationToken);
        return OrganizationDto.Of(organization);
    }
}
