using Okr.Domain.Periods;

namespace Okr.Application.FocusAreas.Dtos;

/// <summary>A strategic focus area ("pillar") objectives can belong to.</summary>
/// <param name="Version">The ETag: send it back in If-Match to change the focus area.</param>
/// <param name="PeriodId">The period it is set for (usually the year).</param>
/// <param name="IsArchived">Archived focus areas stay on the objectives that name them but take no new ones.</param>
public sealed record FocusAreaDto(Guid Id, long Version, Guid PeriodId, string Title, string? Description, bool IsArchived) : Common.IVersionedDto
{
    public static FocusAreaDto Of(FocusArea area) => new(area.Id, area.Version, area.PeriodId, area.Title, area.Description, area.IsArchived);
}
