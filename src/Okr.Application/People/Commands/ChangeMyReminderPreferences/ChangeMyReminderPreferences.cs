using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.People.Dtos;
using Okr.Domain.Organizations;

namespace Okr.Application.People.Commands.ChangeMyReminderPreferences;

/// <summary>The caller's time zone for reminders and their holiday pause (ADR 0025). Any member, for themselves.</summary>
public sealed record ChangeMyReminderPreferences : ICommand<PersonDto>, IExpectVersion
{
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    /// <summary>The caller's time zone (IANA id); null: the organisation's.</summary>
    public string? TimeZone { get; init; }
    /// <summary>No check-in reminders until this date, inclusive (on holiday); null: not paused.</summary>
    public DateOnly? RemindersPausedUntil { get; init; }
}

public sealed class ChangeMyReminderPreferencesValidator : AbstractValidator<ChangeMyReminderPreferences>
{
    public ChangeMyReminderPreferencesValidator() =>
        RuleFor(c => c.TimeZone).Must(TimeZones.IsKnown).When(c => c.TimeZone is not null)
            .WithMessage("Give an IANA time zone such as Europe/Paris or America/New_York, or none for the organisation's.");
}

public sealed class ChangeMyReminderPreferencesHandler(IOkrDbContext db, ICurrentUser user) : ICommandHandler<ChangeMyReminderPreferences, PersonDto>
{
    public async ValueTask<PersonDto> Handle(ChangeMyReminderPreferences command, CancellationToken cancellationToken)
    {
        var personId = user.PersonId ?? throw new ForbiddenException("You do not belong to an organisation yet.");
        var person = await db.People.FindOrNotFoundAsync(personId, "Person", cancellationToken);
        person.EnsureVersion(command.ExpectedVersion);
        person.ChangeReminderPreferences(command.TimeZone, command.RemindersPausedUntil);
        await db.SaveChangesAsync(cancellationToken);
        return await person.ToDtoAsync(db, cancellationToken);
    }
}
