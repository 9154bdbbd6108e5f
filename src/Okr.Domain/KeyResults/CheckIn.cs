using Okr.Domain.Common;

namespace Okr.Domain.KeyResults;

/// <summary>What the owner says about the key result, optional next to the computed status.</summary>
public enum ReportedStatus
{
    OnTrack = 0,
    AtRisk = 1,
    OffTrack = 2,
}

/// <summary>What a person enters in a check-in.</summary>
public sealed record CheckInEntry(
    decimal Value,
    int Confidence,
    DateOnly EffectiveDate,
    string? Narrative = null,
    string? Blockers = null,
    string? NextSteps = null,
    ReportedStatus? ReportedStatus = null);

/// <summary>A dated update of one key result. Immutable: a correction is a new check-in.</summary>
public sealed class CheckIn : TenantEntity
{
    private CheckIn() { }

    internal CheckIn(Guid organizationId, Guid keyResultId, CheckInEntry entry, Guid authorId, DateTimeOffset recordedAt)
        : base(organizationId)
    {
        if (entry.Confidence is < 0 or > 10)
            throw new DomainRuleException("check_in.confidence_out_of_range", "Confidence is a whole number from 0 to 10.");
        if (Math.Abs(entry.Value) > Measure.MaxMagnitude)
            throw new DomainRuleException("key_result.value_out_of_range", "Value is too large.");
        KeyResultId = keyResultId;
        Value = entry.Value;
        Confidence = entry.Confidence;
        ReportedStatus = entry.ReportedStatus;
        Narrative = Guard.OptionalText(entry.Narrative, "Narrative", TextLimits.LongText);
        Blockers = Guard.OptionalText(entry.Blockers, "Blockers", TextLimits.LongText);
        NextSteps = Guard.OptionalText(entry.NextSteps, "Next steps", TextLimits.LongText);
        AuthorId = authorId;
        RecordedAt = recordedAt;
        EffectiveDate = entry.EffectiveDate;
    }

    public Guid KeyResultId { get; private init; }
    public decimal Value { get; private init; }
    public int Confidence { get; private init; }
    public ReportedStatus? ReportedStatus { get; private init; }
    public string? Narrative { get; private init; }
    public string? Blockers { get; private init; }
    public string? NextSteps { get; private init; }
    public Guid AuthorId { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public DateOnly EffectiveDate { get; private init; }
}
