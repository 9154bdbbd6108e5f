using Okr.Application.Common.Interfaces;
using Okr.Domain.Organizations;

namespace Okr.Infrastructure.Identity;

/// <summary>
/// The caller of this scope (one HTTP request, one background job). Filled once by
/// <see cref="CurrentUserResolver"/> from the authenticated principal, or set explicitly by system work.
/// </summary>
public sealed class CurrentUser : ICurrentUser
{
    public bool IsAuthenticated => UserId is not null;
    public Guid? UserId { get; private set; }
    public string? Email { get; private set; }
    public Guid? PersonId { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public OrganizationRole? Role { get; private set; }
    public ServiceAccountScope? ServiceAccountScope { get; private set; }
    public Guid? ServiceAccountUnitId { get; private set; }

    public void SignIn(Guid userId, string? email)
    {
        UserId = userId;
        Email = email;
        PersonId = null;
        OrganizationId = null;
        Role = null;
    }

    public void JoinedAs(Person person)
    {
        PersonId = person.Id;
        OrganizationId = person.OrganizationId;
        Role = person.Role;
    }

    /// <summary>The caller is a service account presenting an API key: its scope bounds what it may do (ADR 0027).</summary>
    public void ActsAsServiceAccount(ServiceAccountScope scope, Guid? unitId)
    {
        ServiceAccountScope = scope;
        ServiceAccountUnitId = unitId;
    }

    /// <summary>For system work (seeding, jobs): scope reads and writes to one organisation, with no person.</summary>
    public void ActForOrganization(Guid organizationId)
    {
        OrganizationId = organizationId;
        PersonId = null;
        Role = null;
    }
}
