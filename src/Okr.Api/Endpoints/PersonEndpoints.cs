using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.Notifications.Commands.ChangeMyNotificationPreferences;
using Okr.Application.Notifications.Queries.GetMyNotificationPreferences;
using Okr.Application.People.Commands.ChangeMyReminderPreferences;
using Okr.Application.People.Commands.ChangePersonRole;
using Okr.Application.People.Commands.PersonActivation;
using Okr.Application.People.Commands.UpdateMyProfile;
using Okr.Application.People.Dtos;
using Okr.Application.People.Queries.GetPerson;

namespace Okr.Api.Endpoints;

/// <summary>/api/people: the organisation's people, their roles and access.</summary>
public static class PersonEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/people").WithTags("People");
        group.MapGet("/{id:guid}", GetPerson)
            .Operation(nameof(GetPerson), "One person with their units; the ETag is their version.").Read();
        group.MapPut("/me", UpdateMyProfile)
            .Operation(nameof(UpdateMyProfile), "Change the caller's display name. Send If-Match.").NotFoundAndStale();
        group.MapPut("/me/reminder-preferences", ChangeMyReminderPreferences)
            .Operation(nameof(ChangeMyReminderPreferences),
                "Set the caller's time zone for check-in reminders (none: the organisation's) and pause them until a date (on holiday). Send If-Match.")
            .NotFoundAndStale().RuleViolations();
        group.MapPut("/me/notification-preferences", ChangeMyNotificationPreferences)
            .Operation(nameof(ChangeMyNotificationPreferences),
                "Choose where each kind of notification reaches you: in the app, by email, both or neither. Kinds left out keep what they had.");
        group.MapPut("/{id:guid}/role", ChangePersonRole)
            .Operation(nameof(ChangePersonRole), "Make a person an admin or a member (admins); the last admin cannot step down. Send If-Match.")
            .NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/deactivate", DeactivatePerson)
            .Operation(nameof(DeactivatePerson), "Take a person's access away, keeping their history (admins; not yourself, not the last admin).")
            .NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/reactivate", ReactivatePerson)
            .Operation(nameof(ReactivatePerson), "Give a deactivated person their access back (admins).").NotFoundAndStale();
    }

    public static async Task<Ok<PersonDto>> GetPerson(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new GetPerson(id), cancellationToken));

    public static async Task<Ok<PersonDto>> UpdateMyProfile(UpdateMyProfile command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Ok<PersonDto>> ChangePersonRole(Guid id, ChangePersonRole command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Ok<PersonDto>> DeactivatePerson(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new DeactivatePerson(id, Http.IfMatch(http)), cancellationToken));

    public static async Task<Ok<PersonDto>> ReactivatePerson(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new ReactivatePerson(id, Http.IfMatch(http)), cancellationToken));

    public static async Task<Ok<PersonDto>> ChangeMyReminderPreferences(ChangeMyReminderPreferences command, ISender sender, HttpContext http,
        CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Ok<IReadOnlyList<NotificationPreferenceView>>> ChangeMyNotificationPreferences(ChangeMyNotificationPreferences command,
        ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(command, cancellationToken));
}
