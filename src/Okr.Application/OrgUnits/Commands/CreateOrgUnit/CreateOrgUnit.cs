using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.OrgUnits.Dtos;
using Okr.Domain.Common;
using Okr.Domain.Units;

namespace Okr.Application.OrgUnits.Commands.CreateOrgUnit;

/// <summary>Creates a unit below another one. The leads over the parent unit and admins can.</summary>
public sealed record CreateOrgUnit : ICommand<OrgUnitDto>
{
    /// <summary>The unit the new one sits under.</summary>
    public required Guid ParentId { get; init; }
    public required string Name { get; init; }
    /// <summary>Division, department, team or cross-functional team (there is one company: the root).</summary>
    public required UnitKind Kind { get; init; }
}

public sealed class CreateOrgUnitValidator : AbstractValidator<CreateOrgUnit>
{
    public CreateOrgUnitValidator()
    {
        RuleFor(c => c.ParentId).NotEmpty().WithMessage("Choose the unit the new one sits under.");
        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the unit a name.").MaximumLength(TextLimits.Name);
        RuleFor(c => c.Kind).IsInEnum().NotEqual(UnitKind.Company).WithMessage("There is one company unit, the root; choose another kind.");
    }
}

public sealed class CreateOrgUnitHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<CreateOrgUnit, OrgUnitDto>
{
    public async ValueTask<OrgUnitDto> Handle(CreateOrgUnit command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var parent = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == command.ParentId, cancellationToken)
            ?? throw Invalid.Field(nameof(command.ParentId), "No such unit in your organisation.");
        if (!policy.LeadsOver(parent.Id))
            throw new ForbiddenException("You can create units only below units you lead.");

        var unit = OrgUnit.CreateChild(parent, command.Name, command.Kind);
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        access.Invalidate();
        return await unit.ToDtoAsync(db, cancellationToken);
    }
}
