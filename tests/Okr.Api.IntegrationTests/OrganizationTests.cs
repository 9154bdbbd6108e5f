using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Domain.Organizations;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

[Collection(ApiTests.Name)]
public sealed class OrganizationTests(ApiFixture fixture)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_new_user_creates_an_organisation_and_is_its_admin(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        using var client = await host.NewUserAsync();

        var response = await client.PostAsJsonAsync("/api/organizations", new { name = "Globex", displayName = "Hank" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var organizationId = created.GetProperty("organizationId").GetGuid();
        response.Headers.Location!.ToString().Should().Be($"/api/organizations/{organizationId}");
        var person = await host.WithDbAsync(db => db.People.SingleAsync(), organizationId);
        person.Role.Should().Be(OrganizationRole.Admin);
        person.DisplayName.Should().Be("Hank");
    }

    [Fact]
    public async Task A_second_organisation_for_the_same_user_is_a_409_with_a_code()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var client = await host.NewUserAsync();
        (await client.PostAsJsonAsync("/api/organizations", new { name = "Globex" })).EnsureSuccessStatusCode();

        var again = await client.PostAsJsonAsync("/api/organizations", new { name = "Globex Two" });

        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "organization.already_member");
    }

    [Fact]
    public async Task A_demo_member_already_belongs_to_Acme_and_cannot_create_another()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var client = await host.SignedInAsync("member@acme.test");

        var response = await client.PostAsJsonAsync("/api/organizations", new { name = "Side project" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "organization.already_member");
    }

    [Fact]
    public async Task A_nameless_organisation_is_a_validation_problem_naming_the_field()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var client = await host.NewUserAsync();

        var response = await client.PostAsJsonAsync("/api/organizations", new { name = "" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        problem.GetProperty("errors").GetProperty("name")[0].GetString().Should().Be("Give the organisation a name.");
    }
}
