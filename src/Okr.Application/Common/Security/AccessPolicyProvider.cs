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

    /// <summary>Forget the cached policy (after a command changed the tree or memberships).</summary>
    public void Invalidate() => _policy = null;
}
