using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.KeyResults.Dtos;
using Okr.Application.Objectives.Dtos;

namespace Okr.Application.KeyResults.Commands.UpdateKeyResult;

/// <summary>Replaces how a key result is measured and who owns it, while its objective is open.</summary>
public sealed record UpdateKeyResult : KeyResultFields, ICommand<KeyResultDto>, IExpectVersion
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
}

public sealed class UpdateKeyResultValidator : AbstractValidator<UpdateKeyResult>
{
    public UpdateKeyResultValidator() => Include(new KeyResultFieldsValidator());
}

public sealed class UpdateKeyResultHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<UpdateKeyResult, KeyResultDto>
{
    public async ValueTask<KeyResultDto> Handle(UpdateKeyResult command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var (keyResult, objective) = await db.VisibleKeyResultAsync(command.Id, policy, cancellationToken);
        if (!policy.CanEdit(ObjectiveAccess.Of(objective)))
            throw new ForbiddenException("You cannot edit this key result.");
        keyResult.EnsureVersion(command.ExpectedVersion);
        await command.EnsureReferencesAsync(db, cancellationToken);
        command.EnsureMayOwn(policy, objective.OwningUnitId, keyResult.OwningUnitId);
        keyResult.Edit(command.ToDetails(keyResult.OwningUnitId), objective, await db.PeriodAsync(objective.PeriodId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return keyResult.ToDto();
    }
}
