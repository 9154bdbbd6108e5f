using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.Periods.Commands.AddCheckpoint;
using Okr.Application.Periods.Commands.ClosePeriod;
using Okr.Application.Periods.Commands.CreatePeriod;
using Okr.Application.Periods.Commands.EditCheckpoint;
using Okr.Application.Periods.Commands.MarkCheckpoint;
using Okr.Application.Periods.Commands.PeriodLifecycle;
using Okr.Application.Periods.Commands.RemoveCheckpoint;
using Okr.Application.Periods.Commands.UpdatePeriod;
using Okr.Application.Periods.Dtos;
using Okr.Application.Periods.Queries.GetPeriod;

namespace Okr.Api.Endpoints;

/// <summary>/api/periods: planning cycles, their roadmap of checkpoints, and planning → active → review → closed.</summary>
public static class PeriodEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/periods").WithTags("Periods");
        group.MapPost("/", CreatePeriod)
            .Operation(nameof(CreatePeriod), "Create a year, a quarter inside a year, or a custom period (admins).").RuleViolations();
        group.MapGet("/{id:guid}", GetPeriod)
            .Operation(nameof(GetPeriod), "One period with its checkpoints; the ETag is its version.").Read();
        group.MapPut("/{id:guid}", UpdatePeriod)
            .Operation(nameof(UpdatePeriod), "Rename the period and change its dates (admins). Send If-Match.").NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/checkpoints", AddCheckpoint)
            .Operation(nameof(AddCheckpoint), "Add a checkpoint to the period's roadmap (admins). Answers with the period.")
            .NotFoundAndStale().RuleViolations();
        group.MapPut("/{id:guid}/checkpoints/{checkpointId:guid}", EditCheckpoint)
            .Operation(nameof(EditCheckpoint), "Rename a checkpoint and move its date (admins). Send the period's If-Match.")
            .NotFoundAndStale().RuleViolations();
        group.MapPut("/{id:guid}/checkpoints/{checkpointId:guid}/done", MarkCheckpoint)
            .Operation(nameof(MarkCheckpoint), "Mark a checkpoint done or not done (admins and unit leads).").NotFoundAndStale().RuleViolations();
        group.MapDelete("/{id:guid}/checkpoints/{checkpointId:guid}", RemoveCheckpoint)
            .Operation(nameof(RemoveCheckpoint), "Remove a checkpoint (admins). Answers with the period.").NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/activate", ActivatePeriod)
            .Operation(nameof(ActivatePeriod), "Planning → active (admins).").NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/start-review", StartPeriodReview)
            .Operation(nameof(StartPeriodReview), "Active → review: grading and retrospectives begin (admins).").NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/reopen", ReopenPeriod)
            .Operation(nameof(ReopenPeriod), "Review → active, when something was missed (admins).").NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/close", ClosePeriod)
            .Operation(nameof(ClosePeriod),
                "Review → closed (admins): grades and closes every active objective, cancels drafts, rolls over the selected objectives.")
            .NotFoundAndStale().RuleViolations();
    }

    public static async Task<Created<PeriodDto>> CreatePeriod(CreatePeriod command, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await sender.Send(command, cancellationToken);
        return Http.Created(http, $"/api/periods/{created.Id}", created);
    }

    public static async Task<Ok<PeriodDto>> GetPeriod(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new GetPeriod(id), cancellationToken));

    public static async Task<Ok<PeriodDto>> UpdatePeriod(Guid id, UpdatePeriod command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Created<PeriodDto>> AddCheckpoint(Guid id, AddCheckpoint command, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var added = await sender.Send(command with { PeriodId = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken);
        return Http.Created(http, $"/api/periods/{id}/checkpoints/{added.CheckpointId}", added.Period);
    }

    public static async Task<Ok<PeriodDto>> EditCheckpoint(Guid id, Guid checkpointId, EditCheckpoint command, ISender sender, HttpContext http,
        CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { PeriodId = id, CheckpointId = checkpointId, ExpectedVersion = Http.IfMatch(http) },
            cancellationToken));

    public static async Task<Ok<PeriodDto>> MarkCheckpoint(Guid id, Guid checkpointId, MarkCheckpoint command, ISender sender, HttpContext http,
        CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { PeriodId = id, CheckpointId = checkpointId, ExpectedVersion = Http.IfMatch(http) },
            cancellationToken));

    public static async Task<Ok<PeriodDto>> RemoveCheckpoint(Guid id, Guid checkpointId, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new RemoveCheckpoint(id, checkpointId, Http.IfMatch(http)), cancellationToken));

    public static async Task<Ok<PeriodDto>> ActivatePeriod(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new ActivatePeriod(id, Http.IfMatch(http)), cancellationToken));

    public static async Task<Ok<PeriodDto>> StartPeriodReview(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new StartPeriodReview(id, Http.IfMatch(http)), cancellationToken));

    public static async Task<Ok<PeriodDto>> ReopenPeriod(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new ReopenPeriod(id, Http.IfMatch(http)), cancellationToken));

    public static async Task<Ok<PeriodClosed>> ClosePeriod(Guid id, ClosePeriod command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));
}
