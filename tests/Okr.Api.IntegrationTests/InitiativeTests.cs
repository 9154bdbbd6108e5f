using System.Net;
using System.Net.Http.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.Initiatives.Dtos;
using Okr.Domain.Work;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>/api/initiatives as a tool drives them.</summary>
[Collection(ApiTests.Name)]
public sealed class InitiativeTests(ApiFixture fixture)
{
    private static object Plan(Demo demo, string unit, params Guid[] keyResultIds) => Plan(demo, unit, "nina@acme.test", keyResultIds);

    private static object Plan(Demo demo, string unit, string owner, params Guid[] keyResultIds) => new
    {
        title = "Guided onboarding tour for CMOs",
        description = "Five steps on first sign-in.",
        ownerId = demo.People[owner],
        unitId = demo.Units[unit],
        startDate = "2026-11-01",
        dueDate = "2026-12-15",
        external = new { system = "Jira", key = "PM-321", url = "https://acme.atlassian.net/browse/PM-321" },
        keyResultIds,
    };

    private static object Fields(InitiativeDto i, string title) => new
    {
        title, i.Description, i.OwnerId, i.UnitId, i.StartDate, i.DueDate, i.External,
    };

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_lead_plans_an_initiative_links_it_moves_its_status_and_unlinks_it(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");
        var (_, first) = await lead.OwnKeyResultAsync(demo, "Product Management");
        var (_, second) = await lead.OwnKeyResultAsync(demo, "Product Management");

        var created = await lead.PostAsJsonAsync("/api/initiatives", Plan(demo, "Product Management", first.Id));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var initiative = await created.ReadAsync<InitiativeDto>();
        created.Headers.Location!.ToString().Should().Be($"/api/initiatives/{initiative.Id}");
        created.Headers.ETag!.Tag.Should().Be("\"1\"");
        initiative.Status.Should().Be(InitiativeStatus.Planned);
        initiative.KeyResultIds.Should().Equal(first.Id);
        initiative.External.Should().Be(new ExternalReferenceDto("Jira", "PM-321", "https://acme.atlassian.net/browse/PM-321"));

        var read = await lead.GetAsync($"/api/initiatives/{initiative.Id}");
        read.Headers.ETag!.Tag.Should().Be("\"1\"");

        var linked = await lead.SendJsonAsync(HttpMethod.Post, $"/api/initiatives/{initiative.Id}/key-results", new { keyResultId = second.Id }, "\"1\"");
        linked.StatusCode.Should().Be(HttpStatusCode.OK);
        linked.Headers.ETag!.Tag.Should().Be("\"2\"");
        (await linked.ReadAsync<InitiativeDto>()).KeyResultIds.Should().BeEquivalentTo([first.Id, second.Id]);

        var started = await lead.SendJsonAsync(HttpMethod.Put, $"/api/initiatives/{initiative.Id}/status", new { status = "InProgress" }, "\"2\"");
        (await started.ReadAsync<InitiativeDto>()).Status.Should().Be(InitiativeStatus.InProgress);
        started.Headers.ETag!.Tag.Should().Be("\"3\"");

        var unlinked = await lead.SendJsonAsync(HttpMethod.Delete, $"/api/initiatives/{initiative.Id}/key-results/{first.Id}", null, "\"3\"");
        (await unlinked.ReadAsync<InitiativeDto>()).KeyResultIds.Should().Equal(second.Id);
        unlinked.Headers.ETag!.Tag.Should().Be("\"4\"");

        var edited = await lead.SendJsonAsync(HttpMethod.Put, $"/api/initiatives/{initiative.Id}",
            Fields(initiative, "Guided tour, CMO edition"), "\"4\"");
        var after = await edited.ReadAsync<InitiativeDto>();
        after.Title.Should().Be("Guided tour, CMO edition");
        after.Status.Should().Be(InitiativeStatus.InProgress);
        edited.Headers.ETag!.Tag.Should().Be("\"5\"");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Invalid_fields_are_a_validation_problem_naming_each_field(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");

        var response = await lead.PostAsJsonAsync("/api/initiatives", new
        {
            title = new string('x', 301),
            unitId = demo.Units["Product Management"],
            startDate = "2026-12-01",
            dueDate = "2026-11-01",
            external = new { system = "", key = "PM-1", url = "javascript:alert(1)" },
            keyResultIds = Enumerable.Range(0, 51).Select(_ => Guid.NewGuid()),
        });
        await response.ShouldNameFieldsAsync("title", "dueDate", "external.system", "external.url", "keyResultIds");

        var badStatus = await lead.PostAsJsonAsync("/api/initiatives", new { title = "x", unitId = demo.Units["Product Management"] });
        (await lead.PutAsJsonAsync($"/api/initiatives/{(await badStatus.ReadAsync<InitiativeDto>()).Id}/status", new { status = "Someday" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var unknownUnit = await lead.PostAsJsonAsync("/api/initiatives", new { title = "x", unitId = Guid.NewGuid() });
        await unknownUnit.ShouldNameFieldsAsync("unitId");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_key_result_the_caller_cannot_see_is_a_validation_problem_and_nothing_is_written(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var member = await host.SignedInAsync("member@acme.test");
        var (_, hidden) = await member.OwnKeyResultAsync(demo, "Product Engineering", visibility: "Restricted");
        var (_, visible) = await member.OwnKeyResultAsync(demo, "Product Engineering");
        using var sam = await host.SignedInAsync("sam@acme.test");
        var before = await host.WithDbAsync(db => Task.FromResult(db.Initiatives.Count()), demo.OrganizationId);

        var response = await sam.PostAsJsonAsync("/api/initiatives", Plan(demo, "Global Sales", visible.Id, hidden.Id));

        await response.ShouldNameFieldsAsync("keyResultIds");
        (await host.WithDbAsync(db => Task.FromResult(db.Initiatives.Count()), demo.OrganizationId)).Should().Be(before);
        var mine = await (await sam.PostAsJsonAsync("/api/initiatives", Plan(demo, "Global Sales", visible.Id))).ReadAsync<InitiativeDto>();
        await (await sam.PostAsJsonAsync($"/api/initiatives/{mine.Id}/key-results", new { keyResultId = hidden.Id })).ShouldNameFieldsAsync("keyResultId");
        await (await sam.DeleteAsync($"/api/initiatives/{mine.Id}/key-results/{hidden.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await sam.PostAsJsonAsync($"/api/initiatives/{mine.Id}/key-results", new { keyResultId = visible.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "initiative.already_linked");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_unknown_initiative_is_a_404(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        using var lead = await host.SignedInAsync("lead@acme.test");
        var id = Guid.NewGuid();

        await (await lead.GetAsync($"/api/initiatives/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await lead.PutAsJsonAsync($"/api/initiatives/{id}", new { title = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await lead.PutAsJsonAsync($"/api/initiatives/{id}/status", new { status = "Done" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await lead.PostAsJsonAsync($"/api/initiatives/{id}/key-results", new { keyResultId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await lead.DeleteAsync($"/api/initiatives/{id}/key-results/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Those_who_cannot_plan_in_the_unit_and_do_not_own_the_work_are_refused(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");
        using var member = await host.SignedInAsync("member@acme.test");
        using var jorge = await host.SignedInAsync("jorge@acme.test");
        using var sam = await host.SignedInAsync("sam@acme.test");

        await (await member.PostAsJsonAsync("/api/initiatives", Plan(demo, "Global Sales"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await lead.PostAsJsonAsync("/api/initiatives", Plan(demo, "Global Sales"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var initiative = await (await lead.PostAsJsonAsync("/api/initiatives", Plan(demo, "Product Management", "sam@acme.test"))).ReadAsync<InitiativeDto>();

        foreach (var outsider in new[] { member, jorge })
        {
            await (await outsider.PutAsJsonAsync($"/api/initiatives/{initiative.Id}", Fields(initiative, "Hijacked")))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await outsider.PutAsJsonAsync($"/api/initiatives/{initiative.Id}/status", new { status = "Cancelled" }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await outsider.PostAsJsonAsync($"/api/initiatives/{initiative.Id}/key-results", new { keyResultId = demo.CompanyKeyResultIds[0] }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
        (await sam.PutAsJsonAsync($"/api/initiatives/{initiative.Id}/status", new { status = "Blocked" })).StatusCode
            .Should().Be(HttpStatusCode.OK, "Sam owns it, though it is Product Management's");
        await (await sam.PutAsJsonAsync($"/api/initiatives/{initiative.Id}", new { title = initiative.Title, ownerId = initiative.OwnerId, unitId = demo.Units["Marketing"] }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Another_organisations_initiative_is_a_404_and_its_ids_are_no_references(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");
        var initiative = await (await lead.PostAsJsonAsync("/api/initiatives", Plan(demo, "Product Management"))).ReadAsync<InitiativeDto>();
        using var outsider = await host.OutsiderAsync();

        await (await outsider.GetAsync($"/api/initiatives/{initiative.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.PutAsJsonAsync($"/api/initiatives/{initiative.Id}", new { title = "Mine now" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.PutAsJsonAsync($"/api/initiatives/{initiative.Id}/status", new { status = "Cancelled" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.PostAsJsonAsync("/api/initiatives", new { title = "Borrowed", keyResultIds = demo.CompanyKeyResultIds }))
            .ShouldNameFieldsAsync("keyResultIds");
        await (await outsider.PostAsJsonAsync("/api/initiatives", new { title = "Borrowed", unitId = demo.Units["Marketing"] })).ShouldNameFieldsAsync("unitId");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_stale_If_Match_is_a_412_and_changes_nothing(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");
        var (_, keyResult) = await lead.OwnKeyResultAsync(demo, "Product Management");
        var initiative = await (await lead.PostAsJsonAsync("/api/initiatives", Plan(demo, "Product Management"))).ReadAsync<InitiativeDto>();
        (await lead.SendJsonAsync(HttpMethod.Put, $"/api/initiatives/{initiative.Id}", Fields(initiative, "First edit"), "\"1\"")).EnsureSuccessStatusCode();

        await (await lead.SendJsonAsync(HttpMethod.Put, $"/api/initiatives/{initiative.Id}", Fields(initiative, "From an old copy"), "\"1\""))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        await (await lead.SendJsonAsync(HttpMethod.Put, $"/api/initiatives/{initiative.Id}/status", new { status = "Done" }, "\"1\""))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        await (await lead.SendJsonAsync(HttpMethod.Post, $"/api/initiatives/{initiative.Id}/key-results", new { keyResultId = keyResult.Id }, "\"1\""))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");

        var current = await (await lead.GetAsync($"/api/initiatives/{initiative.Id}")).ReadAsync<InitiativeDto>();
        current.Title.Should().Be("First edit");
        current.Status.Should().Be(InitiativeStatus.Planned);
        current.KeyResultIds.Should().BeEmpty();
        current.Version.Should().Be(2);
    }
}
