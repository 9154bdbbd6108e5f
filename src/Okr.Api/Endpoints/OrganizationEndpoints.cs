using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.Organizations.Commands.ChangeOrganizationSettings;
using Okr.Application.Organizations.Commands.ChangeReminderSettings;
using Okr.Application.Organizations.Commands.CreateOrganization;
using Okr.Application.Organizations.Commands.RenameOrganization;
using Okr.Application.Organizations.Dtos;
using Okr.Application.Organizations.Queries.GetOrganization;

namespace Okr.Api.Endpoints;

/// <summary>/api/organizations: the tenant itself.</summary>
public static class OrganizationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations").WithTags("Organizations");
        group.MapPost("/", CreateOrganization)
            .Operation(nameof(CreateOrganization), "Create an organisation; the caller, who must not belong to one yet, becomes its admin.")
            .RuleViolations().Throttled();
        group.MapGet("/{id:guid}", GetOrganization)
            .Operation(nameof(GetOrganization), "The caller's organisation with its settings; the ETag is its version.").Read();
        group.MapPut("/{id:guid}", RenameOrganization)
            .Operation(nameof(RenameOrganization), "Rename the organisation (admins). Send If-Match.").NotFoundAndStale();
        group.MapPut("/{id:guid}/settings", ChangeOrganizationSettings)
            .Operation(nameof(ChangeOrganizationSettings),
                "Replace the settings: fiscal year start, check-in cadence, grace days, grading and status thresholds (admins). Send If-Match.")
            .NotFoundAndStale().RuleViolations();
        group.MapPut("/{id:guid}/reminder-settings", ChangeReminderSettings)
            .Operation(nameof(ChangeReminderSettings),
                "Replace the check-in reminder settings: on or off, day and hour, second nudge, missed cycles before escalating, time zone (admins). Send If-Match.")
            .NotFoundAndStale().RuleViolations();
    }

    public static async Task<Created<OrganizationCreated>> CreateOrganization(CreateOrganization command, ISender sender, CancellationToken cancellationToken)
    {
        var created = await sender.Send(command, cancellationToken);
        return TypedResults.Created($"/api/organizations/{created.OrganizationId}", created);
    }

    public static async Task<Ok<OrganizationDto>> GetOrganization(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new GetOrganization(id), cancellationToken));

    public static async Task<Ok<OrganizationDto>> RenameOrganization(Guid id, RenameOrganization command, ISender sender, HttpContext http,
        CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Ok<OrganizationDto>> ChangeOrganizationSettings(Guid id, ChangeOrganizationSettings command, ISender sender, HttpContext http,
        CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Ok<OrganizationDto>> ChangeReminderSettings(Guid id, ChangeReminderSettings command, ISender sender, HttpContext http,
        CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));
}
