using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.OrgUnits.Dtos;

namespace Okr.Application.OrgUnits.Commands.RemoveUnitMember;

/// <summary>Removes a person from a unit (their objectives and check-ins stay). The unit's leads, the leads above it and admins can.</summary>
public sealed record RemoveUnitMember(Guid UnitId, Guid PersonId, long? ExpectedVersion = null) : ICommand<OrgUnitDto>, IExpectVersion;

public sealed class RemoveUnitMemberHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<RemoveUnitMember, OrgUnitDto>
{
    public async ValueTask<OrgUnitDto> Handle(RemoveUnitMember command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var unit = await db.UnitAsync(command.UnitId, cancellationToken);
        if (!policy.LeadsOver(unit.Id))
            throw new ForbiddenException("Only the unit's leads, the leads above it and admins manage its members.");
        if (unit.RoleOf(command.PersonId) is null)
            throw new NotFoundException("UnitMember", command.PersonId);
        unit.EnsureVersion(command.ExpectedVersion);

        unit.RemoveMember(command.PersonId);
        await db.SaveChangesAsync(cancellationToken);
        access.Invalidate();
        return await unit.ToDtoAsync(db, cancellationToken);
    }
}
