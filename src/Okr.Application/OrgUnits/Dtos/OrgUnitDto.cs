using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Units;

namespace Okr.Application.OrgUnits.Dtos;

/// <summary>A unit of the organisation tree with its members.</summary>
/// <param name="Version">The ETag: send it back in If-Match to change the unit or its members.</param>
/// <param name="ParentId">The unit above; null for the company (the root).</param>
public sealed record OrgUnitDto(Guid Id, long Version, string Name, UnitKind Kind, Guid? ParentId, IReadOnlyList<UnitMemberDto> Members)
    : Common.IVersionedDto;

/// <summary>A member of a unit: lead (manages the unit's subtree) or member.</summary>
public sealed record UnitMemberDto(Guid PersonId, string DisplayName, UnitRole Role, bool IsActive);

public static class OrgUnitDtos
{
    public static async Task<OrgUnitDto> ToDtoAsync(this OrgUnit unit, IOkrDbContext db, CancellationToken cancellationToken)
    {
        var ids = unit.Members.Select(m => m.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.DisplayName, p.IsActive }, cancellationToken);
        var members = unit.Members
            .Select(m => new UnitMemberDto(m.PersonId, people.GetValueOrDefault(m.PersonId)?.DisplayName ?? string.Empty, m.Role,
                people.GetValueOrDefault(m.PersonId)?.IsActive ?? false))
            .OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.Ordinal)
            .ToList();
        return new OrgUnitDto(unit.Id, unit.Version, unit.Name, unit.Kind, unit.ParentId, members);
    }

    /// <summary>The unit (with its members); a missing or foreign id is a 404.</summary>
    public static async Task<OrgUnit> UnitAsync(this IOkrDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotFoundException("OrgUnit", id);
}
