using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.OrgUnits.Dtos;
using Okr.Domain.Units;

namespace Okr.Application.OrgUnits.Commands.AddUnitMember;

/// <summary>Adds a person to a unit as lead or member. The unit's leads, the leads above it and admins can.</summary>
public sealed record AddUnitMember : ICommand<OrgUnitDto>, IExpectVersion
{
    [JsonIgnore] public Guid UnitId { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    /// <summary>An active person of the organisation.</summary>
    public required Guid PersonId { get; init; }
    /// <summary>Lead (manages the unit's subtree) or member (drafts OKRs for the unit, checks in).</summary>
    public UnitRole Role { get; init; } = UnitRole.Member;
}

public sealed class AddUnitMemberValidator : AbstractValidator<AddUnitMember>
{
    public AddUnitMemberValidator()
    {
        RuleFor(c => c.PersonId).NotEmpty().WithMessage("Choose the person.");
        RuleFor(c => c.Role).IsInEnum();
    }
}

public sealed class AddUnitMemberHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<AddUnitMember, OrgUnitDto>
{
    public async ValueTask<OrgUnitDto> Handle(AddUnitMember command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var unit = await db.UnitAsync(command.UnitId, cancellationToken);
        if (!policy.LeadsOver(unit.Id))
            throw new ForbiddenException("Only the unit's leads, the leads above it and admins manage its members.");
        unit.EnsureVersion(command.ExpectedVersion);
        await db.EnsurePeopleAsync([command.PersonId], nameof(command.PersonId), cancellationToken);

        db.UnitMemberships.Add(unit.AddMember(command.PersonId, command.Role));
        await db.SaveChangesAsync(cancellationToken);
        access.Invalidate();
        return await unit.ToDtoAsync(db, cancellationToken);
    }
}
