using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Initiatives.Dtos;

namespace Okr.Application.Initiatives.Commands.UpdateInitiative;

/// <summary>Replaces what is written about an initiative (its status and key results have their own commands).</summary>
public sealed record UpdateInitiative : InitiativeFields, ICommand<InitiativeDto>, IExpectVersion
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
}

public sealed class UpdateInitiativeValidator : AbstractValidator<UpdateInitiative>
{
    public UpdateInitiativeValidator() => Include(new InitiativeFieldsValidator());
}

public sealed class UpdateInitiativeHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<UpdateInitiative, InitiativeDto>
{
    public async ValueTask<InitiativeDto> Handle(UpdateInitiative command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var initiative = await db.Initiatives.FindOrNotFoundAsync(command.Id, "Initiative", cancellationToken);
        if (!policy.CanEditInitiative(initiative.UnitId, initiative.OwnerId))
            throw new ForbiddenException("You cannot edit this initiative: its owner, those who can plan work in its unit and admins can.");
        initiative.EnsureVersion(command.ExpectedVersion);
        await command.EnsureReferencesAsync(db, cancellationToken);
        if (command.UnitId != initiative.UnitId && !policy.CanPlanWorkIn(command.UnitId))
            throw new ForbiddenException("You can move an initiative only to a unit you belong to or lead.");

        initiative.Edit(command.ToDetails());
        await db.SaveChangesAsync(cancellationToken);
        return await initiative.ToDtoAsync(db, policy, cancellationToken);
    }
}
