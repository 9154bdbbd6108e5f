using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.KeyResults.Dtos;
using Okr.Application.Objectives.Dtos;

namespace Okr.Application.KeyResults.Commands.CreateKeyResult;

/// <summary>Adds a key result to an open objective.</summary>
public sealed record CreateKeyResult : KeyResultFields, ICommand<KeyResultDto>
{
    /// <summary>The objective the key result measures.</summary>
    public required Guid ObjectiveId { get; init; }
}

public sealed class CreateKeyResultValidator : AbstractValidator<CreateKeyResult>
{
    public CreateKeyResultValidator()
    {
        Include(new KeyResultFieldsValidator());
        RuleFor(c => c.ObjectiveId).NotEmpty();
    }
}

public sealed class CreateKeyResultHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<CreateKeyResult, KeyResultDto>
{
    public async ValueTask<KeyResultDto> Handle(CreateKeyResult command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var objective = await db.VisibleObjectiveAsync(command.ObjectiveId, policy, cancellationToken);
        if (!policy.CanEdit(ObjectiveAccess.Of(objective)))
            throw new ForbiddenException("You cannot add key results to this objective.");
        await command.EnsureReferencesAsync(db, cancellationToken);
        command.EnsureMayOwn(policy, objective.OwningUnitId, objective.OwningUnitId);
        var period = await db.PeriodAsync(objective.PeriodId, cancellationToken);

        var keyResult = objective.AddKeyResult(command.ToDetails(objective.OwningUnitId), period);
        db.KeyResults.Add(keyResult);
        await db.SaveChangesAsync(cancellationToken);
        return keyResult.ToDto();
    }
}
