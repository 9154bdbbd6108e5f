using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Initiatives.Dtos;
using Okr.Domain.Work;

namespace Okr.Application.Initiatives.Commands.InitiativeKeyResults;

/// <summary>Links the initiative to one more key result it should move (one the caller can see). Linking twice is refused.</summary>
public sealed record LinkInitiativeToKeyResult : ICommand<InitiativeDto>, IExpectVersion
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    public required Guid KeyResultId { get; init; }
}

/// <summary>Removes the link between the initiative and a key result.</summary>
public sealed record UnlinkInitiativeFromKeyResult(Guid Id, Guid KeyResultId, long? ExpectedVersion = null) : ICommand<InitiativeDto>, IExpectVersion;

public sealed class LinkInitiativeToKeyResultValidator : AbstractValidator<LinkInitiativeToKeyResult>
{
    public LinkInitiativeToKeyResultValidator() => RuleFor(c => c.KeyResultId).NotEmpty();
}

public sealed class InitiativeKeyResultsHandler(IOkrDbContext db, AccessPolicyProvider access)
    : ICommandHandler<LinkInitiativeToKeyResult, InitiativeDto>, ICommandHandler<UnlinkInitiativeFromKeyResult, InitiativeDto>
{
    public async ValueTask<InitiativeDto> Handle(LinkInitiativeToKeyResult command, CancellationToken cancellationToken)
    {
        var (initiative, policy) = await EditableAsync(command.Id, command.ExpectedVersion, cancellationToken);
        await db.EnsureVisibleKeyResultsAsync([command.KeyResultId], policy, nameof(command.KeyResultId), cancellationToken);
        initiative.LinkKeyResult(command.KeyResultId);
        await db.SaveChangesAsync(cancellationToken);
        return await initiative.ToDtoAsync(db, policy, cancellationToken);
    }

    public async ValueTask<InitiativeDto> Handle(UnlinkInitiativeFromKeyResult command, CancellationToken cancellationToken)
    {
        var (initiative, policy) = await EditableAsync(command.Id, command.ExpectedVersion, cancellationToken);
        // A link to a key result the caller cannot see does not exist for them; one to a deleted key result can go.
        var visible = await db.VisibleKeyResultIdsAsync([command.KeyResultId], policy, cancellationToken, includeDeleted: true);
        if (!visible.Contains(command.KeyResultId) || initiative.KeyResultLinks.All(l => l.KeyResultId != command.KeyResultId))
            throw new NotFoundException("Initiative key result link", command.KeyResultId);
        initiative.UnlinkKeyResult(command.KeyResultId);
        await db.SaveChangesAsync(cancellationToken);
        return await initiative.ToDtoAsync(db, policy, cancellationToken);
    }

    private async Task<(Initiative, AccessPolicy)> EditableAsync(Guid id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var initiative = await db.Initiatives.FindOrNotFoundAsync(id, "Initiative", cancellationToken);
        if (!policy.CanEditInitiative(initiative.UnitId, initiative.OwnerId))
            throw new ForbiddenException("Only the initiative's owner, those who can plan work in its unit and admins can change its key results.");
        initiative.EnsureVersion(expectedVersion);
        return (initiative, policy);
    }
}
