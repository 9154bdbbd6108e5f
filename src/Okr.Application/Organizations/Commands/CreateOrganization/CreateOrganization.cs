using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Organizations;
using Okr.Domain.Units;

namespace Okr.Application.Organizations.Commands.CreateOrganization;

/// <summary>A signed-up user with no organisation creates one and becomes its admin and the lead of its company unit.</summary>
/// <param name="Name">The organisation's name; also the name of its company unit.</param>
/// <param name="DisplayName">How the creator is shown to colleagues; defaults to the part of their email before the @.</param>
public sealed record CreateOrganization(string Name, string? DisplayName) : ICommand<OrganizationCreated>, IUserRequest;

/// <param name="OrganizationId">The new organisation.</param>
/// <param name="PersonId">The creator, as a person of the organisation (its admin).</param>
/// <param name="CompanyUnitId">The root unit of the organisation tree.</param>
public sealed record OrganizationCreated(Guid OrganizationId, Guid PersonId, Guid CompanyUnitId);

public sealed class CreateOrganizationHandler(IOkrDbContext db, ICurrentUser user) : ICommandHandler<CreateOrganization, OrganizationCreated>
{
    public async ValueTask<OrganizationCreated> Handle(CreateOrganization command, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new UnauthenticatedException("Sign in to create an organisation.");
        if (await db.People.IgnoreQueryFilters().AnyAsync(p => p.UserId == userId, cancellationToken))
            throw new ConflictException("organization.already_member", "You already belong to an organisation.");

        var email = user.Email ?? throw new UnauthenticatedException("Your account has no email address.");
        var organization = new Organization(command.Name);
        var company = OrgUnit.CreateCompany(organization.Id, command.Name);
        var person = new Person(organization.Id, userId,
            string.IsNullOrWhiteSpace(command.DisplayName) ? email.Split('@')[0] : command.DisplayName, email, OrganizationRole.Admin);
        company.AddMember(person.Id, UnitRole.Lead);

        db.Organizations.Add(organization);
        db.People.Add(person);
        db.OrgUnits.Add(company);
        await db.SaveChangesAsync(cancellationToken);
        return new OrganizationCreated(organization.Id, person.Id, company.Id);
    }
}
