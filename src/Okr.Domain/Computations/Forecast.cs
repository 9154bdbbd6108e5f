using Okr.Domain.KeyResults;

namespace Okr.Domain.Computations;

public readonly record struct ForecastPoint(DateTimeOffset At, decimal Value);

/// <param name="ProjectedValue">The value the trend line reaches at the period's end.</param>
/// <param name="ProjectedProgress">That value's progress, 0 to 1.</param>
/// <param name="TrendingToMiss">The projection falls short of the target.</param>
/// <param name="SlopePerDay">The trend, in metric units per day.</param>
public sealed record ForecastResult(double ProjectedValue, double ProjectedProgress, bool TrendingToMiss, double SlopePerDay);

/// <summary>
/// An ordinary least-squares line through the period's check-ins (value against time), projected to the
/// period's end. Needs at least two check-ins at distinct times, and a metric (not a milestone); otherwise there is no forecast.
/// </summary>
public static class Forecast
{
    public static ForecastResult? Compute(IEnumerable<ForecastPoint> points, DateTimeOffset periodStartsAt, DateTimeOffset periodEndsAt, Measure measure)
    {
        // A milestone is done or not: a trend line through 0s and 1s predicts nothing.
        if (measure.Kind == MetricKind.Milestone)
            return null;
        var inPeriod = points
            .Where(p => p.At >= periodStartsAt && p.At <= periodEndsAt)
            .Select(p => (X: (p.At - periodStartsAt).TotalDays, Y: (double)p.Value))
            .ToList();
        if (inPeriod.Select(p => p.X).Distinct().Count() < 2)
            return null;

        var meanX = inPeriod.Average(p => p.X);
        var meanY = inPeriod.Average(p => p.Y);
        var sxy = inPeriod.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var sxx = inPeriod.Sum(p => (p.X - meanX) * (p.X - meanX));
        var slope = sxy / sxx;
        var intercept = meanY - slope * meanX;

        var endX = (periodEndsAt - periodStartsAt).TotalDays;
        var projected = intercept + slope * endX;
        var clamped = (decimal)Math.Clamp(projected, (double)-Measure.MaxMagnitude, (double)Measure.MaxMagnitude);
        var progress = KeyResultProgress.Compute(measure, clamped);
        return new ForecastResult(projected, progress, progress < 1, slope);
    }
}
