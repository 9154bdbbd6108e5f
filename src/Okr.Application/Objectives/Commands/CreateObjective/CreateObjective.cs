using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Objectives.Dtos;
using Okr.Domain.Objectives;

namespace Okr.Application.Objectives.Commands.CreateObjective;

/// <summary>Drafts an objective for a unit in a period. Members draft for their units; leads for their subtree.</summary>
public sealed record CreateObjective : ObjectiveFields, ICommand<ObjectiveDto>
{
    /// <summary>The planning cycle (usually a quarter) the objective belongs to.</summary>
    public required Guid PeriodId { get; init; }
}

public sealed class CreateObjectiveValidator : AbstractValidator<CreateObjective>
{
    public CreateObjectiveValidator()
    {
        Include(new ObjectiveFieldsValidator());
        RuleFor(c => c.PeriodId).NotEmpty().WithMessage("Choose the period.");
    }
}

public sealed class CreateObjectiveHandler(IOkrDbContext db, AccessPolicyProvider access, IClock clock)
    : ICommandHandler<CreateObjective, ObjectiveDto>
{
    public async ValueTask<ObjectiveDto> Handle(CreateObjective command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        await command.EnsureReferencesAsync(db, cancellationToken);
        if (!policy.CanDraftIn(command.OwningUnitId))
            throw new ForbiddenException("You can draft objectives only for units you belong to or lead.");
        var period = await db.PeriodAsync(command.PeriodId, cancellationToken);

        var objective = new Objective(period.OrganizationId, period, command.ToDetails(), clock.UtcNow);
        objective.SetRaci(command.Raci.Select(r => (r.PersonId, r.Role)), period);
        db.Objectives.Add(objective);
        await db.SaveChangesAsync(cancellationToken);
        return objective.ToDto();
    }
}
