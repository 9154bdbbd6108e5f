using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Initiatives.Dtos;
using Okr.Domain.Work;

namespace Okr.Application.Initiatives.Commands.ChangeInitiativeStatus;

/// <summary>Moves an initiative to another status: planned, in progress, done, blocked or cancelled (any order: work is messy).</summary>
public sealed record ChangeInitiativeStatus : ICommand<InitiativeDto>, IExpectVersion
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    public required InitiativeStatus Status { get; init; }
}

public sealed class ChangeInitiativeStatusValidator : AbstractValidator<ChangeInitiativeStatus>
{
    public ChangeInitiativeStatusValidator() => RuleFor(c => c.Status).IsInEnum();
}

public sealed class ChangeInitiativeStatusHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<ChangeInitiativeStatus, InitiativeDto>
{
    public async ValueTask<InitiativeDto> Handle(ChangeInitiativeStatus command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var initiative = await db.Initiatives.FindOrNotFoundAsync(command.Id, "Initiative", cancellationToken);
        if (!policy.CanEditInitiative(initiative.UnitId, initiative.OwnerId))
            throw new ForbiddenException("Only the initiative's owner, those who can plan work in its unit and admins can change its status.");
        initiative.EnsureVersion(command.ExpectedVersion);

        initiative.ChangeStatus(command.Status);
        await db.SaveChangesAsync(cancellationToken);
        return await initiative.ToDtoAsync(db, policy, cancellationToken);
    }
}
