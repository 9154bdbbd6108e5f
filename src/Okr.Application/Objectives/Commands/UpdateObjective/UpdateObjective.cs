using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Objectives.Dtos;

namespace Okr.Application.Objectives.Commands.UpdateObjective;

/// <summary>Replaces what is written about an open objective (draft or active), RACI included.</summary>
public sealed record UpdateObjective : ObjectiveFields, ICommand<ObjectiveDto>, IExpectVersion
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
}

public sealed class UpdateObjectiveValidator : AbstractValidator<UpdateObjective>
{
    public UpdateObjectiveValidator() => Include(new ObjectiveFieldsValidator());
}

public sealed class UpdateObjectiveHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<UpdateObjective, ObjectiveDto>
{
    public async ValueTask<ObjectiveDto> Handle(UpdateObjective command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var objective = await db.VisibleObjectiveAsync(command.Id, policy, cancellationToken);
        if (!policy.CanEdit(ObjectiveAccess.Of(objective)))
            throw new ForbiddenException("You cannot edit this objective: its unit's leads, its owner and (while it is a draft) the unit's members can.");
        if (command.OwningUnitId != objective.OwningUnitId && !policy.CanDraftIn(command.OwningUnitId))
            throw new ForbiddenException("You can move an objective only to a unit you belong to or lead.");
        objective.EnsureVersion(command.ExpectedVersion);
        await command.EnsureReferencesAsync(db, cancellationToken, objective);

        var period = await db.PeriodAsync(objective.PeriodId, cancellationToken);
        objective.Edit(command.ToDetails(), period);
        objective.SetRaci(command.Raci.Select(r => (r.PersonId, r.Role)), period);
        await db.SaveChangesAsync(cancellationToken);
        return objective.ToDto();
    }
}
