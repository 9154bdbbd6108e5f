using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Objectives.Dtos;
using Okr.Domain.Common;

namespace Okr.Application.Objectives.Commands.WriteRetrospective;

/// <summary>Writes (or rewrites) the objective's retrospective: what went well, what was learned, what to improve.</summary>
public sealed record WriteRetrospective : ICommand<ObjectiveDto>, IExpectVersion
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    public string? WentWell { get; init; }
    public string? Learned { get; init; }
    public string? Improve { get; init; }
}

public sealed class WriteRetrospectiveValidator : AbstractValidator<WriteRetrospective>
{
    public WriteRetrospectiveValidator()
    {
        RuleFor(c => c).Must(c => !string.IsNullOrWhiteSpace(c.WentWell) || !string.IsNullOrWhiteSpace(c.Learned) || !string.IsNullOrWhiteSpace(c.Improve))
            .OverridePropertyName("wentWell").WithMessage("Write at least one of what went well, what was learned and what to improve.");
        RuleFor(c => c.WentWell).MaximumLength(TextLimits.LongText);
        RuleFor(c => c.Learned).MaximumLength(TextLimits.LongText);
        RuleFor(c => c.Improve).MaximumLength(TextLimits.LongText);
    }
}

public sealed class WriteRetrospectiveHandler(IOkrDbContext db, AccessPolicyProvider access, IClock clock) : ICommandHandler<WriteRetrospective, ObjectiveDto>
{
    public async ValueTask<ObjectiveDto> Handle(WriteRetrospective command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var objective = await db.VisibleObjectiveAsync(command.Id, policy, cancellationToken);
        if (!policy.CanDecide(ObjectiveAccess.Of(objective)) && !policy.IsMemberOf(objective.OwningUnitId))
            throw new ForbiddenException("The objective's team, owner and leads write its retrospective.");
        objective.EnsureVersion(command.ExpectedVersion);
        objective.WriteRetrospective(command.WentWell, command.Learned, command.Improve, policy.PersonId, clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return objective.ToDto();
    }
}
