using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;

namespace Okr.Application.Common;

/// <summary>Checks that ids a command refers to exist in the caller's organisation (the tenant filter applies).</summary>
public static class References
{
    public static async Task EnsureUnitAsync(this IOkrDbContext db, Guid unitId, string field, CancellationToken cancellationToken)
    {
        if (!await db.OrgUnits.AnyAsync(u => u.Id == unitId, cancellationToken))
            throw Invalid.Field(field, "No such unit in your organisation.");
    }

    public static async Task EnsurePeopleAsync(this IOkrDbContext db, IEnumerable<Guid?> personIds, string field, CancellationToken cancellationToken)
    {
        var ids = personIds.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0) return;
        var found = await db.People.CountAsync(p => ids.Contains(p.Id) && p.IsActive, cancellationToken);
        if (found != ids.Count)
            throw Invalid.Field(field, "No such active person in your organisation.");
    }

    public static async Task EnsureFocusAreaAsync(this IOkrDbContext db, Guid? focusAreaId, string field, CancellationToken cancellationToken)
    {
        if (focusAreaId is { } id && !await db.FocusAreas.AnyAsync(f => f.Id == id && !f.IsArchived, cancellationToken))
            throw Invalid.Field(field, "No such focus area (or it is archived).");
    }
}
