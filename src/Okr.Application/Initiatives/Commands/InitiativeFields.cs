using FluentValidation;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Initiatives.Dtos;
using Okr.Domain.Common;
using Okr.Domain.Work;

namespace Okr.Application.Initiatives.Commands;

/// <summary>What is written about an initiative, shared by create and update.</summary>
public abstract record InitiativeFields
{
    /// <summary>The work: a project, a sprint, a deliverable ("Guided onboarding tour for CMOs").</summary>
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>Who drives the work. The owner may always edit the initiative and change its status.</summary>
    public Guid? OwnerId { get; init; }
    /// <summary>The unit doing the work. Without one, any member may plan and edit it.</summary>
    public Guid? UnitId { get; init; }
    public DateOnly? StartDate { get; init; }
    /// <summary>On or after the start date.</summary>
    public DateOnly? DueDate { get; init; }
    /// <summary>Where the work is tracked elsewhere (a Jira issue, say); null for none.</summary>
    public ExternalReferenceDto? External { get; init; }

    internal InitiativeDetails ToDetails() =>
        new(Title, Description, OwnerId, UnitId, StartDate, DueDate,
            External is { } e ? ExternalReference.Create(e.System, e.Key, e.Url) : null);

    internal async Task EnsureReferencesAsync(IOkrDbContext db, CancellationToken cancellationToken)
    {
        if (UnitId is { } unitId)
            await db.EnsureUnitAsync(unitId, nameof(UnitId), cancellationToken);
        await db.EnsurePeopleAsync([OwnerId], nameof(OwnerId), cancellationToken);
    }
}

public sealed class InitiativeFieldsValidator : AbstractValidator<InitiativeFields>
{
    public InitiativeFieldsValidator()
    {
        RuleFor(i => i.Title).NotEmpty().WithMessage("Give the initiative a title.").MaximumLength(TextLimits.Title);
        RuleFor(i => i.Description).MaximumLength(TextLimits.LongText);
        RuleFor(i => i.OwnerId).NotEqual(Guid.Empty);
        RuleFor(i => i.UnitId).NotEqual(Guid.Empty);
        RuleFor(i => i.DueDate).GreaterThanOrEqualTo(i => i.StartDate).When(i => i.StartDate is not null && i.DueDate is not null)
            .WithMessage("The due date must be on or after the start date.");
        RuleFor(i => i.External!).SetValidator(new ExternalReferenceValidator()).When(i => i.External is not null);
    }
}

public sealed class ExternalReferenceValidator : AbstractValidator<ExternalReferenceDto>
{
    public ExternalReferenceValidator()
    {
        RuleFor(e => e.System).NotEmpty().WithMessage("Name the system the work is tracked in (Jira, GitHub, …).").MaximumLength(TextLimits.Code);
        RuleFor(e => e.Key).NotEmpty().WithMessage("Give the work's key in that system.").MaximumLength(TextLimits.Name);
        RuleFor(e => e.Url).MaximumLength(TextLimits.Url)
            .Must(url => Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            .When(e => !string.IsNullOrWhiteSpace(e.Url))
            .WithMessage("The external URL must be an absolute http(s) address.");
    }
}
