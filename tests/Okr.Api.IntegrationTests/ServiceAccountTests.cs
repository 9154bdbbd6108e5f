using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.KeyResults.Dtos;
using Okr.Application.Objectives.Dtos;
using Okr.Application.ServiceAccounts.Dtos;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>Service accounts and their API keys: who a key is, what its scope lets it do, and when it stops working (ADR 0027).</summary>
[Collection(ApiTests.Name)]
public sealed class ServiceAccountTests(ApiFixture fixture)
{
    private static async Task<(ServiceAccountDto Account, ApiKeyCreated Key)> NewKeyAsync(HttpClient admin, string scope, Guid? unitId = null,
        string name = "Metrics sync")
    {
        var account = await (await admin.PostAsJsonAsync("/api/service-accounts", new { name, scope, unitId })).ReadAsync<ServiceAccountDto>();
        var key = await (await admin.PostAsJsonAsync($"/api/service-accounts/{account.Id}/keys", new { name = "production" })).ReadAsync<ApiKeyCreated>();
        return (account, key);
    }

    private static HttpClient WithKey(OkrApiFactory host, string key)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<(Guid ObjectiveId, Guid KeyResultId)> ActiveObjectiveAsync(HttpClient admin, PrivateDemo demo, string unit)
    {
        var objective = await (await admin.PostAsJsonAsync("/api/objectives", new
        {
            periodId = demo.CurrentPeriodId, owningUnitId = demo.Units[unit], title = $"Ship calm releases {Guid.NewGuid():N}",
        })).ReadAsync<ObjectiveDto>();
        var keyResult = await (await admin.PostAsJsonAsync("/api/key-results", new { objectiveId = objective.Id, title = "Calm releases rise", baseline = 0, target = 10 }))
            .ReadAsync<KeyResultDto>();
        (await admin.PostAsync($"/api/objectives/{objective.Id}/activate", null)).EnsureSuccessStatusCode();
        return (objective.Id, keyResult.Id);
    }

    [Fact]
    public async Task A_key_is_shown_once_stored_as_a_hash_and_listed_without_its_secret()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var organization = await host.NewOrganizationAsync();
        var (account, key) = await NewKeyAsync(organization.Admin, "READ_ONLY");

        key.Key.Should().StartWith($"okr_live_{key.PublicId}_");
        var stored = await host.WithDbAsync(db => db.ApiKeys.SingleAsync(k => k.Id == key.Id), organization.OrganizationId);
        stored.SecretHash.Should().NotContain(key.Key[$"okr_live_{key.PublicId}_".Length..]).And.HaveLength(64);

        var list = await organization.Admin.GetAsync("/api/service-accounts");
        var text = await list.Content.ReadAsStringAsync();
        list.StatusCode.Should().Be(HttpStatusCode.OK);
        text.Should().Contain(key.PublicId).And.NotContain(key.Key).And.NotContain(stored.SecretHash);
        (await list.ReadAsync<List<ServiceAccountDto>>()).Single(a => a.Id == account.Id).Keys.Should().ContainSingle(k => k.PublicId == key.PublicId);
    }

    [Fact]
    public async Task A_key_reads_GraphQL_and_REST_as_its_service_account_and_records_its_last_use()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var organization = await host.NewOrganizationAsync();
        var (account, key) = await NewKeyAsync(organization.Admin, "READ_ONLY", name: "Dashboard reader");
        using var client = WithKey(host, key.Key);

        var me = (await client.GraphQLAsync("{ me { person { id displayName } } }")).ShouldSucceed();
        me.GetProperty("me").GetProperty("person").GetProperty("displayName").GetString().Should().Be("Dashboard reader");
        me.GetProperty("me").GetProperty("person").GetProperty("id").GetGuid().Should().Be(account.PersonId);
        var organizationRead = await client.GetAsync($"/api/organizations/{organization.OrganizationId}");
        organizationRead.StatusCode.Should().Be(HttpStatusCode.OK, await organizationRead.Content.ReadAsStringAsync());

        var lastUsed = await host.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == key.Id).Select(k => k.LastUsedAt).SingleAsync(), organization.OrganizationId);
        lastUsed.Should().Be(host.Clock.UtcNow);
    }

    [Fact]
    public async Task A_revoked_an_expired_a_disabled_or_a_wrong_key_gets_401()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var organization = await host.NewOrganizationAsync();
        var (account, key) = await NewKeyAsync(organization.Admin, "READ_ONLY");
        using var client = WithKey(host, key.Key);
        (await client.GetAsync($"/api/organizations/{organization.OrganizationId}")).StatusCode.Should().Be(HttpStatusCode.OK);

        // A wrong secret behind a real public id, a key of no shape, and a made-up public id.
        foreach (var wrong in new[] { key.Key[..^4] + "AAAA", "okr_live_nonsense", $"okr_live_000000000000_{new string('A', 43)}" })
        {
            using var impostor = WithKey(host, wrong);
            (await impostor.GetAsync($"/api/organizations/{organization.OrganizationId}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, wrong);
            (await impostor.GraphQLAsync("{ me { person { id } } }")).Status.Should().Be(HttpStatusCode.Unauthorized);
        }

        // Revoked: refused from the next request on.
        (await organization.Admin.DeleteAsync($"/api/service-accounts/{account.Id}/keys/{key.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/organizations/{organization.OrganizationId}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        // Expired: a key past its expiry (moved there in the database: the clock is shared by the suite).
        var second = await (await organization.Admin.PostAsJsonAsync($"/api/service-accounts/{account.Id}/keys",
            new { name = "short-lived", expiresAt = host.Clock.UtcNow.AddHours(1) })).ReadAsync<ApiKeyCreated>();
        using var shortLived = WithKey(host, second.Key);
        (await shortLived.GetAsync($"/api/organizations/{organization.OrganizationId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == second.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.ExpiresAt, host.Clock.UtcNow)), organization.OrganizationId);
        (await shortLived.GetAsync($"/api/organizations/{organization.OrganizationId}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        // Disabled account: all its keys stop.
        var third = await (await organization.Admin.PostAsJsonAsync($"/api/service-accounts/{account.Id}/keys", new { name = "third" })).ReadAsync<ApiKeyCreated>();
        using var thirdClient = WithKey(host, third.Key);
        (await thirdClient.GetAsync($"/api/organizations/{organization.OrganizationId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await organization.Admin.DeleteAsync($"/api/service-accounts/{account.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await thirdClient.GetAsync($"/api/organizations/{organization.OrganizationId}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_read_only_key_gets_403_on_a_command_and_changes_nothing()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var organization = await host.NewOrganizationAsync();
        var (_, key) = await NewKeyAsync(organization.Admin, "READ_ONLY");
        using var client = WithKey(host, key.Key);
        var before = await host.WithDbAsync(db => db.AuditEvents.CountAsync(), organization.OrganizationId);

        await (await client.PostAsJsonAsync("/api/periods", new { name = "Q1 2027", kind = "Custom", start = "2027-01-01", end = "2027-03-31" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await client.PostAsJsonAsync("/api/service-accounts", new { name = "Escalation", scope = "ADMIN" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        (await host.WithDbAsync(db => db.Periods.CountAsync(), organization.OrganizationId)).Should().Be(0);
        (await host.WithDbAsync(db => db.AuditEvents.CountAsync(), organization.OrganizationId)).Should().Be(before);
    }

    [Fact]
    public async Task A_check_in_writer_records_check_ins_inside_its_subtree_only_and_the_history_names_it()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await PrivateDemo.GetAsync(host, "apikeys");
        using var admin = await demo.SignInAsync(host);
        var inside = await ActiveObjectiveAsync(admin, demo, "Product Management");
        var outside = await ActiveObjectiveAsync(admin, demo, "Marketing");
        var (account, key) = await NewKeyAsync(admin, "CHECK_IN_WRITER", demo.Units["Product Management"], name: "Analytics feed");
        using var client = WithKey(host, key.Key);

        var recorded = await client.PostAsJsonAsync($"/api/key-results/{inside.KeyResultId}/check-ins", new { value = 4, confidence = 7, narrative = "From analytics." });
        recorded.StatusCode.Should().Be(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        await (await client.PostAsJsonAsync($"/api/key-results/{outside.KeyResultId}/check-ins", new { value = 4, confidence = 7, narrative = "From analytics." }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        // Leading the subtree's check-ins gives it no other write, even inside it.
        await (await client.PostAsJsonAsync("/api/key-results", new { objectiveId = inside.ObjectiveId, title = "Another outcome rises", baseline = 0, target = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await demo.ReadAsync(host, db => db.CheckIns.CountAsync(c => c.KeyResultId == outside.KeyResultId))).Should().Be(0);

        var history = (await admin.GraphQLAsync("query($id: ID!) { objective(id: $id) { history { nodes { action actor { id displayName } } } } }",
            new { id = inside.ObjectiveId })).ShouldSucceed();
        var checkIn = history.GetProperty("objective").GetProperty("history").GetProperty("nodes").EnumerateArray()
            .First(n => n.GetProperty("action").GetString() == "RecordCheckIn");
        checkIn.GetProperty("actor").GetProperty("id").GetGuid().Should().Be(account.PersonId);
        checkIn.GetProperty("actor").GetProperty("displayName").GetString().Should().Be("Analytics feed");
    }

    [Fact]
    public async Task No_key_crosses_organisations()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var ours = await host.NewOrganizationAsync("Ours");
        using var theirs = await host.NewOrganizationAsync("Theirs");
        var (_, key) = await NewKeyAsync(ours.Admin, "ADMIN");
        var (theirAccount, _) = await NewKeyAsync(theirs.Admin, "READ_ONLY");
        var theirObjectiveUnit = theirs.CompanyUnitId;
        using var client = WithKey(host, key.Key);

        (await client.GetAsync($"/api/organizations/{ours.OrganizationId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"/api/organizations/{theirs.OrganizationId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/org-units/{theirObjectiveUnit}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync($"/api/service-accounts/{theirAccount.Id}/keys", new { name = "stolen" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await client.GetAsync("/api/service-accounts")).ReadAsync<List<ServiceAccountDto>>()).Should().NotContain(a => a.Id == theirAccount.Id);
    }

    [Fact]
    public async Task Each_key_is_rate_limited_on_its_own_and_does_not_open_the_account_endpoints()
    {
        await using var host = new OkrApiFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), settings: new Dictionary<string, string?>
        {
            ["SignIn:Throttle:ApiKeyPermits"] = "3",
            ["SignIn:Throttle:ApiKeyWindowSeconds"] = "3600",
        });
        using var organization = await host.NewOrganizationAsync();
        var (account, first) = await NewKeyAsync(organization.Admin, "READ_ONLY");
        var second = await (await organization.Admin.PostAsJsonAsync($"/api/service-accounts/{account.Id}/keys", new { name = "other" })).ReadAsync<ApiKeyCreated>();
        using var firstClient = WithKey(host, first.Key);
        using var secondClient = WithKey(host, second.Key);
        var url = $"/api/organizations/{organization.OrganizationId}";

        for (var i = 0; i < 3; i++)
            (await firstClient.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK);
        var limited = await firstClient.GetAsync(url);
        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.Should().NotBeNull();
        (await secondClient.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, "each key has its own budget");
        (await organization.Admin.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, "people's requests are not counted");

        (await secondClient.GetAsync("/api/auth/manage/info")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
