using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Okr.Application.Common.Interfaces;
using Okr.Infrastructure.Identity;
using Okr.Infrastructure.Persistence;

namespace Okr.Infrastructure.Seeding;

/// <summary>Puts the demo organisation (see <see cref="DemoOrganization"/>) and its sign-in accounts into an empty database.</summary>
public sealed partial class DemoSeeder(
    OkrDbContext db, UserManager<AppUser> users, CurrentUser currentUser, IClock clock, IOptions<DemoOptions> options, ILogger<DemoSeeder> logger)
{
    /// <returns>True when it seeded; false when the database already held an organisation.</returns>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Organizations.IgnoreQueryFilters().AnyAsync(cancellationToken))
            return false;

        var password = options.Value.Password;
        if (string.IsNullOrWhiteSpace(password))
        {
            password = GeneratePassword();
            LogGeneratedPassword(password);
        }

        var userIds = new Dictionary<string, Guid>();
        foreach (var demoUser in DemoOrganization.Users)
        {
            var user = new AppUser { UserName = demoUser.Email, Email = demoUser.Email, EmailConfirmed = true, DisplayName = demoUser.DisplayName };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Could not create demo user {demoUser.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            userIds[demoUser.Key] = user.Id;
        }

        var demo = DemoOrganization.Build(clock.UtcNow, userIds);
        currentUser.ActForOrganization(demo.Organization.Id);
        Add(db, demo);
        db.AuditEvents.AddRange(DemoHistory.Of(demo));
        await db.SaveChangesAsync(cancellationToken);

        LogSeeded(demo.Organization.Name, demo.Objectives.Count, demo.CheckIns.Count);
        return true;
    }

    /// <summary>Adds every row of the demo organisation to the context (not saved).</summary>
    public static void Add(OkrDbContext db, DemoOrganization demo)
    {
        db.Organizations.Add(demo.Organization);
        db.People.AddRange(demo.People);
        db.OrgUnits.AddRange(demo.Units);
        db.Periods.AddRange(demo.Periods);
        db.FocusAreas.AddRange(demo.FocusAreas);
        db.Objectives.AddRange(demo.Objectives);
        db.Alignments.AddRange(demo.Alignments);
        db.CheckIns.AddRange(demo.CheckIns);
        db.Initiatives.AddRange(demo.Initiatives);
        db.Kpis.AddRange(demo.Kpis);
        db.Annotations.AddRange(demo.Annotations);
        db.Comments.AddRange(demo.Comments);
        // The demo is history, not news: the facts its making raised (comments, alignments, check-ins) notify nobody.
        foreach (var entry in db.ChangeTracker.Entries<Okr.Domain.Common.Entity>())
            entry.Entity.TakeDomainEvents();
    }

    /// <summary>
    /// Locks every demo account (an address under <see cref="DemoOrganization.EmailDomain"/>, reserved by RFC 2606, so no
    /// real person owns one; the test copies of the demo share it) for good and ends its sessions (a new security stamp). Runs at every start outside
    /// Development; answers how many accounts it deactivated (those already deactivated are left as they are).
    /// </summary>
    public static Task<int> DeactivateDemoAccountsAsync(OkrDbContext db, CancellationToken cancellationToken)
    {
        var suffix = "@" + DemoOrganization.EmailDomain.ToUpperInvariant();
        return db.Users
            .Where(u => u.NormalizedEmail != null && u.NormalizedEmail.EndsWith(suffix) && u.LockoutEnd != DeactivatedUntil)
            .ExecuteUpdateAsync(set => set
                .SetProperty(u => u.LockoutEnabled, true)
                .SetProperty(u => u.LockoutEnd, DeactivatedUntil)
                .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString()), cancellationToken);
    }

    /// <summary>A lockout end that never comes: how an account is deactivated.</summary>
    public static readonly DateTimeOffset DeactivatedUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string GeneratePassword() =>
        // Identity's default rules: upper, lower, digit, symbol.
        "Okr-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(9)).Replace('+', 'x').Replace('/', 'y') + "-7a";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo:Password is not set. The demo accounts (admin@acme.test, lead@acme.test, member@acme.test) use the generated password: {Password}")]
    private partial void LogGeneratedPassword(string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo organisation {Organization}: {Objectives} objectives, {CheckIns} check-ins")]
    private partial void LogSeeded(string organization, int objectives, int checkIns);
}
