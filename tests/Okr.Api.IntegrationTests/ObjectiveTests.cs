using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.KeyResults.Dtos;
using Okr.Application.Objectives.Commands.AlignObjective;
using Okr.Application.Objectives.Dtos;
using Okr.Domain.Objectives;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>/api/objectives and /api/key-results as a tool drives them.</summary>
[Collection(ApiTests.Name)]
public sealed class ObjectiveTests(ApiFixture fixture)
{
    private static object Draft(Demo demo, string unit, string title = "Delight first-time CMO users") => new
    {
        periodId = demo.CurrentPeriodId,
        owningUnitId = demo.Units[unit],
        title,
        type = "Aspirational",
        successCriteria = "CMOs tell us the first week was effortless",
    };

    private static object KeyResult(Guid objectiveId, decimal baseline, decimal target, string title = "Week-one activation of new CMOs rises") => new
    {
        objectiveId,
        title,
        metricKind = "Percentage",
        direction = "Increase",
        baseline,
        target,
        baselineMethod = "Pendo, last 30 days",
    };

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_lead_drafts_an_objective_with_two_key_results_activates_aligns_and_checks_in(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");

        var created = await lead.PostAsJsonAsync("/api/objectives", Draft(demo, "Product Management"));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var objective = await created.ReadAsync<ObjectiveDto>();
        created.Headers.Location!.ToString().Should().Be($"/api/objectives/{objective.Id}");
        created.Headers.ETag!.Tag.Should().Be("\"1\"");
        objective.State.Should().Be(ObjectiveState.Draft);

        var first = await (await lead.PostAsJsonAsync("/api/key-results", KeyResult(objective.Id, 20, 60))).ReadAsync<KeyResultDto>();
        var wrongWay = await lead.PostAsJsonAsync("/api/key-results", KeyResult(objective.Id, 40, 20, "Support tickets from new CMOs fall"));
        await wrongWay.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "key_result.metric_direction_mismatch");

        var decreasing = await lead.PostAsJsonAsync("/api/key-results", new
        {
            objectiveId = objective.Id, title = "Support tickets from new CMOs fall", metricKind = "Number", direction = "Decrease",
            baseline = 40, target = 20, baselineMethod = "Zendesk tag cmo-onboarding",
        });
        decreasing.StatusCode.Should().Be(HttpStatusCode.Created);

        var activated = await lead.PostAsync($"/api/objectives/{objective.Id}/activate", null);
        (await activated.ReadAsync<ObjectiveDto>()).State.Should().Be(ObjectiveState.Active);

        var aligned = await lead.PostAsJsonAsync($"/api/objectives/{objective.Id}/alignments",
            new { parentObjectiveId = demo.CompanyObjectiveId, kind = "Contributes", weight = 1 });
        aligned.StatusCode.Should().Be(HttpStatusCode.Created);
        (await aligned.ReadAsync<AlignmentDto>()).ParentObjectiveId.Should().Be(demo.CompanyObjectiveId);

        var checkIn = await lead.PostAsJsonAsync($"/api/key-results/{first.Id}/check-ins",
            new { value = 45, confidence = 7, narrative = "The guided tour landed on Monday." });
        checkIn.StatusCode.Should().Be(HttpStatusCode.Created);
        var recorded = await checkIn.ReadAsync<CheckInDto>();
        checkIn.Headers.Location!.ToString().Should().Be($"/api/check-ins/{recorded.Id}");

        var reread = await (await lead.GetAsync($"/api/key-results/{first.Id}")).ReadAsync<KeyResultDto>();
        reread.CurrentValue.Should().Be(45);
        reread.Progress.Should().BeApproximately(0.625, 1e-9);
    }

    [Fact]
    public async Task Activating_without_a_measurable_key_result_is_a_422_with_a_stable_code()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");
        var objective = await (await lead.PostAsJsonAsync("/api/objectives", Draft(demo, "Product Management"))).ReadAsync<ObjectiveDto>();

        var activated = await lead.PostAsync($"/api/objectives/{objective.Id}/activate", null);

        await activated.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "objective.needs_measurable_key_result");
        (await (await lead.GetAsync($"/api/objectives/{objective.Id}")).ReadAsync<ObjectiveDto>()).State.Should().Be(ObjectiveState.Draft);
    }

    [Fact]
    public async Task Invalid_fields_are_a_validation_problem_naming_each_field()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");

        var response = await lead.PostAsJsonAsync("/api/objectives", new { periodId = demo.CurrentPeriodId, owningUnitId = Guid.Empty, title = "" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        problem.GetProperty("errors").TryGetProperty("title", out _).Should().BeTrue();
        problem.GetProperty("errors").TryGetProperty("owningUnitId", out _).Should().BeTrue();
    }

    [Fact]
    public async Task An_unknown_id_is_a_404()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var lead = await host.SignedInAsync("lead@acme.test");

        await (await lead.GetAsync($"/api/objectives/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await lead.PostAsJsonAsync($"/api/key-results/{Guid.NewGuid()}/check-ins", new { value = 1, confidence = 5 }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Another_organisations_objective_is_a_404_for_reads_and_writes()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var outsider = await host.NewUserAsync();
        (await outsider.PostAsJsonAsync("/api/organizations", new { name = "Globex" })).EnsureSuccessStatusCode();

        await (await outsider.GetAsync($"/api/objectives/{demo.CompanyObjectiveId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.PostAsync($"/api/objectives/{demo.CompanyObjectiveId}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.PostAsJsonAsync($"/api/key-results/{demo.CompanyKeyResultIds[0]}/check-ins", new { value = 99, confidence = 9, narrative = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_member_cannot_draft_for_a_unit_they_do_not_belong_to_nor_activate_the_company_objective()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var member = await host.SignedInAsync("member@acme.test");

        await (await member.PostAsJsonAsync("/api/objectives", Draft(demo, "Marketing"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await member.PostAsync($"/api/objectives/{demo.CompanyObjectiveId}/cancel", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await member.PostAsJsonAsync("/api/objectives", Draft(demo, "Product Engineering"))).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_lead_cannot_manage_objectives_outside_their_subtree()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");

        await (await lead.PostAsJsonAsync("/api/objectives", Draft(demo, "Global Sales"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await lead.PostAsJsonAsync("/api/objectives", Draft(demo, "Product Engineering"))).StatusCode.Should().Be(HttpStatusCode.Created,
            "Product Engineering is below Product Management");
    }

    [Fact]
    public async Task A_restricted_objective_is_invisible_outside_its_unit_and_leads_above()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var member = await host.SignedInAsync("member@acme.test");
        var restricted = await (await member.PostAsJsonAsync("/api/objectives", new
        {
            periodId = demo.CurrentPeriodId, owningUnitId = demo.Units["Product Engineering"], title = "Quietly rebuild the billing engine",
            visibility = "Restricted",
        })).ReadAsync<ObjectiveDto>();

        using var lead = await host.SignedInAsync("lead@acme.test");
        (await lead.GetAsync($"/api/objectives/{restricted.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, "the lead of the unit above sees it");
        using var admin = await host.SignedInAsync("admin@acme.test");
        (await admin.GetAsync($"/api/objectives/{restricted.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        using var sales = await host.SignedInAsync("sam@acme.test");
        await (await sales.GetAsync($"/api/objectives/{restricted.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_stale_If_Match_is_a_412_and_changes_nothing()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");
        var objective = await (await lead.PostAsJsonAsync("/api/objectives", Draft(demo, "Product Management"))).ReadAsync<ObjectiveDto>();

        var first = await Put(lead, objective, "First edit", "\"1\"");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Headers.ETag!.Tag.Should().Be("\"2\"");

        var stale = await Put(lead, objective, "Second edit from an old copy", "\"1\"");

        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        (await (await lead.GetAsync($"/api/objectives/{objective.Id}")).ReadAsync<ObjectiveDto>()).Title.Should().Be("First edit");
    }

    [Fact]
    public async Task A_check_in_against_the_direction_without_a_narrative_is_refused()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var admin = await host.SignedInAsync("admin@acme.test");
        var keyResult = await (await admin.GetAsync($"/api/key-results/{demo.CompanyKeyResultIds[0]}")).ReadAsync<KeyResultDto>();

        var response = await admin.PostAsJsonAsync($"/api/key-results/{keyResult.Id}/check-ins",
            new { value = keyResult.CurrentValue!.Value - 5, confidence = 6 });

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "check_in.narrative_required");
    }

    [Fact]
    public async Task A_cycle_is_refused()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var admin = await host.SignedInAsync("admin@acme.test");
        var child = await (await admin.PostAsJsonAsync("/api/objectives", Draft(demo, "Marketing", "Tell the CMO story"))).ReadAsync<ObjectiveDto>();
        (await admin.PostAsJsonAsync($"/api/objectives/{child.Id}/alignments", new { parentObjectiveId = demo.CompanyObjectiveId })).EnsureSuccessStatusCode();
        var grandchild = await (await admin.PostAsJsonAsync("/api/objectives", Draft(demo, "Customer Marketing", "Campaigns CMOs share"))).ReadAsync<ObjectiveDto>();
        (await admin.PostAsJsonAsync($"/api/objectives/{grandchild.Id}/alignments", new { parentObjectiveId = child.Id })).EnsureSuccessStatusCode();

        var cycle = await admin.PostAsJsonAsync($"/api/objectives/{child.Id}/alignments", new { parentObjectiveId = grandchild.Id });

        await cycle.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "alignment.cycle");
        // Two levels up (the rules read the graph above the parent, a level at a time, not the whole organisation's), and a
        // link made twice.
        var below = await (await admin.PostAsJsonAsync("/api/objectives", Draft(demo, "Customer Marketing", "One campaign a month"))).ReadAsync<ObjectiveDto>();
        (await admin.PostAsJsonAsync($"/api/objectives/{below.Id}/alignments", new { parentObjectiveId = grandchild.Id, kind = "Supports" })).EnsureSuccessStatusCode();
        await (await admin.PostAsJsonAsync($"/api/objectives/{child.Id}/alignments", new { parentObjectiveId = below.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "alignment.cycle");
        await (await admin.PostAsJsonAsync($"/api/objectives/{grandchild.Id}/alignments", new { parentObjectiveId = child.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "alignment.duplicate");
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, ObjectiveDto objective, string title, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/objectives/{objective.Id}")
        {
            Content = JsonContent.Create(new { title, owningUnitId = objective.OwningUnitId, type = "Aspirational" }),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return client.SendAsync(request);
    }
}
