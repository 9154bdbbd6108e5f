using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Units;

namespace Okr.Application.Common.Security;

/// <summary>
/// Loads the caller's <see cref="AccessPolicy"/> once per scope (one request). The whole unit tree when a use case
/// needs it (<see cref="GetAsync"/>); only the ancestor chains of the units concerned for reads and writes whose cost
/// must not grow with the organisation (<see cref="GetForUnitsAsync"/>, <see cref="GetForTreeAsync"/>).
/// </summary>
public sealed class AccessPolicyProvider(IOkrDbContext db, ICurrentUser user)
{
    private AccessPolicy? _policy;
    private Dictionary<Guid, UnitRole>? _memberships;

    private Guid PersonId => user.PersonId ?? throw new ForbiddenException("You do not belong to an organisation yet: create one or accept an invitation.");

    public async ValueTask<AccessPolicy> GetAsync(CancellationToken cancellationToken)
    {
        if (_policy is not null)
            return _policy;
        var personId = PersonId;
        var units = await db.OrgUnits.AsNoTracking().IgnoreAutoIncludes().Select(u => new { u.Id, u.ParentId }).ToListAsync(cancellationToken);
        _policy = new AccessPolicy(personId, user.IsAdmin, new OrgTree(units.Select(u => (u.Id, u.ParentId))), await MembershipsAsync(cancellationToken));
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
        _ = PersonId;
        var chains = await UnitChains.LoadAsync(db, unitIds, cancellationToken);
        return await GetForTreeAsync(new OrgTree(chains.Select(c => (c.Id, c.ParentId))), cancellationToken);
    }

    /// <summary>The caller's rights over the units of a (partial) tree the caller already loaded: the full policy when known.</summary>
    public async ValueTask<AccessPolicy> GetForTreeAsync(OrgTree tree, CancellationToken cancellationToken) =>
        _policy ?? new AccessPolicy(PersonId, user.IsAdmin, tree, await MembershipsAsync(cancellationToken));

    /// <summary>
    /// The caller's rights where only public objectives are concerned: who the caller is, no units, no memberships (no
    /// statement). Such a policy lets the caller see public objectives and their own; asked about a restricted one it
    /// grants no more than ownership does, so it is safe, never wider, and used only where every objective is public.
    /// </summary>
    public AccessPolicy PublicOnly() => _policy ?? new AccessPolicy(PersonId, user.IsAdmin, new OrgTree([]), new Dictionary<Guid, UnitRole>());

    /// <summary>Forget the cached policy (after a command changed the tree or memberships).</summary>
    public void Invalidate()
    {
        _policy = null;
        _memberships = null;
    }

    private async ValueTask<Dictionary<Guid, UnitRole>> MembershipsAsync(CancellationToken cancellationToken)
    {
        var personId = PersonId;
        if (_memberships is not null)
            return _memberships;
        _memberships = await db.UnitMemberships.AsNoTracking().Where(m => m.PersonId == personId)
            .ToDictionaryAsync(m => m.UnitId, m => m.Role, cancellationToken);
        // A check-in writer key has a lead's rights over its unit's subtree; the scope check in the pipeline leaves it
        // nothing but check-ins (ADR 0027).
        if (user.ServiceAccountUnitId is { } unitId)
            _memberships[unitId] = UnitRole.Lead;
        return _memberships;
    }
}
