using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.OrgUnits.Dtos;

namespace Okr.Application.OrgUnits.Commands.MoveOrgUnit;

/// <summary>
/// Moves a unit (with its subtree) under another parent; its objectives and history go with it. Needs a lead above
/// the unit (its own lead cannot move it away) who also leads over the new parent, or an admin. Cycles are refused.
/// </summary>
public sealed record MoveOrgUnit : ICommand<OrgUnitDto>, IExpectVersion
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    /// <summary>The unit's new parent.</summary>
    public required Guid ParentId { get; init; }
}

public sealed class MoveOrgUnitValidator : AbstractValidator<MoveOrgUnit>
{
    public MoveOrgUnitValidator() => RuleFor(c => c.ParentId).NotEmpty().WithMessage("Choose the unit's new parent.");
}

public sealed class MoveOrgUnitHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<MoveOrgUnit, OrgUnitDto>
{
    public async ValueTask<OrgUnitDto> Handle(MoveOrgUnit command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var unit = await db.UnitAsync(command.Id, cancellationToken);
        var parent = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == command.ParentId, cancellationToken)
            ?? throw Invalid.Field(nameof(command.ParentId), "No such unit in your organisation.");
        if (!policy.LeadsAbove(unit.Id) || !policy.LeadsOver(parent.Id))
            throw new ForbiddenException("Moving a unit needs a lead above it who also leads over the new parent, or an admin.");
        unit.EnsureVersion(command.ExpectedVersion);

        unit.MoveTo(parent, policy.Tree.AncestorsOf(parent.Id));
        await db.SaveChangesAsync(cancellationToken);
        access.Invalidate();
        return await unit.ToDtoAsync(db, cancellationToken);
    }
}
