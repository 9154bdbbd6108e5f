using System.Text.Json;
using System.Text.Json.Serialization;
using Okr.Application.OkrGraph.Queries.GetDashboard;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Computations;
using Okr.Domain.Objectives;

namespace Okr.Application.Reviews;

/// <summary>
/// A unit's business review for a period as it stood at <see cref="AsOf"/>: the dashboard's numbers (the unit and the
/// units below it), every public objective and key result with what changed since the previous review, what needs
/// attention with the owners' own words, blocked initiatives, the roadmap and the help owners asked for. Names are
/// copied in, so the document says what was true when it was published (ADR 0029).
/// </summary>
/// <param name="Progress">The unit's progress (with the units below it), exactly the dashboard's as of <see cref="AsOf"/>.</param>
/// <param name="ProgressDelta">Progress minus the previous review's; null for the first review.</param>
/// <param name="HiddenObjectiveCount">Restricted objectives: counted in the numbers, not listed (the whole organisation reads a review).</param>
public sealed record BusinessReviewDocument(
    Guid UnitId,
    string UnitName,
    Guid PeriodId,
    string PeriodName,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateTimeOffset AsOf,
    string? RequestedByName,
    Guid? PreviousReviewId,
    DateTimeOffset? PreviousAsOf,
    double Progress,
    double ExpectedProgress,
    double? ProgressDelta,
    int ObjectiveCount,
    int KeyResultCount,
    int HiddenObjectiveCount,
    StatusCountsView ObjectivesByStatus,
    StatusCountsView KeyResultsByStatus,
    double? CheckInCompliance,
    double? CheckInComplianceDelta,
    IReadOnlyList<ReviewObjective> Objectives,
    IReadOnlyList<ReviewFlaggedKeyResult> AtRisk,
    IReadOnlyList<ReviewFlaggedKeyResult> OffTrack,
    IReadOnlyList<ReviewFlaggedKeyResult> Stale,
    IReadOnlyList<ReviewInitiative> BlockedInitiatives,
    IReadOnlyList<CheckpointView> UpcomingCheckpoints,
    IReadOnlyList<CheckpointView> OverdueCheckpoints,
    IReadOnlyList<ReviewHelpRequest> HelpRequested)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BusinessReviewDocument FromJson(string json) =>
        JsonSerializer.Deserialize<BusinessReviewDocument>(json, Json) ?? throw new InvalidOperationException("An empty business review document.");
}

/// <summary>What moved since the previous review.</summary>
public sealed record ReviewChange(double PreviousProgress, OkrStatus? PreviousStatus, double ProgressDelta);

/// <param name="IsNew">Not in the previous review (there was one).</param>
/// <param name="Change">Null when new, or for the first review.</param>
public sealed record ReviewObjective(
    Guid Id,
    string Title,
    string UnitName,
    string? OwnerName,
    ObjectiveState State,
    double Progress,
    double ExpectedProgress,
    OkrStatus? Status,
    bool IsNew,
    ReviewChange? Change,
    IReadOnlyList<ReviewKeyResult> KeyResults);

public sealed record ReviewKeyResult(
    Guid Id,
    string Title,
    string? OwnerName,
    decimal? CurrentValue,
    decimal? Target,
    string? UnitLabel,
    double Progress,
    OkrStatus? Status,
    int? Confidence,
    bool IsNew,
    ReviewChange? Change);

/// <summary>A key result that needs attention, with what its owner last wrote by the review's instant.</summary>
public sealed record ReviewFlaggedKeyResult(
    Guid KeyResultId,
    string Title,
    string? ObjectiveTitle,
    string? OwnerName,
    OkrStatus? Status,
    double Progress,
    double ExpectedProgress,
    string? LatestNarrative,
    string? LatestBlockers,
    DateOnly? LatestCheckInDate);

public sealed record ReviewInitiative(Guid Id, string Title, string? OwnerName, DateOnly? DueDate, string? ExternalSystem, string? ExternalKey, string? ExternalUrl);

/// <summary>Help or a decision an owner asked for: the blockers of a key result's latest check-in, with the next steps.</summary>
public sealed record ReviewHelpRequest(Guid KeyResultId, string KeyResultTitle, string? OwnerName, OkrStatus? Status, string Blockers, string? NextSteps,
    DateOnly CheckInDate);
