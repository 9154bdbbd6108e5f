using System.Net;
using System.Net.Http.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.Organizations.Dtos;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>GET /api/organizations/{id}, renaming and settings. Changes happen in organisations of the tests' own.</summary>
[Collection(ApiTests.Name)]
public sealed class OrganizationAdministrationTests(ApiFixture fixture)
{
    private static object Settings(double committed = 0.8, double atRisk = 0.6, int cadence = 14) => new
    {
        fiscalYearStartMonth = 4,
        checkInCadenceDays = cadence,
        stalenessGraceDays = 5,
        aspirationalSuccessThreshold = 0.6,
        committedSuccessThreshold = committed,
        financialSuccessThreshold = 1.0,
        onTrackRatio = 0.85,
        atRiskRatio = atRisk,
        lowConfidence = 2,
    };

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_admin_reads_renames_and_sets_up_their_organisation(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        using var own = await host.NewOrganizationAsync();

        var read = await own.Admin.GetAsync($"/api/organizations/{own.OrganizationId}");
        var organization = await read.ReadAsync<OrganizationDto>();
        read.ETagVersion().Should().Be(organization.Version);
        organization.Settings.CheckInCadenceDays.Should().Be(7);

        var renamed = await own.Admin.SendAsync(HttpMethod.Put, $"/api/organizations/{own.OrganizationId}", new { name = "Globex Corporation" }, organization.Version);
        (await renamed.ReadAsync<OrganizationDto>()).Name.Should().Be("Globex Corporation");
        renamed.ETagVersion().Should().Be(organization.Version + 1);

        var configured = await own.Admin.SendAsync(HttpMethod.Put, $"/api/organizations/{own.OrganizationId}/settings", Settings(), renamed.ETagVersion());
        var settings = (await configured.ReadAsync<OrganizationDto>()).Settings;
        settings.Should().Be(new OrganizationSettingsDto(4, 14, 5, 0.6, 0.8, 1.0, 0.85, 0.6, 2));
        configured.ETagVersion().Should().Be(organization.Version + 2);
        (await (await own.Admin.GetAsync($"/api/organizations/{own.OrganizationId}")).ReadAsync<OrganizationDto>()).Settings.Should().Be(settings);
    }

    [Fact]
    public async Task Bad_settings_are_a_validation_problem_naming_each_field()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();

        var response = await own.Admin.PutAsJsonAsync($"/api/organizations/{own.OrganizationId}/settings", Settings(committed: 1.5, atRisk: 0.9, cadence: 0));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("committedSuccessThreshold", out _).Should().BeTrue();
        errors.TryGetProperty("checkInCadenceDays", out _).Should().BeTrue();
        errors.GetProperty("atRiskRatio")[0].GetString().Should().Be("The at-risk ratio cannot be above the on-track ratio.");
        await (await own.Admin.PutAsJsonAsync($"/api/organizations/{own.OrganizationId}", new { name = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        await (await own.Admin.PutAsJsonAsync($"/api/organizations/{own.OrganizationId}/settings", new { fiscalYearStartMonth = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
    }

    [Fact]
    public async Task Members_and_leads_cannot_change_the_organisation()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);

        foreach (var email in new[] { "member@acme.test", "lead@acme.test" })
        {
            using var client = await host.SignedInAsync(email);
            (await client.GetAsync($"/api/organizations/{demo.OrganizationId}")).StatusCode.Should().Be(HttpStatusCode.OK, "every member reads it");
            await (await client.PutAsJsonAsync($"/api/organizations/{demo.OrganizationId}", new { name = "Hijacked" }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await client.PutAsJsonAsync($"/api/organizations/{demo.OrganizationId}/settings", Settings()))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
    }

    [Fact]
    public async Task Another_organisation_and_an_unknown_id_are_not_found()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var own = await host.NewOrganizationAsync();

        await (await own.Admin.GetAsync($"/api/organizations/{demo.OrganizationId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.PutAsJsonAsync($"/api/organizations/{demo.OrganizationId}", new { name = "Mine now" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.PutAsJsonAsync($"/api/organizations/{demo.OrganizationId}/settings", Settings()))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.GetAsync($"/api/organizations/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_stale_If_Match_is_a_412_and_changes_nothing()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();
        (await own.Admin.SendAsync(HttpMethod.Put, $"/api/organizations/{own.OrganizationId}", new { name = "Globex 2" }, 1)).EnsureSuccessStatusCode();

        var stale = await own.Admin.SendAsync(HttpMethod.Put, $"/api/organizations/{own.OrganizationId}/settings", Settings(), 1);

        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        (await (await own.Admin.GetAsync($"/api/organizations/{own.OrganizationId}")).ReadAsync<OrganizationDto>())
            .Should().BeEquivalentTo(new { Name = "Globex 2", Version = 2L, Settings = new { CheckInCadenceDays = 7 } });
    }
}
