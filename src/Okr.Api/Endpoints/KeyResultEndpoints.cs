using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.KeyResults.Commands.CreateKeyResult;
using Okr.Application.KeyResults.Commands.DeleteKeyResult;
using Okr.Application.KeyResults.Commands.OverrideKeyResultGrade;
using Okr.Application.KeyResults.Commands.RecordCheckIn;
using Okr.Application.KeyResults.Commands.UpdateKeyResult;
using Okr.Application.KeyResults.Dtos;
using Okr.Application.KeyResults.Queries.GetKeyResult;

namespace Okr.Api.Endpoints;

/// <summary>/api/key-results and /api/check-ins: how success is measured, and the weekly updates.</summary>
public static class KeyResultEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/key-results").WithTags("KeyResults");
        group.MapPost("/", CreateKeyResult)
            .Operation(nameof(CreateKeyResult), "Add a key result to an open objective.").NotFound().RuleViolations();
        group.MapGet("/{id:guid}", GetKeyResult)
            .Operation(nameof(GetKeyResult), "One key result; the ETag is its version.").Read();
        group.MapPut("/{id:guid}", UpdateKeyResult)
            .Operation(nameof(UpdateKeyResult), "Replace how the key result is measured and who owns it. Send If-Match.").NotFoundAndStale().RuleViolations();
        group.MapDelete("/{id:guid}", DeleteKeyResult)
            .Operation(nameof(DeleteKeyResult), "Delete a key result of an open objective (its check-ins are kept).").NotFoundAndStale().RuleViolations();
        group.MapPut("/{id:guid}/grade", OverrideKeyResultGrade)
            .Operation(nameof(OverrideKeyResultGrade), "Override a closed key result's grade, with a reason.").NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/check-ins", RecordCheckIn)
            .Operation(nameof(RecordCheckIn), "Check in: value, confidence, narrative, blockers, next steps, effective date.")
            .NotFound().RuleViolations();

        api.MapGroup("/check-ins").WithTags("KeyResults")
            .MapGet("/{id:guid}", GetCheckIn)
            .Operation(nameof(GetCheckIn), "One check-in.").Read();
    }

    public static async Task<Created<KeyResultDto>> CreateKeyResult(CreateKeyResult command, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await sender.Send(command, cancellationToken);
        return Http.Created(http, $"/api/key-results/{created.Id}", created);
    }

    public static async Task<Ok<KeyResultDto>> GetKeyResult(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new GetKeyResult(id), cancellationToken));

    public static async Task<Ok<KeyResultDto>> UpdateKeyResult(Guid id, UpdateKeyResult command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<NoContent> DeleteKeyResult(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteKeyResult(id, Http.IfMatch(http)), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<KeyResultDto>> OverrideKeyResultGrade(Guid id, OverrideKeyResultGrade command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Created<CheckInDto>> RecordCheckIn(Guid id, RecordCheckIn command, ISender sender, CancellationToken cancellationToken)
    {
        var checkIn = await sender.Send(command with { KeyResultId = id }, cancellationToken);
        return TypedResults.Created($"/api/check-ins/{checkIn.Id}", checkIn);
    }

    public static async Task<Ok<CheckInDto>> GetCheckIn(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetCheckIn(id), cancellationToken));
}
