using System.Net;
using System.Net.Http.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.OrgUnits.Dtos;
using Okr.Domain.Units;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>
/// /api/org-units in the demo organisation, as Lee (lead of Product Management) and others would. Units the tests create
/// get unique names and are deleted again; refused requests change nothing.
/// </summary>
[Collection(ApiTests.Name)]
public sealed class OrgUnitTests(ApiFixture fixture)
{
    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_lead_builds_a_team_in_their_subtree_staffs_it_moves_it_and_deletes_it(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");
        var nina = demo.People["nina@acme.test"];

        var created = await lead.PostAsJsonAsync("/api/org-units", new { parentId = demo.Units["Product Management"], name = Unique("Growth"), kind = "Team" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var unit = await created.ReadAsync<OrgUnitDto>();
        created.Headers.Location!.ToString().Should().Be($"/api/org-units/{unit.Id}");
        created.ETagVersion().Should().Be(1);

        var renamed = await lead.SendAsync(HttpMethod.Put, $"/api/org-units/{unit.Id}", new { name = unit.Name + " squad", kind = "CrossFunctionalTeam" }, 1);
        (await renamed.ReadAsync<OrgUnitDto>()).Should().BeEquivalentTo(new { Name = unit.Name + " squad", Kind = UnitKind.CrossFunctionalTeam });

        var added = await lead.SendAsync(HttpMethod.Post, $"/api/org-units/{unit.Id}/members", new { personId = nina, role = "Member" }, renamed.ETagVersion());
        added.StatusCode.Should().Be(HttpStatusCode.Created);
        added.Headers.Location!.ToString().Should().Be($"/api/org-units/{unit.Id}/members/{nina}");
        (await added.ReadAsync<OrgUnitDto>()).Members.Should().ContainSingle().Which.Should()
            .Be(new UnitMemberDto(nina, "Nina Kowalski", UnitRole.Member, true));
        var promoted = await lead.SendAsync(HttpMethod.Put, $"/api/org-units/{unit.Id}/members/{nina}", new { role = "Lead" }, added.ETagVersion());
        (await promoted.ReadAsync<OrgUnitDto>()).Members.Single().Role.Should().Be(UnitRole.Lead);

        var moved = await lead.SendAsync(HttpMethod.Post, $"/api/org-units/{unit.Id}/move", new { parentId = demo.Units["Product Engineering"] }, promoted.ETagVersion());
        (await moved.ReadAsync<OrgUnitDto>()).ParentId.Should().Be(demo.Units["Product Engineering"]);

        var read = await lead.GetAsync($"/api/org-units/{unit.Id}");
        read.ETagVersion().Should().Be(moved.ETagVersion());
        await (await lead.DeleteAsync($"/api/org-units/{unit.Id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "unit.not_empty");
        var removed = await lead.DeleteAsync($"/api/org-units/{unit.Id}/members/{nina}");
        (await removed.ReadAsync<OrgUnitDto>()).Members.Should().BeEmpty();
        (await lead.SendAsync(HttpMethod.Delete, $"/api/org-units/{unit.Id}", ifMatch: removed.ETagVersion())).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await lead.GetAsync($"/api/org-units/{unit.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_unit_with_objectives_and_members_is_not_deleted_and_the_problem_says_what_is_left()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var admin = await host.SignedInAsync("admin@acme.test");

        var response = await admin.DeleteAsync($"/api/org-units/{demo.Units["Customer Marketing"]}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "unit.not_empty");
        problem.GetProperty("title").GetString().Should().StartWith("'Customer Marketing' is not empty: it still has").And.Contain("objective").And.Contain("member");
        await (await admin.DeleteAsync($"/api/org-units/{demo.Units["Acme"]}")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unit.company_cannot_delete");
    }

    [Fact]
    public async Task Moving_a_unit_under_its_own_descendant_is_a_422()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var admin = await host.SignedInAsync("admin@acme.test");

        var response = await admin.PostAsJsonAsync($"/api/org-units/{demo.Units["Product Management"]}/move", new { parentId = demo.Units["Product Engineering"] });

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unit.cycle");
        (await (await admin.GetAsync($"/api/org-units/{demo.Units["Product Management"]}")).ReadAsync<OrgUnitDto>()).ParentId.Should().Be(demo.Units["Acme"]);
    }

    [Fact]
    public async Task Bad_input_is_a_validation_problem_naming_the_field()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");
        var unit = demo.Units["Product Management"];

        var create = await lead.PostAsJsonAsync("/api/org-units", new { parentId = unit, name = "", kind = "Company" });
        var errors = (await create.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors");
        errors.TryGetProperty("name", out _).Should().BeTrue();
        errors.TryGetProperty("kind", out _).Should().BeTrue();
        (await (await lead.PostAsJsonAsync("/api/org-units", new { parentId = Guid.NewGuid(), name = "Orphans", kind = "Team" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors").TryGetProperty("parentId", out _).Should().BeTrue();
        (await (await lead.PostAsJsonAsync($"/api/org-units/{unit}/members", new { personId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors").TryGetProperty("personId", out _).Should().BeTrue();
        await (await lead.PostAsJsonAsync($"/api/org-units/{unit}/members", new { personId = demo.People["nina@acme.test"] }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unit.already_member");
    }

    [Fact]
    public async Task A_member_cannot_manage_units_and_a_lead_cannot_outside_their_subtree_nor_move_or_delete_their_own_unit()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        var productManagement = demo.Units["Product Management"];
        var productEngineering = demo.Units["Product Engineering"];
        var globalSales = demo.Units["Global Sales"];
        var morgan = demo.People["member@acme.test"];

        using var member = await host.SignedInAsync("member@acme.test");
        (await member.GetAsync($"/api/org-units/{productEngineering}")).StatusCode.Should().Be(HttpStatusCode.OK, "every member reads units");
        await (await member.PostAsJsonAsync("/api/org-units", new { parentId = productEngineering, name = "Side project", kind = "Team" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await member.PutAsJsonAsync($"/api/org-units/{productEngineering}", new { name = "Morgan's team", kind = "Team" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await member.PutAsJsonAsync($"/api/org-units/{productEngineering}/members/{morgan}", new { role = "Lead" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        using var lead = await host.SignedInAsync("lead@acme.test");
        await (await lead.PostAsJsonAsync("/api/org-units", new { parentId = globalSales, name = "Shadow sales", kind = "Team" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await lead.PutAsJsonAsync($"/api/org-units/{globalSales}", new { name = "Product Sales", kind = "Department" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await lead.PostAsJsonAsync($"/api/org-units/{globalSales}/members", new { personId = morgan }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await lead.DeleteAsync($"/api/org-units/{globalSales}/members/{demo.People["jorge@acme.test"]}"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await lead.PostAsJsonAsync($"/api/org-units/{productEngineering}/move", new { parentId = globalSales }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await lead.PostAsJsonAsync($"/api/org-units/{productManagement}/move", new { parentId = globalSales }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await lead.DeleteAsync($"/api/org-units/{productManagement}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await (await lead.GetAsync($"/api/org-units/{globalSales}")).ReadAsync<OrgUnitDto>()).Name.Should().Be("Global Sales");
    }

    [Fact]
    public async Task Another_organisations_unit_an_unknown_unit_and_a_non_member_are_not_found()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var own = await host.NewOrganizationAsync();
        var marketing = demo.Units["Marketing"];

        await (await own.Admin.GetAsync($"/api/org-units/{marketing}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.PutAsJsonAsync($"/api/org-units/{marketing}", new { name = "Ours", kind = "Department" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.DeleteAsync($"/api/org-units/{marketing}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.PostAsJsonAsync($"/api/org-units/{marketing}/move", new { parentId = own.CompanyUnitId }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        (await (await own.Admin.PostAsJsonAsync("/api/org-units", new { parentId = marketing, name = "Annex", kind = "Team" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors").TryGetProperty("parentId", out _).Should().BeTrue();
        await (await own.Admin.PostAsJsonAsync($"/api/org-units/{own.CompanyUnitId}/members", new { personId = demo.People["dana@acme.test"] }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        await (await own.Admin.GetAsync($"/api/org-units/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.DeleteAsync($"/api/org-units/{own.CompanyUnitId}/members/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_stale_If_Match_is_a_412_and_changes_nothing()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");
        var unit = await (await lead.PostAsJsonAsync("/api/org-units", new { parentId = demo.Units["Product Management"], name = Unique("Pricing"), kind = "Team" }))
            .ReadAsync<OrgUnitDto>();
        (await lead.SendAsync(HttpMethod.Put, $"/api/org-units/{unit.Id}", new { name = unit.Name + " v2", kind = "Team" }, 1)).EnsureSuccessStatusCode();

        await (await lead.SendAsync(HttpMethod.Put, $"/api/org-units/{unit.Id}", new { name = "Stale", kind = "Team" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        await (await lead.SendAsync(HttpMethod.Post, $"/api/org-units/{unit.Id}/members", new { personId = demo.People["nina@acme.test"] }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        await (await lead.SendAsync(HttpMethod.Delete, $"/api/org-units/{unit.Id}", ifMatch: 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");

        var current = await (await lead.GetAsync($"/api/org-units/{unit.Id}")).ReadAsync<OrgUnitDto>();
        current.Should().BeEquivalentTo(new { Name = unit.Name + " v2", Version = 2L, Members = Array.Empty<UnitMemberDto>() });
        (await lead.SendAsync(HttpMethod.Delete, $"/api/org-units/{unit.Id}", ifMatch: 2)).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }
}
