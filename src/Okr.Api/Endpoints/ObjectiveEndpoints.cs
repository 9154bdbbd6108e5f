using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.KeyResults.Commands.ArrangeKeyResults;
using Okr.Application.Notifications.Commands.FollowObjective;
using Okr.Application.Objectives.Commands.AlignObjective;
using Okr.Application.Objectives.Commands.CreateObjective;
using Okr.Application.Objectives.Commands.DeleteObjective;
using Okr.Application.Objectives.Commands.ObjectiveLifecycle;
using Okr.Application.Objectives.Commands.OverrideObjectiveGrade;
using Okr.Application.Objectives.Commands.RemoveAlignment;
using Okr.Application.Objectives.Commands.RollOverObjective;
using Okr.Application.Objectives.Commands.UpdateObjective;
using Okr.Application.Objectives.Commands.WriteRetrospective;
using Okr.Application.Objectives.Dtos;
using Okr.Application.Objectives.Queries.GetObjective;

namespace Okr.Api.Endpoints;

/// <summary>/api/objectives: what units want to achieve, their lifecycle and their alignment.</summary>
public static class ObjectiveEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/objectives").WithTags("Objectives");
        group.MapPost("/", CreateObjective)
            .Operation(nameof(CreateObjective), "Draft an objective for a unit in a period.").NotFound().RuleViolations();
        group.MapGet("/{id:guid}", GetObjective)
            .Operation(nameof(GetObjective), "One objective with its key results; the ETag is its version.").Read();
        group.MapPut("/{id:guid}", UpdateObjective)
            .Operation(nameof(UpdateObjective), "Replace what is written about an open objective, RACI included. Send If-Match.").NotFoundAndStale().RuleViolations();
        group.MapDelete("/{id:guid}", DeleteObjective)
            .Operation(nameof(DeleteObjective), "Delete a draft (cancel an active objective instead).").NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/activate", ActivateObjective)
            .Operation(nameof(ActivateObjective), "Activate a draft; it needs a measurable key result.").NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/cancel", CancelObjective)
            .Operation(nameof(CancelObjective), "Cancel a draft or active objective; its history stays.").NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/alignments", AlignObjective)
            .Operation(nameof(AlignObjective), "Align the objective to a parent objective or a parent key result (contributes or supports).")
            .NotFound().RuleViolations();
        group.MapDelete("/{id:guid}/alignments/{alignmentId:guid}", RemoveAlignment)
            .Operation(nameof(RemoveAlignment), "Remove one of the objective's alignments (not once the objective is closed or cancelled).")
            .NotFound().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{id:guid}/key-result-order", ArrangeKeyResults)
            .Operation(nameof(ArrangeKeyResults), "Set the order and weights of the objective's key results.").NotFoundAndStale().RuleViolations();
        group.MapPut("/{id:guid}/grade", OverrideObjectiveGrade)
            .Operation(nameof(OverrideObjectiveGrade), "Override a closed objective's grade, with a reason; a null grade removes the override.")
            .NotFoundAndStale().RuleViolations();
        group.MapPut("/{id:guid}/retrospective", WriteRetrospective)
            .Operation(nameof(WriteRetrospective), "Write the objective's retrospective.").NotFoundAndStale().RuleViolations();
        group.MapPut("/{id:guid}/follow", FollowObjective)
            .Operation(nameof(FollowObjective), "Follow an objective you can see: hear of its comments and of its key results turning at risk or off track. Idempotent.")
            .NotFound();
        group.MapDelete("/{id:guid}/follow", UnfollowObjective)
            .Operation(nameof(UnfollowObjective), "Stop following an objective. Idempotent.").NotFound();
        group.MapPost("/{id:guid}/roll-over", RollOverObjective)
            .Operation(nameof(RollOverObjective), "Start a draft copy in a later period with the unfinished key results.").NotFound().RuleViolations();
    }

    public static async Task<Created<ObjectiveDto>> CreateObjective(CreateObjective command, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await sender.Send(command, cancellationToken);
        return Http.Created(http, $"/api/objectives/{created.Id}", created);
    }

    public static async Task<Ok<ObjectiveDto>> GetObjective(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new GetObjective(id), cancellationToken));

    public static async Task<Ok<ObjectiveDto>> UpdateObjective(Guid id, UpdateObjective command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<NoContent> DeleteObjective(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteObjective(id, Http.IfMatch(http)), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<ObjectiveDto>> ActivateObjective(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new ActivateObjective(id, Http.IfMatch(http)), cancellationToken));

    public static async Task<Ok<ObjectiveDto>> CancelObjective(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new CancelObjective(id, Http.IfMatch(http)), cancellationToken));

    public static async Task<Created<AlignmentDto>> AlignObjective(Guid id, AlignObjective command, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var alignment = await sender.Send(command with { Id = id }, cancellationToken);
        return Http.Created(http, $"/api/objectives/{id}/alignments/{alignment.Id}", alignment);
    }

    public static async Task<NoContent> RemoveAlignment(Guid id, Guid alignmentId, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new RemoveAlignment(id, alignmentId), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<ObjectiveDto>> ArrangeKeyResults(Guid id, ArrangeKeyResults command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { ObjectiveId = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Ok<ObjectiveDto>> OverrideObjectiveGrade(Guid id, OverrideObjectiveGrade command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Ok<ObjectiveDto>> WriteRetrospective(Guid id, WriteRetrospective command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Created<ObjectiveDto>> RollOverObjective(Guid id, RollOverObjective command, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var copy = await sender.Send(command with { Id = id }, cancellationToken);
        return Http.Created(http, $"/api/objectives/{copy.Id}", copy);
    }

    public static async Task<NoContent> FollowObjective(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new FollowObjective(id), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> UnfollowObjective(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new UnfollowObjective(id), cancellationToken);
        return TypedResults.NoContent();
    }
}
