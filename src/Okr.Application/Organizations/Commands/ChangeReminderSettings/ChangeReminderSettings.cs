using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Organizations.Dtos;
using Okr.Domain.Organizations;

namespace Okr.Application.Organizations.Commands.ChangeReminderSettings;

/// <summary>Replaces the organisation's check-in reminder settings (ADR 0025). Admins only.</summary>
public sealed record ChangeReminderSettings : ICommand<OrganizationDto>, IExpectVersion, IAdminRequest
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    /// <summary>Whether DRIs are reminded to check in, weekly.</summary>
    public required bool Enabled { get; init; }
    /// <summary>The day of the week reminders go, in each person's time zone.</summary>
    public required DayOfWeek DayOfWeek { get; init; }
    /// <summary>The local hour reminders go, 0 to 23.</summary>
    public required int Hour { get; init; }
    /// <summary>A second nudge a day later to DRIs still due.</summary>
    public required bool SecondNudge { get; init; }
    /// <summary>Missed cycles before the unit's lead is told, 0 (never) to 52.</summary>
    public required int EscalateAfterMissedCycles { get; init; }
    /// <summary>The organisation's time zone (IANA id such as Europe/Paris), for people who have not chosen one.</summary>
    public required string TimeZone { get; init; }

    internal ReminderSettings ToSettings() => new()
    {
        Enabled = Enabled, DayOfWeek = DayOfWeek, Hour = Hour, SecondNudge = SecondNudge,
        EscalateAfterMissedCycles = EscalateAfterMissedCycles, TimeZone = TimeZone,
    };
}

public sealed class ChangeReminderSettingsValidator : AbstractValidator<ChangeReminderSettings>
{
    public ChangeReminderSettingsValidator()
    {
        RuleFor(c => c.DayOfWeek).IsInEnum().WithMessage("Give a day of the week.");
        RuleFor(c => c.Hour).InclusiveBetween(0, 23).WithMessage("The hour is 0 to 23.");
        RuleFor(c => c.EscalateAfterMissedCycles).InclusiveBetween(0, 52).WithMessage("Missed cycles before escalating are 0 (never) to 52.");
        RuleFor(c => c.TimeZone).Must(TimeZones.IsKnown).WithMessage("Give an IANA time zone such as Europe/Paris or America/New_York.");
    }
}

public sealed class ChangeReminderSettingsHandler(IOkrDbContext db) : ICommandHandler<ChangeReminderSettings, OrganizationDto>
{
    public async ValueTask<OrganizationDto> Handle(ChangeReminderSettings command, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.FindOrNotFoundAsync(command.Id, "Organization", cancellationToken);
        organization.EnsureVersion(command.ExpectedVersion);
        organization.ChangeReminders(command.ToSettings());
        await db.SaveChangesAsync(cancellationToken);
        return OrganizationDto.Of(organization);
    }
}
