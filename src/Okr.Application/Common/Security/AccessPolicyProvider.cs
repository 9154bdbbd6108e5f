using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Units;

namespace Okr.Application.Common.Security;

/// <summary>Loads the caller's <see cref="AccessPolicy"/> once per scope (one request): two small queries.</summary>
public sealed class AccessPolicyProvider(IOkrDbContext db, ICurrentUser user)
{
    private AccessPolicy? _policy;

    public async ValueTask<AccessPolicy> GetAsync(CancellationToken cancellationToken)
    {
        if (_policy is not null)
            return _policy;
        var personId = user.PersonId ?? throw new ForbiddenException("You do not belong to an organisation yet: create one or accept an invitation.");
        var units = await db.OrgUnits.AsNoTracking().IgnoreAutoIncludes().Select(u => new { u.Id, u.ParentId }).ToListAsync(cancellationToken);
        var memberships = await db.UnitMemberships.AsNoTracking().Where(m => m.PersonId == personId)
            .ToDictionaryAsync(m => m.UnitId, m => m.Role, cancellationToken);
        _policy = new AccessPolicy(personId, user.IsAdmin, new OrgTree(units.Select(u => (u.Id, u.ParentId))), memberships);
        return _policy;
    }

    /// <summary>
    /// The caller's rights over these units only: their ancestor chains (one statement per level of the tree) and the
    /// caller's memberships, instead of the whole tree. For hot writes such as a check-in, whose cost must not grow
    /// with the organisation. Asked about any other unit, the policy knows no ancestors, so it grants no more than
    /// direct membership does.
    /// </summary>
    public async ValueTask<AccessPolicy> GetForUnitsAsync(IEnumerable<Guid> unitIds, CancellationToken cancellationToken)
    {
        if (_policy is not null)
            return _policy;
        var personId = user.PersonId ?? throw new ForbiddenException("You do not belong to an organisation yet: create one or accept an invitation.");
        var chains = new Dictionary<Guid, Guid?>();
        var frontier = unitIds.Distinct().ToList();
        while (frontier.Count > 0)
        {
            var level = await db.OrgUnits.AsNoTracking().IgnoreAutoIncludes().Where(u => EF.Parameter(frontier).Contains(u.Id))
                .Select(u => new { u.Id, u.ParentId }).ToListAsync(cancellationToken);
            foreach (var unit in level) chains[unit.Id] = unit.ParentId;
            frontier = level.Where(u => u.ParentId is { } parent && !chains.ContainsKey(parent)).Select(u => u.ParentId!.Value).Distinct().ToList();
        }
        var memberships = await db.UnitMemberships.AsNoTracking().Where(m => m.PersonId == personId)
            .ToDictionaryAsync(m => m.UnitId, m => m.Role, cancellationToken);
        return new AccessPolicy(personId, user.IsAdmin, new OrgTree(chains.Select(c => (c.Key, c.Value))), memberships);
    }

    /// <summary>Forget the cached policy (after a command changed the tree or memberships).</summary>
    public void Invalidate() => _policy = null;
}
