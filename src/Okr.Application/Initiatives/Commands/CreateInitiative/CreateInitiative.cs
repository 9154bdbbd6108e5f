using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Initiatives.Dtos;
using Okr.Domain.Work;

namespace Okr.Application.Initiatives.Commands.CreateInitiative;

/// <summary>
/// Plans an initiative (status planned), linked to the key results it should move. Those who can draft in the unit
/// plan its work; work of no unit, any member.
/// </summary>
public sealed record CreateInitiative : InitiativeFields, ICommand<InitiativeDto>
{
    public const int MaxKeyResults = 50;

    /// <summary>The key results the work should move; each must be one the caller can see.</summary>
    public IReadOnlyList<Guid> KeyResultIds { get; init; } = [];
}

public sealed class CreateInitiativeValidator : AbstractValidator<CreateInitiative>
{
    public CreateInitiativeValidator()
    {
        Include(new InitiativeFieldsValidator());
        RuleFor(c => c.KeyResultIds).NotNull().Must(ids => ids.Count <= CreateInitiative.MaxKeyResults)
            .WithMessage($"Link at most {CreateInitiative.MaxKeyResults} key results.");
        RuleForEach(c => c.KeyResultIds).NotEmpty();
    }
}

public sealed class CreateInitiativeHandler(IOkrDbContext db, AccessPolicyProvider access, ICurrentUser user) : ICommandHandler<CreateInitiative, InitiativeDto>
{
    public async ValueTask<InitiativeDto> Handle(CreateInitiative command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        await command.EnsureReferencesAsync(db, cancellationToken);
        if (!policy.CanPlanWorkIn(command.UnitId))
            throw new ForbiddenException("You can plan initiatives only for units you belong to or lead.");
        var keyResultIds = command.KeyResultIds.Distinct().ToList();
        await db.EnsureVisibleKeyResultsAsync(keyResultIds, policy, nameof(command.KeyResultIds), cancellationToken);

        var initiative = new Initiative(user.OrganizationId!.Value, command.ToDetails());
        foreach (var keyResultId in keyResultIds)
            initiative.LinkKeyResult(keyResultId);
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(cancellationToken);
        return await initiative.ToDtoAsync(db, policy, cancellationToken);
    }
}
