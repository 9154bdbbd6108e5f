using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Objectives.Dtos;
using Okr.Domain.Objectives;

namespace Okr.Application.Objectives.Commands.ObjectiveLifecycle;

/// <summary>Draft → active. Needs at least one measurable key result.</summary>
public sealed record ActivateObjective(Guid Id, long? ExpectedVersion = null) : ICommand<ObjectiveDto>, IExpectVersion;

/// <summary>Draft or active → cancelled: kept with its history, no longer counted.</summary>
public sealed record CancelObjective(Guid Id, long? ExpectedVersion = null) : ICommand<ObjectiveDto>, IExpectVersion;

public sealed class ObjectiveLifecycleHandler(IOkrDbContext db, AccessPolicyProvider access, IClock clock)
    : ICommandHandler<ActivateObjective, ObjectiveDto>, ICommandHandler<CancelObjective, ObjectiveDto>
{
    public ValueTask<ObjectiveDto> Handle(ActivateObjective command, CancellationToken cancellationToken) =>
        DecideAsync(command.Id, command.ExpectedVersion, (objective, period) => objective.Activate(period, clock.UtcNow), cancellationToken);

    public ValueTask<ObjectiveDto> Handle(CancelObjective command, CancellationToken cancellationToken) =>
        DecideAsync(command.Id, command.ExpectedVersion, (objective, _) => objective.Cancel(clock.UtcNow), cancellationToken);

    private async ValueTask<ObjectiveDto> DecideAsync(Guid id, long? expectedVersion, Action<Objective, Domain.Periods.Period> decide,
        CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var objective = await db.VisibleObjectiveAsync(id, policy, cancellationToken);
        if (!policy.CanDecide(ObjectiveAccess.Of(objective)))
            throw new ForbiddenException("Only the leads of the objective's unit (or of a unit above it) and admins can activate, cancel or roll it over.");
        objective.EnsureVersion(expectedVersion);
        decide(objective, await db.PeriodAsync(objective.PeriodId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return objective.ToDto();
    }
}
