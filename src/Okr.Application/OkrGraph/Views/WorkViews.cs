using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Work;

namespace Okr.Application.OkrGraph.Views;

/// <param name="Progress">The key result's progress had this value been current.</param>
public sealed record CheckInView(
    Guid Id,
    Guid KeyResultId,
    decimal Value,
    double Progress,
    int Confidence,
    ReportedStatus? ReportedStatus,
    string? Narrative,
    string? Blockers,
    string? NextSteps,
    Guid AuthorId,
    DateTimeOffset RecordedAt,
    DateOnly EffectiveDate);

public sealed record InitiativeView(
    Guid Id,
    string Title,
    string? Description,
    InitiativeStatus Status,
    Guid? OwnerId,
    Guid? UnitId,
    DateOnly? StartDate,
    DateOnly? DueDate,
    string? ExternalSystem,
    string? ExternalKey,
    string? ExternalUrl,
    IReadOnlyList<Guid> KeyResultIds);

public sealed record KpiView(
    Guid Id,
    string Name,
    string? Description,
    string? Unit,
    Guid OwningUnitId,
    KpiDirection Direction,
    decimal? HealthyMin,
    decimal? HealthyMax,
    DateTimeOffset? AsOf)
{
    public bool IsHealthy(decimal value) => (HealthyMin is not { } min || value >= min) && (HealthyMax is not { } max || value <= max);
}

public sealed record KpiValueView(Guid Id, Guid KpiId, DateOnly Date, decimal Value, string? Source, DateTimeOffset RecordedAt, bool Healthy);

public sealed record AnnotationView(Guid Id, DateOnly Date, string Text, AnnotationKind Kind, Guid AuthorId);

public sealed record CommentView(Guid Id, long Version, Guid? ObjectiveId, Guid? KeyResultId, Guid AuthorId, string Text, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt);

public sealed record RaciView(Guid ObjectiveId, Guid PersonId, RaciRole Role);
