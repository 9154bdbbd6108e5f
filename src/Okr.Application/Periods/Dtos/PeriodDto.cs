using Okr.Domain.Periods;

namespace Okr.Application.Periods.Dtos;

/// <summary>A planning cycle with its roadmap of checkpoints.</summary>
/// <param name="Version">The ETag: send it back in If-Match to change the period or its checkpoints.</param>
/// <param name="Start">The first day (inclusive).</param>
/// <param name="End">The last day (inclusive).</param>
/// <param name="ParentId">The year a quarter or custom period sits in.</param>
public sealed record PeriodDto(
    Guid Id,
    long Version,
    string Name,
    PeriodKind Kind,
    DateOnly Start,
    DateOnly End,
    Guid? ParentId,
    PeriodState State,
    IReadOnlyList<CheckpointDto> Checkpoints) : Common.IVersionedDto
{
    public static PeriodDto Of(Period period) => new(period.Id, period.Version, period.Name, period.Kind, period.Start, period.End,
        period.ParentId, period.State,
        period.Checkpoints.OrderBy(c => c.Date).ThenBy(c => c.Name, StringComparer.Ordinal).Select(CheckpointDto.Of).ToList());
}

/// <summary>A dated milestone of the cycle's roadmap ("team drafts due", "grading due", …).</summary>
public sealed record CheckpointDto(Guid Id, string Name, DateOnly Date, bool Done)
{
    public static CheckpointDto Of(Checkpoint checkpoint) => new(checkpoint.Id, checkpoint.Name, checkpoint.Date, checkpoint.Done);
}
