using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.OrgUnits.Dtos;
using Okr.Domain.Units;

namespace Okr.Application.OrgUnits.Commands.ChangeUnitMemberRole;

/// <summary>Makes a unit's member its lead, or a lead a member. The unit's leads, the leads above it and admins can.</summary>
public sealed record ChangeUnitMemberRole : ICommand<OrgUnitDto>, IExpectVersion
{
    [JsonIgnore] public Guid UnitId { get; init; }
    [JsonIgnore] public Guid PersonId { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    public required UnitRole Role { get; init; }
}

public sealed class ChangeUnitMemberRoleValidator : AbstractValidator<ChangeUnitMemberRole>
{
    public ChangeUnitMemberRoleValidator() => RuleFor(c => c.Role).IsInEnum();
}

public sealed class ChangeUnitMemberRoleHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<ChangeUnitMemberRole, OrgUnitDto>
{
    public async ValueTask<OrgUnitDto> Handle(ChangeUnitMemberRole command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var unit = await db.UnitAsync(command.UnitId, cancellationToken);
        if (!policy.LeadsOver(unit.Id))
            throw new ForbiddenException("Only the unit's leads, the leads above it and admins manage its members.");
        if (unit.RoleOf(command.PersonId) is null)
            throw new NotFoundException("UnitMember", command.PersonId);
        unit.EnsureVersion(command.ExpectedVersion);

        unit.ChangeMemberRole(command.PersonId, command.Role);
        await db.SaveChangesAsync(cancellationToken);
        access.Invalidate();
        return await unit.ToDtoAsync(db, cancellationToken);
    }
}
