using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.Initiatives.Commands.ChangeInitiativeStatus;
using Okr.Application.Initiatives.Commands.CreateInitiative;
using Okr.Application.Initiatives.Commands.InitiativeKeyResults;
using Okr.Application.Initiatives.Commands.UpdateInitiative;
using Okr.Application.Initiatives.Dtos;
using Okr.Application.Initiatives.Queries.GetInitiative;

namespace Okr.Api.Endpoints;

/// <summary>/api/initiatives: the work that should move key results.</summary>
public static class InitiativeEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/initiatives").WithTags("Initiatives");
        group.MapPost("/", CreateInitiative)
            .Operation(nameof(CreateInitiative), "Plan an initiative, linked to the key results it should move.").RuleViolations();
        group.MapGet("/{id:guid}", GetInitiative)
            .Operation(nameof(GetInitiative), "One initiative; the ETag is its version.").Read();
        group.MapPut("/{id:guid}", UpdateInitiative)
            .Operation(nameof(UpdateInitiative), "Replace what is written about an initiative, its external reference included. Send If-Match.")
            .NotFoundAndStale().RuleViolations();
        group.MapPut("/{id:guid}/status", ChangeInitiativeStatus)
            .Operation(nameof(ChangeInitiativeStatus), "Set the initiative's status: planned, in progress, done, blocked or cancelled.")
            .NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/key-results", LinkInitiativeToKeyResult)
            .Operation(nameof(LinkInitiativeToKeyResult), "Link the initiative to a key result it should move; answers the initiative with its new ETag.")
            .NotFoundAndStale().RuleViolations();
        group.MapDelete("/{id:guid}/key-results/{keyResultId:guid}", UnlinkInitiativeFromKeyResult)
            .Operation(nameof(UnlinkInitiativeFromKeyResult), "Unlink the initiative from a key result; answers the initiative with its new ETag.")
            .NotFoundAndStale();
    }

    public static async Task<Created<InitiativeDto>> CreateInitiative(CreateInitiative command, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await sender.Send(command, cancellationToken);
        return Http.Created(http, $"/api/initiatives/{created.Id}", created);
    }

    public static async Task<Ok<InitiativeDto>> GetInitiative(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new GetInitiative(id), cancellationToken));

    public static async Task<Ok<InitiativeDto>> UpdateInitiative(Guid id, UpdateInitiative command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Ok<InitiativeDto>> ChangeInitiativeStatus(Guid id, ChangeInitiativeStatus command, ISender sender, HttpContext http,
        CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Ok<InitiativeDto>> LinkInitiativeToKeyResult(Guid id, LinkInitiativeToKeyResult command, ISender sender, HttpContext http,
        CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Ok<InitiativeDto>> UnlinkInitiativeFromKeyResult(Guid id, Guid keyResultId, ISender sender, HttpContext http,
        CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new UnlinkInitiativeFromKeyResult(id, keyResultId, Http.IfMatch(http)), cancellationToken));
}
