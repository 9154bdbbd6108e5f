using Okr.Application.KeyResults.Dtos;
using Okr.Domain.Objectives;

namespace Okr.Application.Objectives.Dtos;

/// <summary>An objective as REST returns it, for read-modify-write; lists and rollups are on GraphQL.</summary>
/// <param name="Version">The ETag: send it back in If-Match to change the objective.</param>
/// <param name="Grade">The grade computed at close, 0.0 to 1.0.</param>
/// <param name="GradeOverride">A grade a person set instead, with <paramref name="GradeOverrideReason"/>.</param>
public sealed record ObjectiveDto(
    Guid Id,
    long Version,
    Guid PeriodId,
    Guid OwningUnitId,
    Guid? OwnerId,
    string Title,
    string? Description,
    ObjectiveType Type,
    ObjectiveState State,
    Visibility Visibility,
    Guid? FocusAreaId,
    string? SuccessCriteria,
    string? TargetAudience,
    string? Risks,
    string? Dependencies,
    IReadOnlyList<RaciEntry> Raci,
    Guid? RolledOverFromId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? ClosedAt,
    double? Grade,
    double? GradeOverride,
    string? GradeOverrideReason,
    RetrospectiveDto? Retrospective,
    IReadOnlyList<KeyResultDto> KeyResults) : Common.IVersionedDto;

/// <summary>One person's part in the objective (RACI).</summary>
public sealed record RaciEntry(Guid PersonId, RaciRole Role);

public sealed record RetrospectiveDto(string? WentWell, string? Learned, string? Improve, DateTimeOffset WrittenAt, Guid WrittenById);
