using FluentValidation;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Common;
using Okr.Domain.KeyResults;
using Okr.Domain.Work;

namespace Okr.Application.Kpis.Commands;

/// <summary>What defines a KPI, shared by create and update.</summary>
public abstract record KpiFields
{
    /// <summary>What is watched: "Password reset tickets per week".</summary>
    public required string Name { get; init; }
    public string? Description { get; init; }
    /// <summary>Shown after values: "tickets", "%", "ms".</summary>
    public string? Unit { get; init; }
    /// <summary>The unit that watches the KPI; its members and the leads over it manage it.</summary>
    public required Guid OwningUnitId { get; init; }
    public KpiDirection Direction { get; init; } = KpiDirection.HigherIsBetter;
    /// <summary>The low end of the healthy band; null leaves it open.</summary>
    public decimal? HealthyMin { get; init; }
    /// <summary>The high end of the healthy band; null leaves it open. Not below <see cref="HealthyMin"/>.</summary>
    public decimal? HealthyMax { get; init; }

    internal KpiDetails ToDetails() => new(Name, OwningUnitId, Direction, Unit, Description, HealthyMin, HealthyMax);

    internal Task EnsureReferencesAsync(IOkrDbContext db, CancellationToken cancellationToken) =>
        db.EnsureUnitAsync(OwningUnitId, nameof(OwningUnitId), cancellationToken);
}

public sealed class KpiFieldsValidator : AbstractValidator<KpiFields>
{
    public KpiFieldsValidator()
    {
        RuleFor(k => k.Name).NotEmpty().WithMessage("Name the KPI.").MaximumLength(TextLimits.Name);
        RuleFor(k => k.Description).MaximumLength(TextLimits.LongText);
        RuleFor(k => k.Unit).MaximumLength(TextLimits.Code);
        RuleFor(k => k.OwningUnitId).NotEmpty().WithMessage("Choose the unit that owns the KPI.");
        RuleFor(k => k.Direction).IsInEnum();
        RuleFor(k => k.HealthyMin).InclusiveBetween(-Measure.MaxMagnitude, Measure.MaxMagnitude);
        RuleFor(k => k.HealthyMax).InclusiveBetween(-Measure.MaxMagnitude, Measure.MaxMagnitude);
        RuleFor(k => k.HealthyMax).GreaterThanOrEqualTo(k => k.HealthyMin).When(k => k.HealthyMin is not null && k.HealthyMax is not null)
            .WithMessage("The healthy band's maximum must not be below its minimum.");
    }
}
