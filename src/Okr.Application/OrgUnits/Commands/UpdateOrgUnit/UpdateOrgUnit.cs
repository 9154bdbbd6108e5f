using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.OrgUnits.Dtos;
using Okr.Domain.Common;
using Okr.Domain.Units;

namespace Okr.Application.OrgUnits.Commands.UpdateOrgUnit;

/// <summary>Renames a unit and changes its kind. Its leads, the leads above it and admins can.</summary>
public sealed record UpdateOrgUnit : ICommand<OrgUnitDto>, IExpectVersion
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    public required string Name { get; init; }
    /// <summary>The root stays the company; other units are divisions, departments, teams or cross-functional teams.</summary>
    public required UnitKind Kind { get; init; }
}

public sealed class UpdateOrgUnitValidator : AbstractValidator<UpdateOrgUnit>
{
    public UpdateOrgUnitValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Give the unit a name.").MaximumLength(TextLimits.Name);
        RuleFor(c => c.Kind).IsInEnum();
    }
}

public sealed class UpdateOrgUnitHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<UpdateOrgUnit, OrgUnitDto>
{
    public async ValueTask<OrgUnitDto> Handle(UpdateOrgUnit command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var unit = await db.UnitAsync(command.Id, cancellationToken);
        if (!policy.LeadsOver(unit.Id))
            throw new ForbiddenException("Only the unit's leads, the leads above it and admins can change it.");
        unit.EnsureVersion(command.ExpectedVersion);
        unit.Rename(command.Name);
        unit.ChangeKind(command.Kind);
        await db.SaveChangesAsync(cancellationToken);
        return await unit.ToDtoAsync(db, cancellationToken);
    }
}
