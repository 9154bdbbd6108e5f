using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Organizations;
using Okr.Domain.Units;

namespace Okr.Application.People.Dtos;

/// <summary>A person of the organisation, with the units they belong to.</summary>
/// <param name="Version">The ETag: send it back in If-Match to change the person.</param>
/// <param name="IsActive">A deactivated person can no longer sign in to the organisation; their history stays.</param>
public sealed record PersonDto(
    Guid Id,
    long Version,
    string DisplayName,
    string Email,
    OrganizationRole Role,
    bool IsActive,
    IReadOnlyList<PersonMembershipDto> Memberships) : Common.IVersionedDto;

/// <summary>A unit the person belongs to, and their role in it.</summary>
public sealed record PersonMembershipDto(Guid UnitId, string UnitName, UnitRole Role);

public static class PersonDtos
{
    public static async Task<PersonDto> ToDtoAsync(this Person person, IOkrDbContext db, CancellationToken cancellationToken)
    {
        var memberships = await db.UnitMemberships.AsNoTracking()
            .Where(m => m.PersonId == person.Id)
            .Join(db.OrgUnits.IgnoreAutoIncludes(), m => m.UnitId, u => u.Id, (m, u) => new { m.UnitId, u.Name, m.Role })
            .ToListAsync(cancellationToken);
        return new PersonDto(person.Id, person.Version, person.DisplayName, person.Email, person.Role, person.IsActive,
            memberships.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => new PersonMembershipDto(m.UnitId, m.Name, m.Role)).ToList());
    }
}
