using Okr.Domain.Organizations;

namespace Okr.Domain.Computations;

public enum OkrStatus
{
    NotStarted = 0,
    OnTrack = 1,
    AtRisk = 2,
    OffTrack = 3,
    /// <summary>No check-in within cadence + grace days: "set and forget".</summary>
    Stale = 4,
    Achieved = 5,
    Missed = 6,
}

/// <summary>Everything the status of one key result depends on.</summary>
public sealed record KeyResultStatusInput(
    double Progress,
    DateTimeOffset Now,
    DateTimeOffset PeriodStartsAt,
    DateTimeOffset PeriodEndsAt,
    DateTimeOffset? LastCheckInAt,
    int? LatestConfidence,
    /// <summary>When tracking began (the objective's activation); staleness is counted from the later of this and the period start.</summary>
    DateTimeOffset? TrackingSince = null,
    /// <summary>Set once closed: the grade and the success threshold that applies to it.</summary>
    double? ClosedGrade = null,
    double SuccessThreshold = 1);

/// <summary>Status of a key result (first match wins) and of an objective (the worst of its key results).</summary>
public static class KeyResultStatusRules
{
    public static OkrStatus Compute(KeyResultStatusInput input, OrganizationSettings settings)
    {
        // 1. closed → achieved or missed, from its grade
        if (input.ClosedGrade is { } grade)
            return Closed(grade, input.SuccessThreshold);

        var started = input.Now >= input.PeriodStartsAt;

        // 2. no check-in within cadence + grace days of now, once the period has started → stale
        if (started)
        {
            var since = input.LastCheckInAt
                ?? (input.TrackingSince is { } t && t > input.PeriodStartsAt ? t : input.PeriodStartsAt);
            if (input.Now - since > settings.StalenessWindow)
                return OkrStatus.Stale;
        }

        // 3. before the period starts → not started
        if (!started)
            return OkrStatus.NotStarted;

        // 4. progress against expected, lowered by low confidence
        var expected = ExpectedProgress.Compute(input.Now, input.PeriodStartsAt, input.PeriodEndsAt);
        return ByProgress(input.Progress, expected, input.LatestConfidence, settings);
    }

    /// <summary>Rule 4 alone: p ≥ 0.9·e on track, p ≥ 0.7·e at risk, else off track; confidence ≤ 3 lowers on track to at risk.</summary>
    public static OkrStatus ByProgress(double progress, double expected, int? latestConfidence, OrganizationSettings settings)
    {
        // A tiny tolerance so that exactly-on-plan values are not lost to floating point.
        const double epsilon = 1e-9;
        OkrStatus status;
        if (progress + epsilon >= settings.OnTrackRatio * expected) status = OkrStatus.OnTrack;
        else if (progress + epsilon >= settings.AtRiskRatio * expected) status = OkrStatus.AtRisk;
        else status = OkrStatus.OffTrack;

        if (status == OkrStatus.OnTrack && latestConfidence is { } c && c <= settings.LowConfidence)
            status = OkrStatus.AtRisk;
        return status;
    }

    /// <summary>
    /// A closed, graded objective's status: from its final grade (an override included) against its success threshold,
    /// as a key result's is from its own; not from its key results, which a person may have overruled.
    /// </summary>
    public static OkrStatus Closed(double finalGrade, double successThreshold) =>
        Grading.IsSuccess(finalGrade, successThreshold) ? OkrStatus.Achieved : OkrStatus.Missed;

    /// <summary>
    /// An open objective's status: the worst among its key results, stale counting as at risk.
    /// No key results: not started.
    /// </summary>
    public static OkrStatus Worst(IEnumerable<OkrStatus> keyResultStatuses)
    {
        OkrStatus? worst = null;
        foreach (var status in keyResultStatuses)
        {
            var normalised = status == OkrStatus.Stale ? OkrStatus.AtRisk : status;
            if (worst is null || Severity(normalised) > Severity(worst.Value))
                worst = normalised;
        }
        return worst ?? OkrStatus.NotStarted;
    }

    /// <summary>Higher is worse.</summary>
    public static int Severity(OkrStatus status) => status switch
    {
        OkrStatus.Achieved => 0,
        OkrStatus.OnTrack => 1,
        OkrStatus.NotStarted => 2,
        OkrStatus.AtRisk or OkrStatus.Stale => 3,
        OkrStatus.OffTrack => 4,
        OkrStatus.Missed => 5,
        _ => 0,
    };
}
