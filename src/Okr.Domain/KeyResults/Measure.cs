using Okr.Domain.Common;

namespace Okr.Domain.KeyResults;

public enum MetricKind
{
    Number = 0,
    Percentage = 1,
    Currency = 2,
    /// <summary>Done (1) or not done (0).</summary>
    Milestone = 3,
}

public enum Direction
{
    Increase = 0,
    Decrease = 1,
    StayAtLeast = 2,
    StayAtMost = 3,
}

/// <summary>
/// How a key result is measured. The metric must agree with its direction: a milestone only goes from
/// not done (0) to done (1); an increase cannot target below its baseline, nor a decrease above it;
/// currency needs an ISO code and nothing else carries one.
/// </summary>
public sealed record Measure
{
    public const decimal MaxMagnitude = 1_000_000_000_000m;

    public Measure(MetricKind kind, Direction direction, decimal? baseline, decimal? target, string? currencyCode = null)
    {
        Kind = kind;
        Direction = direction;
        Baseline = baseline;
        Target = target;
        CurrencyCode = string.IsNullOrWhiteSpace(currencyCode) ? null : currencyCode.Trim().ToUpperInvariant();
        EnsureConsistent();
    }

    public MetricKind Kind { get; }
    public Direction Direction { get; }
    public decimal? Baseline { get; }
    public decimal? Target { get; }
    public string? CurrencyCode { get; }

    public static Measure Milestone() => new(MetricKind.Milestone, Direction.Increase, 0, 1);

    /// <summary>Measurable: it has a target, and for increase/decrease the target differs from the baseline.</summary>
    public bool IsMeasurable => Target is { } t && (Direction is Direction.StayAtLeast or Direction.StayAtMost
        // A decrease with no baseline is done at or below its target (see KeyResultProgress): its target is enough.
        || (Direction == Direction.Decrease && Baseline is null)
        || t != (Baseline ?? 0));

    private void EnsureConsistent()
    {
        foreach (var (value, name) in new[] { (Baseline, "Baseline"), (Target, "Target") })
        {
            if (value is { } v && Math.Abs(v) > MaxMagnitude)
                throw new DomainRuleException("key_result.value_out_of_range", $"{name} is too large.");
            if (Kind == MetricKind.Percentage && value is < 0)
                throw new DomainRuleException("key_result.percentage_negative", $"{name} is a percentage and cannot be negative.");
        }

        if (Kind == MetricKind.Milestone)
        {
            if (Direction != Direction.Increase)
                throw new DomainRuleException("key_result.metric_direction_mismatch", "A milestone goes from not done to done: its direction is increase.");
            if (Baseline is not (null or 0) || Target is not (null or 1))
                throw new DomainRuleException("key_result.metric_direction_mismatch", "A milestone's baseline is 0 (not done) and its target 1 (done).");
        }

        if (Kind == MetricKind.Currency)
        {
            if (CurrencyCode is null || CurrencyCode.Length != 3 || !CurrencyCode.All(char.IsAsciiLetterUpper))
                throw new DomainRuleException("key_result.currency_code", "A currency key result needs a three-letter ISO 4217 code such as USD.");
        }
        else if (CurrencyCode is not null)
        {
            throw new DomainRuleException("key_result.currency_code", "Only a currency key result carries a currency code.");
        }

        if (Baseline is { } b && Target is { } t)
        {
            if (Direction == Direction.Increase && t < b)
                throw new DomainRuleException("key_result.metric_direction_mismatch", $"An increasing key result cannot target {t} below its baseline {b}; use direction decrease.");
            if (Direction == Direction.Decrease && t > b)
                throw new DomainRuleException("key_result.metric_direction_mismatch", $"A decreasing key result cannot target {t} above its baseline {b}; use direction increase.");
        }
    }

    /// <summary>True when moving from <paramref name="from"/> to <paramref name="to"/> goes the wrong way.</summary>
    public bool MovesAgainstDirection(decimal from, decimal to) => Direction switch
    {
        Direction.Increase or Direction.StayAtLeast => to < from,
        Direction.Decrease or Direction.StayAtMost => to > from,
        _ => false,
    };
}
