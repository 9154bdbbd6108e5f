using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Work;

namespace Okr.Application.Kpis.Dtos;

/// <summary>A KPI as REST returns it, with its latest values; its whole history is on GraphQL.</summary>
/// <param name="Version">The ETag: send it back in If-Match to change the KPI.</param>
/// <param name="HealthyMin">The low end of the healthy band; null for none.</param>
/// <param name="HealthyMax">The high end of the healthy band; null for none.</param>
/// <param name="KeyResultIds">The key results the KPI drives, as far as the caller can see them.</param>
/// <param name="RecentValues">The latest values (at most 52, a year of weekly numbers), oldest first.</param>
public sealed record KpiDto(
    Guid Id,
    long Version,
    string Name,
    string? Description,
    string? Unit,
    Guid OwningUnitId,
    KpiDirection Direction,
    decimal? HealthyMin,
    decimal? HealthyMax,
    IReadOnlyList<Guid> KeyResultIds,
    IReadOnlyList<KpiValueDto> RecentValues) : IVersionedDto
{
    public const int RecentValueCount = 52;
}

/// <summary>One dated value of a KPI. Immutable: a correction is a new value for the same date.</summary>
/// <param name="IsHealthy">Inside the KPI's healthy band as it is set now.</param>
public sealed record KpiValueDto(Guid Id, Guid KpiId, DateOnly Date, decimal Value, string? Source, DateTimeOffset RecordedAt, bool IsHealthy)
{
    public static KpiValueDto Of(KpiValue value, Kpi kpi) =>
        new(value.Id, value.KpiId, value.Date, value.Value, value.Source, value.RecordedAt, kpi.IsHealthy(value.Value));
}

public static class KpiMapping
{
    /// <summary>The DTO with the latest values and the linked key results the caller can see (two queries).</summary>
    public static async Task<KpiDto> ToDtoAsync(this Kpi kpi, IOkrDbContext db, AccessPolicy access, CancellationToken cancellationToken)
    {
        var recent = await db.KpiValues.AsNoTracking()
            .Where(v => v.KpiId == kpi.Id)
            .OrderByDescending(v => v.Date).ThenByDescending(v => v.RecordedAt)
            .Take(KpiDto.RecentValueCount)
            .ToListAsync(cancellationToken);
        recent.Reverse();
        var linked = kpi.KeyResultLinks.Select(l => l.KeyResultId).ToList();
        var visible = await db.VisibleKeyResultIdsAsync(linked, access, cancellationToken);
        return new KpiDto(kpi.Id, kpi.Version, kpi.Name, kpi.Description, kpi.Unit, kpi.OwningUnitId, kpi.Direction, kpi.HealthyMin, kpi.HealthyMax,
            linked.Where(visible.Contains).ToList(), recent.Select(v => KpiValueDto.Of(v, kpi)).ToList());
    }
}
