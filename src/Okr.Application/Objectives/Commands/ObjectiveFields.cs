using FluentValidation;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Objectives.Dtos;
using Okr.Domain.Common;
using Okr.Domain.Objectives;

namespace Okr.Application.Objectives.Commands;

/// <summary>Everything a person writes about an objective (okr-domain.md), shared by create and update.</summary>
public abstract record ObjectiveFields
{
    /// <summary>What the unit wants to achieve: qualitative, inspiring, the "why" — the numbers go in key results.</summary>
    public required string Title { get; init; }
    /// <summary>The unit that owns the objective.</summary>
    public required Guid OwningUnitId { get; init; }
    /// <summary>Committed (success at 0.85 by default) or aspirational (0.7).</summary>
    public ObjectiveType Type { get; init; } = ObjectiveType.Committed;
    public string? Description { get; init; }
    /// <summary>The directly responsible individual.</summary>
    public Guid? OwnerId { get; init; }
    /// <summary>Restricted: visible only to the owning unit's members and the leads above it.</summary>
    public Visibility Visibility { get; init; } = Visibility.Public;
    public Guid? FocusAreaId { get; init; }
    /// <summary>What success looks like.</summary>
    public string? SuccessCriteria { get; init; }
    public string? TargetAudience { get; init; }
    public string? Risks { get; init; }
    public string? Dependencies { get; init; }
    /// <summary>Responsible, accountable (one at most), consulted and informed people. Replaces the current list.</summary>
    public IReadOnlyList<RaciEntry> Raci { get; init; } = [];

    internal ObjectiveDetails ToDetails() =>
        new(Title, OwningUnitId, Type, Description, OwnerId, Visibility, FocusAreaId, SuccessCriteria, TargetAudience, Risks, Dependencies);

    /// <summary>
    /// Checks the ids the command names. On an update, only what changes is checked: an objective keeps naming a
    /// focus area archived or a person deactivated since, and a read-modify-write must not fail on that.
    /// </summary>
    internal async Task EnsureReferencesAsync(IOkrDbContext db, CancellationToken cancellationToken, Objective? current = null)
    {
        if (OwningUnitId != current?.OwningUnitId)
            await db.EnsureUnitAsync(OwningUnitId, nameof(OwningUnitId), cancellationToken);
        if (OwnerId != current?.OwnerId)
            await db.EnsurePeopleAsync([OwnerId], nameof(OwnerId), cancellationToken);
        var known = current?.Raci.Select(r => r.PersonId).ToHashSet() ?? [];
        await db.EnsurePeopleAsync(Raci.Where(r => !known.Contains(r.PersonId)).Select(r => (Guid?)r.PersonId), nameof(Raci), cancellationToken);
        if (FocusAreaId != current?.FocusAreaId)
            await db.EnsureFocusAreaAsync(FocusAreaId, nameof(FocusAreaId), cancellationToken);
    }
}

public sealed class ObjectiveFieldsValidator : AbstractValidator<ObjectiveFields>
{
    public ObjectiveFieldsValidator()
    {
        RuleFor(o => o.Title).NotEmpty().WithMessage("Give the objective a title.").MaximumLength(TextLimits.Title);
        RuleFor(o => o.OwningUnitId).NotEmpty().WithMessage("Choose the unit that owns the objective.");
        RuleFor(o => o.Type).IsInEnum();
        RuleFor(o => o.Visibility).IsInEnum();
        RuleFor(o => o.Description).MaximumLength(TextLimits.LongText);
        RuleFor(o => o.SuccessCriteria).MaximumLength(TextLimits.LongText);
        RuleFor(o => o.TargetAudience).MaximumLength(TextLimits.LongText);
        RuleFor(o => o.Risks).MaximumLength(TextLimits.LongText);
        RuleFor(o => o.Dependencies).MaximumLength(TextLimits.LongText);
        RuleFor(o => o.Raci).NotNull().Must(r => r.Count <= 50).WithMessage("At most 50 RACI entries.")
            .Must(r => r.Count(e => e?.Role == RaciRole.Accountable) <= 1).WithMessage("RACI has one accountable person at most.");
        RuleForEach(o => o.Raci).NotNull().WithMessage("A RACI entry may not be null.");
        RuleForEach(o => o.Raci).ChildRules(entry =>
        {
            entry.RuleFor(e => e.PersonId).NotEmpty();
            entry.RuleFor(e => e.Role).IsInEnum();
        });
    }
}
