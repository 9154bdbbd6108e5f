using System.Net;
using System.Net.Http.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.People.Dtos;
using Okr.Domain.Organizations;
using Okr.Domain.Units;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>/api/people: roles, deactivation and one's own profile.</summary>
[Collection(ApiTests.Name)]
public sealed class PersonTests(ApiFixture fixture)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_admin_promotes_deactivates_and_reactivates_a_person_who_edits_their_own_name(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        using var own = await host.NewOrganizationAsync();
        var (colleague, colleagueId) = await host.JoinAsync(own);
        using var _ = colleague;

        var read = await own.Admin.GetAsync($"/api/people/{colleagueId}");
        var person = await read.ReadAsync<PersonDto>();
        read.ETagVersion().Should().Be(person.Version);
        person.Should().BeEquivalentTo(new { Role = OrganizationRole.Member, IsActive = true, Memberships = Array.Empty<PersonMembershipDto>() });

        var promoted = await own.Admin.SendAsync(HttpMethod.Put, $"/api/people/{colleagueId}/role", new { role = "Admin" }, person.Version);
        (await promoted.ReadAsync<PersonDto>()).Role.Should().Be(OrganizationRole.Admin);

        var deactivated = await own.Admin.SendAsync(HttpMethod.Post, $"/api/people/{colleagueId}/deactivate", ifMatch: promoted.ETagVersion());
        (await deactivated.ReadAsync<PersonDto>()).IsActive.Should().BeFalse();
        await (await colleague.GetAsync($"/api/people/{colleagueId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        var reactivated = await own.Admin.PostAsync($"/api/people/{colleagueId}/reactivate", null);
        (await reactivated.ReadAsync<PersonDto>()).IsActive.Should().BeTrue();
        var renamed = await colleague.SendAsync(HttpMethod.Put, "/api/people/me", new { displayName = "Col League" }, reactivated.ETagVersion());
        (await renamed.ReadAsync<PersonDto>()).DisplayName.Should().Be("Col League");
        renamed.ETagVersion().Should().Be(reactivated.ETagVersion() + 1);
    }

    [Fact]
    public async Task A_person_shows_their_units_and_the_last_admin_cannot_step_down_nor_deactivate_themselves()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var admin = await host.SignedInAsync("admin@acme.test");
        var adminId = demo.People["admin@acme.test"];

        var lead = await (await admin.GetAsync($"/api/people/{demo.People["lead@acme.test"]}")).ReadAsync<PersonDto>();
        lead.Memberships.Should().ContainEquivalentOf(new PersonMembershipDto(demo.Units["Product Management"], "Product Management", UnitRole.Lead));

        await (await admin.PutAsJsonAsync($"/api/people/{adminId}/role", new { role = "Member" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "person.last_admin");
        await (await admin.PostAsync($"/api/people/{adminId}/deactivate", null))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "person.cannot_deactivate_self");
        (await (await admin.GetAsync($"/api/people/{adminId}")).ReadAsync<PersonDto>()).Should().BeEquivalentTo(new { Role = OrganizationRole.Admin, IsActive = true });
    }

    [Fact]
    public async Task Bad_input_is_a_validation_problem_naming_the_field()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();

        var role = await own.Admin.PutAsJsonAsync($"/api/people/{own.AdminPersonId}/role", new { role = "Overlord" });
        var name = await own.Admin.PutAsJsonAsync("/api/people/me", new { displayName = "  " });

        await role.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        (await name.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors").TryGetProperty("displayName", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Members_and_leads_cannot_change_roles_or_deactivate_anyone()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        var target = demo.People["sam@acme.test"];

        foreach (var email in new[] { "member@acme.test", "lead@acme.test" })
        {
            using var client = await host.SignedInAsync(email);
            (await client.GetAsync($"/api/people/{target}")).StatusCode.Should().Be(HttpStatusCode.OK);
            await (await client.PutAsJsonAsync($"/api/people/{target}/role", new { role = "Admin" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await client.PostAsync($"/api/people/{target}/deactivate", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await client.PostAsync($"/api/people/{target}/reactivate", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
    }

    [Fact]
    public async Task Another_organisations_person_and_an_unknown_id_are_not_found()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var own = await host.NewOrganizationAsync();
        var acme = demo.People["member@acme.test"];

        await (await own.Admin.GetAsync($"/api/people/{acme}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.PutAsJsonAsync($"/api/people/{acme}/role", new { role = "Admin" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.PostAsync($"/api/people/{acme}/deactivate", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.GetAsync($"/api/people/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_stale_If_Match_is_a_412_and_changes_nothing()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();
        var (colleague, colleagueId) = await host.JoinAsync(own);
        using var _ = colleague;
        (await colleague.SendAsync(HttpMethod.Put, "/api/people/me", new { displayName = "First" }, 1)).EnsureSuccessStatusCode();

        await (await colleague.SendAsync(HttpMethod.Put, "/api/people/me", new { displayName = "Second" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        await (await own.Admin.SendAsync(HttpMethod.Put, $"/api/people/{colleagueId}/role", new { role = "Admin" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        (await (await own.Admin.GetAsync($"/api/people/{colleagueId}")).ReadAsync<PersonDto>())
            .Should().BeEquivalentTo(new { DisplayName = "First", Role = OrganizationRole.Member });
    }
}
