using Okr.Domain.KeyResults;

namespace Okr.Application.KeyResults.Dtos;

/// <summary>A key result as REST returns it.</summary>
/// <param name="Version">The ETag: send it back in If-Match to change the key result.</param>
/// <param name="CurrentValue">The value of the latest check-in by effective date; null before the first.</param>
/// <param name="Progress">Computed progress, 0 to 1, from baseline, target and current value.</param>
public sealed record KeyResultDto(
    Guid Id,
    long Version,
    Guid ObjectiveId,
    Guid OwningUnitId,
    Guid? OwnerId,
    string Title,
    string? Description,
    MetricKind MetricKind,
    Direction Direction,
    string? CurrencyCode,
    string? UnitLabel,
    decimal? Baseline,
    DateOnly? BaselineMeasuredAt,
    string? BaselineMethod,
    decimal? Target,
    decimal? CurrentValue,
    DateOnly? CurrentValueDate,
    decimal Weight,
    bool IsFinancial,
    int SortOrder,
    double Progress,
    double? Grade,
    double? GradeOverride,
    string? GradeOverrideReason) : Common.IVersionedDto;

/// <summary>A recorded check-in.</summary>
public sealed record CheckInDto(
    Guid Id,
    Guid KeyResultId,
    decimal Value,
    int Confidence,
    ReportedStatus? ReportedStatus,
    string? Narrative,
    string? Blockers,
    string? NextSteps,
    Guid AuthorId,
    DateTimeOffset RecordedAt,
    DateOnly EffectiveDate);
