using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Okr.Domain.Periods;
using Okr.Infrastructure.Identity;
using Okr.Infrastructure.Persistence;
using Okr.Infrastructure.Seeding;

namespace Okr.Api.IntegrationTests.Infrastructure;

/// <summary>
/// A copy of the demo organisation of its own, seeded into the shared host with sign-in emails prefixed by
/// <see cref="Prefix"/>: the numbers tests assert stay as seeded whatever other tests do to the shared demo.
/// </summary>
public sealed record PrivateDemo(
    string Prefix,
    Guid OrganizationId,
    Guid CurrentPeriodId,
    Guid PreviousPeriodId,
    IReadOnlyDictionary<string, Guid> Units,
    IReadOnlyDictionary<string, Guid> Objectives,
    IReadOnlyDictionary<string, Guid> KeyResults)
{
    public const string CompanyObjective = "Make it easy for the right customers to buy and hard for them to go";

    private static readonly Dictionary<(OkrApiFactory, string), Task<PrivateDemo>> Seeded = [];
    private static readonly Lock Gate = new();

    /// <summary>The copy named <paramref name="name"/> in this host, seeded on first use.</summary>
    public static Task<PrivateDemo> GetAsync(OkrApiFactory host, string name)
    {
        lock (Gate)
        {
            if (!Seeded.TryGetValue((host, name), out var demo))
                Seeded[(host, name)] = demo = SeedAsync(host, $"{name}-{Guid.NewGuid():N}.");
            return demo;
        }
    }

    public Task<HttpClient> SignInAsync(OkrApiFactory host, string who = "admin") => host.SignedInAsync($"{Prefix}{who}@acme.test");

    public Guid Objective(string titleStart) => Objectives.Single(o => o.Key.StartsWith(titleStart, StringComparison.Ordinal)).Value;

    public Guid KeyResult(string titleStart) => KeyResults.First(k => k.Key.StartsWith(titleStart, StringComparison.Ordinal)).Value;

    private static async Task<PrivateDemo> SeedAsync(OkrApiFactory host, string prefix)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var userIds = new Dictionary<string, Guid>();
        foreach (var demoUser in DemoOrganization.Users)
        {
            var user = new AppUser { UserName = prefix + demoUser.Email, Email = prefix + demoUser.Email, EmailConfirmed = true, DisplayName = demoUser.DisplayName };
            var created = await users.CreateAsync(user, ApiFixture.DemoPassword);
            created.Succeeded.Should().BeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
            userIds[demoUser.Key] = user.Id;
        }

        var demo = DemoOrganization.Build(host.Clock.UtcNow, userIds);
        // Not "Acme": other tests find the shared demo organisation by that name.
        demo.Organization.Rename("Acme copy " + prefix.TrimEnd('.'));
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActForOrganization(demo.Organization.Id);
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
        DemoSeeder.Add(db, demo);
        await db.SaveChangesAsync();

        var quarters = demo.Periods.Where(p => p.Kind == PeriodKind.Quarter).OrderBy(p => p.Start).ToList();
        var current = quarters.Single(p => p.State == PeriodState.Active);
        var previous = quarters.Last(p => p.Start < current.Start);
        var currentObjectives = demo.Objectives.Where(o => o.PeriodId == current.Id).ToList();
        return new PrivateDemo(prefix, demo.Organization.Id, current.Id, previous.Id,
            demo.Units.ToDictionary(u => u.Name, u => u.Id),
            currentObjectives.ToDictionary(o => o.Title, o => o.Id),
            currentObjectives.SelectMany(o => o.LiveKeyResults).GroupBy(k => k.Title).ToDictionary(g => g.Key, g => g.First().Id));
    }

    /// <summary>Reads this organisation's rows directly.</summary>
    public Task<T> ReadAsync<T>(OkrApiFactory host, Func<OkrDbContext, Task<T>> read) => host.WithDbAsync(read, OrganizationId);

    internal static async Task<Guid> CreateAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text);
        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }
}
