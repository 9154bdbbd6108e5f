using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Units;

namespace Okr.Application.Common;

/// <summary>A unit row without its members.</summary>
public sealed record UnitRow(Guid Id, long Version, string Name, UnitKind Kind, Guid? ParentId);

/// <summary>Units with their ancestors up to the company: the tree as far as some units are concerned.</summary>
public static class UnitChains
{
    /// <summary>These units and every unit above them: one statement per level of the tree, not per unit.</summary>
    /// <param name="known">Units already read (with their ancestors): the walk stops at them.</param>
    public static async Task<IReadOnlyList<UnitRow>> LoadAsync(IOkrDbContext db, IEnumerable<Guid> unitIds, CancellationToken cancellationToken,
        Func<Guid, bool>? known = null)
    {
        var found = new Dictionary<Guid, UnitRow>();
        var frontier = unitIds.Distinct().Where(id => known?.Invoke(id) != true).ToList();
        while (frontier.Count > 0)
        {
            var level = await db.OrgUnits.AsNoTracking().IgnoreAutoIncludes().Where(u => EF.Parameter(frontier).Contains(u.Id))
                .Select(u => new UnitRow(u.Id, u.Version, u.Name, u.Kind, u.ParentId)).ToListAsync(cancellationToken);
            foreach (var unit in level) found[unit.Id] = unit;
            frontier = level.Where(u => u.ParentId is { } parent && !found.ContainsKey(parent) && known?.Invoke(parent) != true)
                .Select(u => u.ParentId!.Value).Distinct().ToList();
        }
        return found.Values.ToList();
    }
}
