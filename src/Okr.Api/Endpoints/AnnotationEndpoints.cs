using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.Annotations.Commands.CreateAnnotation;
using Okr.Application.Annotations.Commands.DeleteAnnotation;
using Okr.Application.Annotations.Commands.UpdateAnnotation;
using Okr.Application.Annotations.Dtos;
using Okr.Application.Annotations.Queries.GetAnnotation;

namespace Okr.Api.Endpoints;

/// <summary>/api/annotations: dated notes of changes in the world, shown on key result and KPI charts.</summary>
public static class AnnotationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/annotations").WithTags("Annotations");
        group.MapPost("/", CreateAnnotation)
            .Operation(nameof(CreateAnnotation), "Note a change (or experiment, or incident) on the key results and KPIs it concerns.").RuleViolations();
        group.MapGet("/{id:guid}", GetAnnotation)
            .Operation(nameof(GetAnnotation), "One annotation; the ETag is its version.").Read();
        group.MapPut("/{id:guid}", UpdateAnnotation)
            .Operation(nameof(UpdateAnnotation), "Replace an annotation's date, text, kind and targets (author or admin). Send If-Match.")
            .NotFoundAndStale().RuleViolations();
        group.MapDelete("/{id:guid}", DeleteAnnotation)
            .Operation(nameof(DeleteAnnotation), "Delete an annotation (author or admin).").NotFoundAndStale();
    }

    public static async Task<Created<AnnotationDto>> CreateAnnotation(CreateAnnotation command, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await sender.Send(command, cancellationToken);
        return Http.Created(http, $"/api/annotations/{created.Id}", created);
    }

    public static async Task<Ok<AnnotationDto>> GetAnnotation(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new GetAnnotation(id), cancellationToken));

    public static async Task<Ok<AnnotationDto>> UpdateAnnotation(Guid id, UpdateAnnotation command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<NoContent> DeleteAnnotation(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteAnnotation(id, Http.IfMatch(http)), cancellationToken);
        return TypedResults.NoContent();
    }
}
