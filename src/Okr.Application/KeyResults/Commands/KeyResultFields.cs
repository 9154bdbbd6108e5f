using FluentValidation;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Common;
using Okr.Domain.KeyResults;

namespace Okr.Application.KeyResults.Commands;

/// <summary>How a key result is measured and who answers for it, shared by create and update.</summary>
public abstract record KeyResultFields
{
    /// <summary>An outcome, not an activity: "Weekly active Tier 1 customers rise from 61% to 75%".</summary>
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>The unit that owns the key result; defaults to the objective's unit. May differ (a company objective can carry team-owned key results).</summary>
    public Guid? OwningUnitId { get; init; }
    /// <summary>The directly responsible individual, who checks in.</summary>
    public Guid? OwnerId { get; init; }
    public MetricKind MetricKind { get; init; } = MetricKind.Number;
    public Direction Direction { get; init; } = Direction.Increase;
    /// <summary>Where the metric starts. Milestones start at 0 (not done).</summary>
    public decimal? Baseline { get; init; }
    /// <summary>When the baseline was measured.</summary>
    public DateOnly? BaselineMeasuredAt { get; init; }
    /// <summary>How the baseline was measured, so the movement can be proven.</summary>
    public string? BaselineMethod { get; init; }
    /// <summary>Where it should be by the end of the period. Milestones target 1 (done).</summary>
    public decimal? Target { get; init; }
    /// <summary>ISO 4217 code, for currency key results only.</summary>
    public string? CurrencyCode { get; init; }
    /// <summary>Shown after values: "tickets", "%", "NPS".</summary>
    public string? UnitLabel { get; init; }
    /// <summary>How much this key result counts in its objective's progress (default 1).</summary>
    public decimal Weight { get; init; } = 1;
    /// <summary>Financial key results succeed only at 100 % (by default).</summary>
    public bool IsFinancial { get; init; }

    internal KeyResultDetails ToDetails(Guid defaultUnitId)
    {
        var milestone = MetricKind == MetricKind.Milestone;
        var measure = new Measure(MetricKind, Direction, milestone ? Baseline ?? 0 : Baseline, milestone ? Target ?? 1 : Target, CurrencyCode);
        return new KeyResultDetails(Title, OwningUnitId ?? defaultUnitId, measure, OwnerId, Description, UnitLabel,
            BaselineMeasuredAt, BaselineMethod, Weight, IsFinancial);
    }

    /// <summary>
    /// Giving the key result to another unit puts it on that unit's dashboard and lets its members check in: only
    /// someone who may draft there may do it.
    /// </summary>
    internal void EnsureMayOwn(Common.Security.AccessPolicy policy, Guid objectiveUnitId, Guid currentUnitId)
    {
        if (OwningUnitId is { } unit && unit != objectiveUnitId && unit != currentUnitId && !policy.CanDraftIn(unit))
            throw new Common.Exceptions.ForbiddenException("You can give a key result only to the objective's unit or a unit you belong to or lead.");
    }

    internal async Task EnsureReferencesAsync(IOkrDbContext db, CancellationToken cancellationToken)
    {
        if (OwningUnitId is { } unitId)
            await db.EnsureUnitAsync(unitId, nameof(OwningUnitId), cancellationToken);
        await db.EnsurePeopleAsync([OwnerId], nameof(OwnerId), cancellationToken);
    }
}

public sealed class KeyResultFieldsValidator : AbstractValidator<KeyResultFields>
{
    public KeyResultFieldsValidator()
    {
        RuleFor(k => k.Title).NotEmpty().WithMessage("Give the key result a title.").MaximumLength(TextLimits.Title);
        RuleFor(k => k.Description).MaximumLength(TextLimits.LongText);
        RuleFor(k => k.BaselineMethod).MaximumLength(TextLimits.LongText);
        RuleFor(k => k.UnitLabel).MaximumLength(TextLimits.Code);
        RuleFor(k => k.MetricKind).IsInEnum();
        RuleFor(k => k.Direction).IsInEnum();
        RuleFor(k => k.Baseline).InclusiveBetween(-Measure.MaxMagnitude, Measure.MaxMagnitude);
        RuleFor(k => k.Target).InclusiveBetween(-Measure.MaxMagnitude, Measure.MaxMagnitude);
        RuleFor(k => k.Weight).InclusiveBetween(0, KeyResult.MaxWeight);
        RuleFor(k => k.CurrencyCode).NotEmpty().Length(3).Matches("^[A-Za-z]{3}$").When(k => k.MetricKind == MetricKind.Currency)
            .WithMessage("A currency key result needs a three-letter ISO 4217 code such as USD.");
        RuleFor(k => k.Target).NotNull().When(k => k.Direction is Direction.StayAtLeast or Direction.StayAtMost)
            .WithMessage("Stay at least / stay at most needs the threshold as its target.");
    }
}
