using Okr.Domain.KeyResults;

namespace Okr.Domain.Computations;

/// <summary>A check-in as the readings need it.</summary>
public readonly record struct CheckInReading(decimal Value, int Confidence, DateTimeOffset RecordedAt, DateOnly EffectiveDate);

/// <summary>What a key result's check-ins say: the latest, when the last was recorded, how many, and the forecast.</summary>
public sealed record CheckInReadings(CheckInReading? Latest, DateTimeOffset? LastCheckInAt, int Count, ForecastResult? Forecast)
{
    /// <summary>
    /// One computation for the maintained values and for a replay as of any instant, so both agree to the last bit.
    /// The current value is the latest by effective date (a later recording wins a tie), as when recording; the
    /// forecast goes through the latest value of each day (a correction is a new check-in for the same day).
    /// </summary>
    public static CheckInReadings Of(IReadOnlyCollection<CheckInReading> checkIns, Measure measure, DateTimeOffset periodStartsAt, DateTimeOffset periodEndsAt)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        if (checkIns.Count == 0)
            return new CheckInReadings(null, null, 0, null);
        var latest = checkIns.OrderBy(c => c.EffectiveDate).ThenBy(c => c.RecordedAt).Last();
        var points = checkIns
            .GroupBy(c => c.EffectiveDate)
            .Select(g => g.OrderBy(c => c.RecordedAt).Last())
            .OrderBy(c => c.EffectiveDate)
            .Select(c => new ForecastPoint(new DateTimeOffset(c.EffectiveDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), c.Value));
        return new CheckInReadings(latest, checkIns.Max(c => c.RecordedAt), checkIns.Count, Computations.Forecast.Compute(points, periodStartsAt, periodEndsAt, measure));
    }
}
