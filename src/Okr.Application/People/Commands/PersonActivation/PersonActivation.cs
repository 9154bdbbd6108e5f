using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.People.Dtos;
using Okr.Domain.Organizations;

namespace Okr.Application.People.Commands.PersonActivation;

/// <summary>
/// Takes a person's access to the organisation away; their objectives, check-ins and memberships stay as history.
/// Nobody deactivates themselves, and the last active admin stays. Admins only.
/// </summary>
public sealed record DeactivatePerson(Guid Id, long? ExpectedVersion = null) : ICommand<PersonDto>, IExpectVersion, IAdminRequest;

/// <summary>Gives a deactivated person their access back. Admins only.</summary>
public sealed record ReactivatePerson(Guid Id, long? ExpectedVersion = null) : ICommand<PersonDto>, IExpectVersion, IAdminRequest;

public sealed class PersonActivationHandler(IOkrDbContext db, ICurrentUser user)
    : ICommandHandler<DeactivatePerson, PersonDto>, ICommandHandler<ReactivatePerson, PersonDto>
{
    public async ValueTask<PersonDto> Handle(DeactivatePerson command, CancellationToken cancellationToken)
    {
        var person = await db.People.FindOrNotFoundAsync(command.Id, "Person", cancellationToken);
        person.EnsureVersion(command.ExpectedVersion);
        var activeAdmins = await db.People.CountAsync(p => p.Role == OrganizationRole.Admin && p.IsActive, cancellationToken);
        person.Deactivate(user.PersonId ?? throw new ForbiddenException("You do not belong to an organisation."), activeAdmins);
        await db.SaveChangesAsync(cancellationToken);
        return await person.ToDtoAsync(db, cancellationToken);
    }

    public async ValueTask<PersonDto> Handle(ReactivatePerson command, CancellationToken cancellationToken)
    {
        var person = await db.People.FindOrNotFoundAsync(command.Id, "Person", cancellationToken);
        person.EnsureVersion(command.ExpectedVersion);
        person.Reactivate();
        await db.SaveChangesAsync(cancellationToken);
        return await person.ToDtoAsync(db, cancellationToken);
    }
}
