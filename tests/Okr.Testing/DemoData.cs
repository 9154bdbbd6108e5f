using Okr.Application.Common.Interfaces;
using Okr.Infrastructure.Identity;
using Okr.Infrastructure.Persistence;
using Okr.Infrastructure.Seeding;

namespace Okr.Testing;

/// <summary>Puts a whole demo organisation into a test database, with sign-in users whose emails start with a prefix.</summary>
public static class DemoData
{
    /// <returns>The demo organisation and the user id of each demo user key.</returns>
    public static async Task<(DemoOrganization Demo, IReadOnlyDictionary<string, Guid> UserIds)> SeedAsync(OkrDbContext db, IClock clock, string emailPrefix)
    {
        var userIds = new Dictionary<string, Guid>();
        foreach (var demoUser in DemoOrganization.Users)
        {
            var email = emailPrefix + demoUser.Email;
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = demoUser.DisplayName,
                NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(),
            };
            db.Users.Add(user);
            userIds[demoUser.Key] = user.Id;
        }
        var demo = DemoOrganization.Build(clock.UtcNow, userIds);
        DemoSeeder.Add(db, demo);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return (demo, userIds);
    }
}
