using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.OrgUnits.Dtos;

namespace Okr.Application.OrgUnits.Commands.DeleteOrgUnit;

/// <summary>
/// Deletes an empty unit: no sub-units, objectives, key results, KPIs, initiatives or members (history points at
/// units, so a unit with any of them stays; move or remove them first). Needs a lead above the unit, or an admin.
/// </summary>
public sealed record DeleteOrgUnit(Guid Id, long? ExpectedVersion = null) : ICommand, IExpectVersion;

public sealed class DeleteOrgUnitHandler(IOkrDbContext db, AccessPolicyProvider access) : ICommandHandler<DeleteOrgUnit>
{
    public async ValueTask<Unit> Handle(DeleteOrgUnit command, CancellationToken cancellationToken)
    {
        var policy = await access.GetAsync(cancellationToken);
        var unit = await db.UnitAsync(command.Id, cancellationToken);
        if (!policy.LeadsAbove(unit.Id))
            throw new ForbiddenException("Deleting a unit needs a lead above it, or an admin.");
        unit.EnsureVersion(command.ExpectedVersion);
        unit.EnsureDeletable();

        var id = unit.Id;
        // Everything that points at the unit, deleted key results included (their history still names it).
        var left = new (int Count, string One, string Many)[]
        {
            (await db.OrgUnits.CountAsync(u => u.ParentId == id, cancellationToken), "sub-unit", "sub-units"),
            (await db.Objectives.CountAsync(o => o.OwningUnitId == id, cancellationToken), "objective", "objectives"),
            (await db.KeyResults.IgnoreQueryFilters([QueryFilters.SoftDelete]).CountAsync(k => k.OwningUnitId == id, cancellationToken),
                "key result", "key results"),
            (await db.Kpis.CountAsync(k => k.OwningUnitId == id, cancellationToken), "KPI", "KPIs"),
            (await db.Initiatives.CountAsync(i => i.UnitId == id, cancellationToken), "initiative", "initiatives"),
            (unit.Members.Count, "member", "members"),
        }.Where(x => x.Count > 0).Select(x => $"{x.Count} {(x.Count == 1 ? x.One : x.Many)}").ToList();
        if (left.Count > 0)
            throw new ConflictException("unit.not_empty",
                $"'{unit.Name}' is not empty: it still has {Join(left)}. Move or remove them first.");

        db.OrgUnits.Remove(unit);
        await db.SaveChangesAsync(cancellationToken);
        access.Invalidate();
        return Unit.Value;
    }

    private static string Join(List<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1];
}
