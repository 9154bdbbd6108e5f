using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.People.Dtos;
using Okr.Domain.Organizations;

namespace Okr.Application.People.Commands.ChangePersonRole;

/// <summary>Makes a person an organisation admin or a member. The last active admin cannot step down. Admins only.</summary>
public sealed record ChangePersonRole : ICommand<PersonDto>, IExpectVersion, IAdminRequest
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    /// <summary>Admin (everything in the organisation) or member (rights come from unit memberships).</summary>
    public required OrganizationRole Role { get; init; }
}

public sealed class ChangePersonRoleValidator : AbstractValidator<ChangePersonRole>
{
    public ChangePersonRoleValidator() => RuleFor(c => c.Role).IsInEnum();
}

public sealed class ChangePersonRoleHandler(IOkrDbContext db) : ICommandHandler<ChangePersonRole, PersonDto>
{
    public async ValueTask<PersonDto> Handle(ChangePersonRole command, CancellationToken cancellationToken)
    {
        var person = await db.People.FindOrNotFoundAsync(command.Id, "Person", cancellationToken);
        person.EnsureVersion(command.ExpectedVersion);
        var activeAdmins = await db.People.CountAsync(p => p.Role == OrganizationRole.Admin && p.IsActive, cancellationToken);
        person.ChangeRole(command.Role, activeAdmins);
        await db.SaveChangesAsync(cancellationToken);
        return await person.ToDtoAsync(db, cancellationToken);
    }
}
