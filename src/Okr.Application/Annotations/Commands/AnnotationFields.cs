using FluentValidation;
using FluentValidation.Results;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Common;
using Okr.Domain.Work;

namespace Okr.Application.Annotations.Commands;

/// <summary>What an annotation says and what it concerns, shared by create and update.</summary>
public abstract record AnnotationFields
{
    public const int MaxTargets = 50;

    /// <summary>The day the change happened in the world: not in the future.</summary>
    public required DateOnly Date { get; init; }
    /// <summary>What changed: "New password-reset flow shipped".</summary>
    public required string Text { get; init; }
    public AnnotationKind Kind { get; init; } = AnnotationKind.Change;
    /// <summary>The key results on whose charts it shows (ones the caller can see).</summary>
    public IReadOnlyList<Guid> KeyResultIds { get; init; } = [];
    /// <summary>The KPIs on whose charts it shows. At least one key result or KPI in all.</summary>
    public IReadOnlyList<Guid> KpiIds { get; init; } = [];

    /// <summary>Every listed key result must be visible to the caller and every KPI of their organisation: a 400 naming the list otherwise.</summary>
    internal async Task EnsureTargetsAsync(IOkrDbContext db, AccessPolicy access, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        var visible = await db.VisibleKeyResultIdsAsync(KeyResultIds, access, cancellationToken);
        if (KeyResultIds.Any(id => !visible.Contains(id)))
            failures.Add(new ValidationFailure(nameof(KeyResultIds), "No such key result in your organisation."));
        if (!await db.AllKpisExistAsync(KpiIds, cancellationToken))
            failures.Add(new ValidationFailure(nameof(KpiIds), "No such KPI in your organisation."));
        if (failures.Count > 0)
            throw new ValidationException(failures);
    }
}

public sealed class AnnotationFieldsValidator : AbstractValidator<AnnotationFields>
{
    public AnnotationFieldsValidator(IClock clock)
    {
        RuleFor(a => a.Date).HasHappened(clock);
        RuleFor(a => a.Text).NotEmpty().WithMessage("Say what changed.").MaximumLength(TextLimits.LongText);
        RuleFor(a => a.Kind).IsInEnum();
        RuleFor(a => a.KeyResultIds).NotNull().Must(ids => ids.Count <= AnnotationFields.MaxTargets)
            .WithMessage($"At most {AnnotationFields.MaxTargets} key results.");
        RuleFor(a => a.KpiIds).NotNull().Must(ids => ids.Count <= AnnotationFields.MaxTargets)
            .WithMessage($"At most {AnnotationFields.MaxTargets} KPIs.");
        RuleForEach(a => a.KeyResultIds).NotEmpty();
        RuleForEach(a => a.KpiIds).NotEmpty();
        RuleFor(a => a.KeyResultIds).Must((a, ids) => ids.Count > 0 || a.KpiIds is { Count: > 0 }).When(a => a.KeyResultIds is not null)
            .WithMessage("An annotation concerns at least one key result or KPI.");
    }
}
