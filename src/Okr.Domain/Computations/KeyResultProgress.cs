using Okr.Domain.KeyResults;

namespace Okr.Domain.Computations;

/// <summary>Progress p of a key result, from 0 to 1 (okr-domain.md, "Key result progress").</summary>
public static class KeyResultProgress
{
    /// <param name="measure">Metric, direction, baseline b and target t.</param>
    /// <param name="current">The current value c; no check-in yet means c = b.</param>
    public static double Compute(Measure measure, decimal? current)
    {
        if (measure.Target is not { } t)
            return 0;
        // A decrease with no baseline has nothing to count down from: it is done once at or below its target.
        if (measure.Baseline is null && measure.Direction == Direction.Decrease && measure.Kind != MetricKind.Milestone)
            return current is { } value && value <= t ? 1 : 0;
        var b = measure.Baseline ?? 0;
        var c = current ?? b;

        return (measure.Kind, measure.Direction) switch
        {
            (MetricKind.Milestone, _) => c >= 1 ? 1 : 0,
            (_, Direction.StayAtLeast) => c >= t ? 1 : 0,
            (_, Direction.StayAtMost) => c <= t ? 1 : 0,
            (_, Direction.Increase) when b == t => c >= t ? 1 : 0,
            (_, Direction.Decrease) when b == t => c <= t ? 1 : 0,
            // The same formula serves increase and decrease: (t − b) carries the sign. Adding 0.0 turns the
            // −0 of a decrease at its baseline into 0, which is how it must read everywhere.
            _ => Math.Clamp((double)((c - b) / (t - b)), 0, 1) + 0.0,
        };
    }
}

/// <summary>Expected progress e at <c>now</c> in a period: the share of the period's time elapsed.</summary>
public static class ExpectedProgress
{
    public static double Compute(DateTimeOffset now, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        if (endsAt <= startsAt)
            return now >= endsAt ? 1 : 0;
        return Math.Clamp((now - startsAt) / (endsAt - startsAt), 0, 1);
    }
}

/// <summary>An item of a weighted mean: a progress (or grade) and its weight.</summary>
public readonly record struct WeightedScore(double Value, decimal Weight);

public static class WeightedMean
{
    /// <summary>The weighted mean; 0 when there are no items or the total weight is 0.</summary>
    public static double Of(IEnumerable<WeightedScore> items)
    {
        decimal total = 0;
        double sum = 0;
        foreach (var item in items)
        {
            if (item.Weight <= 0) continue;
            total += item.Weight;
            sum += item.Value * (double)item.Weight;
        }
        return total == 0 ? 0 : sum / (double)total;
    }
}

/// <summary>Mean progress of a unit's objectives (or a company's); 0 when it has none.</summary>
public static class UnitProgress
{
    public static double Compute(IEnumerable<double> objectiveProgress)
    {
        var list = objectiveProgress as IReadOnlyCollection<double> ?? objectiveProgress.ToList();
        return list.Count == 0 ? 0 : list.Average();
    }
}
