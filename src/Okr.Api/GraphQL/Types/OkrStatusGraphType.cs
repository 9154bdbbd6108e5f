using GraphQL.Types;
using Okr.Domain.Computations;

namespace Okr.Api.GraphQL.Types;

public sealed class OkrStatusGraphType : EnumerationGraphType<OkrStatus>
{
    public OkrStatusGraphType()
    {
        Name = "OkrStatus";
        Description = "The computed status of a key result (first rule that matches), or of an objective (the worst of its key results).";
        Describe(OkrStatus.NotStarted, "Before the period starts, or while the objective is a draft.");
        Describe(OkrStatus.OnTrack, "Progress is at least 90% of expected progress (the on-track ratio) and the latest confidence is above 3.");
        Describe(OkrStatus.AtRisk, "Progress is at least 70% of expected progress, or on track with a latest confidence of 3 or below.");
        Describe(OkrStatus.OffTrack, "Progress is below 70% of expected progress.");
        Describe(OkrStatus.Stale, "No check-in within the cadence plus grace days: set and forget. Counts as at risk for its objective.");
        Describe(OkrStatus.Achieved, "Closed, with a grade at or above the success threshold.");
        Describe(OkrStatus.Missed, "Closed, with a grade below the success threshold.");
    }

    private void Describe(OkrStatus status, string description) => Values.First(v => Equals(v.Value, status)).Description = description;
}
