using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common.Behaviours;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Common;
using Okr.Application.Objectives.Dtos;
using Okr.Domain.Audit;

namespace Okr.Application.Objectives.Commands.RollOverObjective;

/// <summary>
/// Starts a draft copy of the objective in a later period, carrying its unfinished key results with their last
/// value as the new baseline.
/// </summary>
[AuditedAs(AuditKind.ObjectiveRollOver)]
public sealed record RollOverObjective : ICommand<ObjectiveDto>
{
    [JsonIgnore] public Guid Id { get; init; }
    /// <summary>The later period the copy belongs to.</summary>
    public required Guid TargetPeriodId { get; init; }
}

public sealed class RollOverObjectiveValidator : AbstractValidator<RollOverObjective>
{
    public RollOverObjectiveValidator() => RuleFor(c => c.TargetPeriodId).NotEmpty();
}

public sealed class RollOverObjectiveHandler(IOkrDbContext db, AccessPolicyProvider access, IClock clock) : ICommandHandler<RollOverObjective, ObjectiveDto>
{
    public async ValueTask<ObjectiveDto> Handle(RollOverObjective command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var objective = await db.VisibleObjectiveAsync(command.Id, policy, cancellationToken);
        if (!policy.CanDecide(ObjectiveAccess.Of(objective)) || !policy.CanDraftIn(objective.OwningUnitId))
            throw new ForbiddenException("Only the leads of the objective's unit (or of a unit above it) and admins can roll it over.");
        var current = await db.PeriodAsync(objective.PeriodId, cancellationToken);
        var target = await db.PeriodAsync(command.TargetPeriodId, cancellationToken);

        var copy = objective.RollOver(current, target, k => k.Progress, clock.UtcNow);
        db.Objectives.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return copy.ToDto();
    }
}
