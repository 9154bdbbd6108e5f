using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.FocusAreas.Commands.CreateFocusArea;
using Okr.Application.FocusAreas.Commands.FocusAreaArchiving;
using Okr.Application.FocusAreas.Commands.UpdateFocusArea;
using Okr.Application.FocusAreas.Dtos;
using Okr.Application.FocusAreas.Queries.GetFocusArea;

namespace Okr.Api.Endpoints;

/// <summary>/api/focus-areas: the company's strategic pillars for a period.</summary>
public static class FocusAreaEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/focus-areas").WithTags("FocusAreas");
        group.MapPost("/", CreateFocusArea)
            .Operation(nameof(CreateFocusArea), "Create a focus area for a period (admins).").RuleViolations();
        group.MapGet("/{id:guid}", GetFocusArea)
            .Operation(nameof(GetFocusArea), "One focus area; the ETag is its version.").Read();
        group.MapPut("/{id:guid}", UpdateFocusArea)
            .Operation(nameof(UpdateFocusArea), "Rewrite the focus area's title and description (admins). Send If-Match.").NotFoundAndStale();
        group.MapPost("/{id:guid}/archive", ArchiveFocusArea)
            .Operation(nameof(ArchiveFocusArea), "Archive the focus area: objectives keep it, new ones cannot choose it (admins).").NotFoundAndStale();
        group.MapPost("/{id:guid}/restore", RestoreFocusArea)
            .Operation(nameof(RestoreFocusArea), "Bring an archived focus area back (admins).").NotFoundAndStale();
    }

    public static async Task<Created<FocusAreaDto>> CreateFocusArea(CreateFocusArea command, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await sender.Send(command, cancellationToken);
        return Http.Created(http, $"/api/focus-areas/{created.Id}", created);
    }

    public static async Task<Ok<FocusAreaDto>> GetFocusArea(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new GetFocusArea(id), cancellationToken));

    public static async Task<Ok<FocusAreaDto>> UpdateFocusArea(Guid id, UpdateFocusArea command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Ok<FocusAreaDto>> ArchiveFocusArea(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new ArchiveFocusArea(id, Http.IfMatch(http)), cancellationToken));

    public static async Task<Ok<FocusAreaDto>> RestoreFocusArea(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new RestoreFocusArea(id, Http.IfMatch(http)), cancellationToken));
}
