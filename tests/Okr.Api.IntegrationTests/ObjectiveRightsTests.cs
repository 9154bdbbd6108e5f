using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.KeyResults.Dtos;
using Okr.Application.Objectives.Commands.AlignObjective;
using Okr.Application.Objectives.Dtos;
using Okr.Infrastructure.Persistence.Providers;

namespace Okr.Api.IntegrationTests;

/// <summary>Who may decide, weigh, give away and change what: the rules behind ownership, alignment and versions.</summary>
[Collection(ApiTests.Name)]
public sealed class ObjectiveRightsTests(ApiFixture fixture)
{
    private const string GlobalSalesObjective = "Engage the right customers and make it simple for them to buy from us";

    private static async Task<ObjectiveDto> DraftWithKeyResultAsync(HttpClient client, Demo demo, string unit, object? owner = null)
    {
        var objective = await (await client.PostAsJsonAsync("/api/objectives", new
        {
            periodId = demo.CurrentPeriodId, owningUnitId = demo.Units[unit], title = $"Make releases calm {Guid.NewGuid():N}", ownerId = owner,
        })).ReadAsync<ObjectiveDto>();
        (await client.PostAsJsonAsync("/api/key-results", new { objectiveId = objective.Id, title = "Calm releases rise", baseline = 1, target = 5 }))
            .EnsureSuccessStatusCode();
        return objective;
    }

    [Fact]
    public async Task A_member_who_makes_themselves_owner_of_a_draft_still_cannot_activate_it()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var member = await host.SignedInAsync("member@acme.test");
        var draft = await DraftWithKeyResultAsync(member, demo, "Product Engineering", owner: demo.People["member@acme.test"]);

        await (await member.PostAsync($"/api/objectives/{draft.Id}/activate", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        using var lead = await host.SignedInAsync("lead@acme.test");
        (await lead.PostAsync($"/api/objectives/{draft.Id}/activate", null)).StatusCode.Should().Be(HttpStatusCode.OK, "the lead above the unit decides");
    }

    [Fact]
    public async Task Only_the_parents_editors_weigh_a_contribution_and_the_parents_lead_may_remove_it()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        var parentId = await host.WithDbAsync(db => db.Objectives.Where(o => o.Title == GlobalSalesObjective && o.PeriodId == demo.CurrentPeriodId)
            .Select(o => o.Id).SingleAsync(), demo.OrganizationId);
        using var member = await host.SignedInAsync("member@acme.test");
        var child = await DraftWithKeyResultAsync(member, demo, "Product Engineering");

        var heavy = await member.PostAsJsonAsync($"/api/objectives/{child.Id}/alignments", new { parentObjectiveId = parentId, kind = "Contributes", weight = 1000 });
        await heavy.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");

        var plain = await (await member.PostAsJsonAsync($"/api/objectives/{child.Id}/alignments",
            new { parentObjectiveId = parentId, kind = "Contributes", weight = 1 })).ReadAsync<AlignmentDto>();

        using var parentLead = await host.SignedInAsync("sam@acme.test");
        (await parentLead.DeleteAsync($"/api/objectives/{child.Id}/alignments/{plain.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_key_result_cannot_be_given_to_a_unit_the_caller_does_not_belong_to()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var member = await host.SignedInAsync("member@acme.test");
        var draft = await DraftWithKeyResultAsync(member, demo, "Product Engineering");

        var toMarketing = await member.PostAsJsonAsync("/api/key-results", new
        {
            objectiveId = draft.Id, title = "Marketing's campaigns convert", owningUnitId = demo.Units["Marketing"], baseline = 1, target = 2,
        });

        await toMarketing.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Rearranging_key_results_moves_the_objectives_version_so_a_second_stale_writer_gets_412()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");
        var draft = await DraftWithKeyResultAsync(lead, demo, "Product Management");
        (await lead.PostAsJsonAsync("/api/key-results", new { objectiveId = draft.Id, title = "Second outcome rises", baseline = 0, target = 3 }))
            .EnsureSuccessStatusCode();
        var read = await lead.GetAsync($"/api/objectives/{draft.Id}");
        var etag = read.Headers.ETag!.Tag;
        var keyResults = (await read.ReadAsync<ObjectiveDto>()).KeyResults;
        object Order(IEnumerable<KeyResultDto> order) => new { keyResults = order.Select(k => new { keyResultId = k.Id, weight = 1 }) };

        var first = await Put(lead, $"/api/objectives/{draft.Id}/key-result-order", Order(keyResults.Reverse()), etag);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Headers.ETag!.Tag.Should().NotBe(etag);

        var second = await Put(lead, $"/api/objectives/{draft.Id}/key-result-order", Order(keyResults), etag);
        await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
    }

    [Fact]
    public async Task An_objective_naming_a_focus_area_archived_since_can_still_be_edited()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var admin = await host.NewUserAsync();
        var organization = await (await admin.PostAsJsonAsync("/api/organizations", new { name = "Initech" })).ReadAsync<Okr.Application.Organizations.Commands.CreateOrganization.OrganizationCreated>();
        var period = await (await admin.PostAsJsonAsync("/api/periods", new { name = "Q1 2027", kind = "Custom", start = "2027-01-01", end = "2027-03-31" }))
            .ReadAsync<System.Text.Json.JsonElement>();
        var focus = await (await admin.PostAsJsonAsync("/api/focus-areas", new { periodId = period.GetProperty("id").GetGuid(), title = "Win the enterprise" }))
            .ReadAsync<System.Text.Json.JsonElement>();
        var objective = await (await admin.PostAsJsonAsync("/api/objectives", new
        {
            periodId = period.GetProperty("id").GetGuid(), owningUnitId = organization.CompanyUnitId, title = "Delight enterprise buyers",
            focusAreaId = focus.GetProperty("id").GetGuid(),
        })).ReadAsync<ObjectiveDto>();
        (await admin.PostAsync($"/api/focus-areas/{focus.GetProperty("id").GetGuid()}/archive", null)).EnsureSuccessStatusCode();

        var edit = await admin.PutAsJsonAsync($"/api/objectives/{objective.Id}", new
        {
            owningUnitId = organization.CompanyUnitId, title = "Delight enterprise buyers, every week", focusAreaId = objective.FocusAreaId,
        });

        (await edit.ReadAsync<ObjectiveDto>()).Title.Should().Be("Delight enterprise buyers, every week");
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, string url, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return client.SendAsync(request);
    }
}
