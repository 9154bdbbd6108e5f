using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.Kpis.Commands.CreateKpi;
using Okr.Application.Kpis.Commands.KpiKeyResults;
using Okr.Application.Kpis.Commands.RecordKpiValue;
using Okr.Application.Kpis.Commands.UpdateKpi;
using Okr.Application.Kpis.Dtos;
using Okr.Application.Kpis.Queries.GetKpi;

namespace Okr.Api.Endpoints;

/// <summary>/api/kpis: the health metrics teams watch, their dated values, and the key results they drive.</summary>
public static class KpiEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/kpis").WithTags("Kpis");
        group.MapPost("/", CreateKpi)
            .Operation(nameof(CreateKpi), "Start watching a KPI for a unit.").RuleViolations();
        group.MapGet("/{id:guid}", GetKpi)
            .Operation(nameof(GetKpi), "One KPI with its latest 52 values; the ETag is its version.").Read();
        group.MapPut("/{id:guid}", UpdateKpi)
            .Operation(nameof(UpdateKpi), "Replace what defines a KPI (name, unit, owning unit, direction, healthy band). Send If-Match.")
            .NotFoundAndStale().RuleViolations();
        group.MapPost("/{id:guid}/values", RecordKpiValue)
            .Operation(nameof(RecordKpiValue), "Record a dated value of the KPI, with its source.").NotFound().RuleViolations();
        group.MapGet("/{id:guid}/values/{valueId:guid}", GetKpiValue)
            .Operation(nameof(GetKpiValue), "One recorded value of a KPI.").Read();
        group.MapPost("/{id:guid}/key-results", LinkKpiToKeyResult)
            .Operation(nameof(LinkKpiToKeyResult), "Link the KPI to a key result it drives; answers the KPI with its new ETag.")
            .NotFoundAndStale().RuleViolations();
        group.MapDelete("/{id:guid}/key-results/{keyResultId:guid}", UnlinkKpiFromKeyResult)
            .Operation(nameof(UnlinkKpiFromKeyResult), "Unlink the KPI from a key result; answers the KPI with its new ETag.")
            .NotFoundAndStale();
    }

    public static async Task<Created<KpiDto>> CreateKpi(CreateKpi command, ISender sender, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await sender.Send(command, cancellationToken);
        return Http.Created(http, $"/api/kpis/{created.Id}", created);
    }

    public static async Task<Ok<KpiDto>> GetKpi(Guid id, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new GetKpi(id), cancellationToken));

    public static async Task<Ok<KpiDto>> UpdateKpi(Guid id, UpdateKpi command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Created<KpiValueDto>> RecordKpiValue(Guid id, RecordKpiValue command, ISender sender, CancellationToken cancellationToken)
    {
        var value = await sender.Send(command with { KpiId = id }, cancellationToken);
        return TypedResults.Created($"/api/kpis/{id}/values/{value.Id}", value);
    }

    public static async Task<Ok<KpiValueDto>> GetKpiValue(Guid id, Guid valueId, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetKpiValue(id, valueId), cancellationToken));

    public static async Task<Ok<KpiDto>> LinkKpiToKeyResult(Guid id, LinkKpiToKeyResult command, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(command with { Id = id, ExpectedVersion = Http.IfMatch(http) }, cancellationToken));

    public static async Task<Ok<KpiDto>> UnlinkKpiFromKeyResult(Guid id, Guid keyResultId, ISender sender, HttpContext http, CancellationToken cancellationToken) =>
        Http.Versioned(http, await sender.Send(new UnlinkKpiFromKeyResult(id, keyResultId, Http.IfMatch(http)), cancellationToken));
}
