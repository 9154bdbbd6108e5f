using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Okr.Infrastructure.Persistence;

namespace Okr.Infrastructure.Identity;

/// <summary>Turns the authenticated principal into the scope's <see cref="CurrentUser"/>, with their organisation membership.</summary>
public sealed class CurrentUserResolver(CurrentUser currentUser, OkrDbContext db)
{
    public async Task ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            return;

        currentUser.SignIn(userId, principal.FindFirstValue(ClaimTypes.Email) ?? principal.FindFirstValue(ClaimTypes.Name));

        // The membership decides the tenant, so it is read before any tenant filter can apply.
        var person = await db.People.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (person is { IsActive: true })
            currentUser.JoinedAs(person);
    }
}
