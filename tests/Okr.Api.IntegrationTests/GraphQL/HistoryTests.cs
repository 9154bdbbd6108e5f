using System.Net.Http.Json;
using System.Text.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.KeyResults.Dtos;
using Okr.Application.Objectives.Dtos;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>An objective's history: the audit trail of the objective and of what hangs off it, newest first, as the objective is visible.</summary>
[Collection(GraphQLAndFuzzApiTests.Name)]
public sealed class HistoryTests(ApiFixture fixture)
{
    private const string History = """
        query History($id: ID!, $first: Int, $after: String) {
          objective(id: $id) {
            history(first: $first, after: $after) {
              nodes { id at kind action entityType entityId summary actor { displayName } changes { field before after } }
              pageInfo { hasNextPage hasPreviousPage endCursor }
            }
          }
        }
        """;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Editing_an_objective_and_checking_in_on_its_key_result_show_in_its_history_newest_first(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var admin = await host.SignedInAsync("admin@acme.test");
        var (objective, keyResult) = await admin.OwnKeyResultAsync(demo, "Marketing");
        var (other, otherKeyResult) = await admin.OwnKeyResultAsync(demo, "Marketing");

        var current = await (await admin.GetAsync($"/api/objectives/{objective.Id}")).ReadAsync<ObjectiveDto>();
        (await admin.SendJsonAsync(HttpMethod.Put, $"/api/objectives/{objective.Id}",
            new { title = "Make onboarding delightful", owningUnitId = current.OwningUnitId, type = "Aspirational", visibility = "Public", ownerId = demo.People["dana@acme.test"] },
            ifMatch: $"\"{current.Version}\"")).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/objectives/{objective.Id}/alignments", new { parentObjectiveId = demo.CompanyObjectiveId }))
            .EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/objectives/{objective.Id}/activate", null)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/key-results/{keyResult.Id}/check-ins", new { value = 31, confidence = 7, narrative = "Checklist shipped." }))
            .EnsureSuccessStatusCode();
        // Changes to another objective stay in its own history.
        var otherCurrent = await (await admin.GetAsync($"/api/objectives/{other.Id}")).ReadAsync<ObjectiveDto>();
        (await admin.SendJsonAsync(HttpMethod.Put, $"/api/objectives/{other.Id}",
            new { title = "Somebody else's objective", owningUnitId = otherCurrent.OwningUnitId, type = "Committed" },
            ifMatch: $"\"{otherCurrent.Version}\"")).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/objectives/{other.Id}/activate", null)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/key-results/{otherKeyResult.Id}/check-ins", new { value = 25, confidence = 5, narrative = "Slow start." }))
            .EnsureSuccessStatusCode();

        var response = await admin.GraphQLAsync(History, new { id = objective.Id, first = 50 });
        var history = response.ShouldSucceed().GetProperty("objective").GetProperty("history");
        var nodes = history.GetProperty("nodes").EnumerateArray().ToList();

        nodes.Select(n => n.GetProperty("kind").GetString()).Should().Equal(
            "CHECK_IN_RECORDED", "OBJECTIVE_ACTIVATED", "ALIGNMENT_ADDED", "OBJECTIVE_UPDATED", "KEY_RESULT_CREATED", "OBJECTIVE_CREATED");
        var ats = nodes.Select(n => n.GetProperty("at").GetDateTimeOffset()).ToList();
        ats.Should().BeInDescendingOrder();

        var checkIn = nodes[0];
        checkIn.GetProperty("entityType").GetString().Should().Be("CheckIn");
        checkIn.GetProperty("action").GetString().Should().Be("RecordCheckIn");
        checkIn.GetProperty("summary").GetString().Should().Be("Check-in on “Week-one activation rises”: 31 (confidence 7)");
        checkIn.GetProperty("actor").GetProperty("displayName").GetString().Should().Be("Avery Admin");
        Changes(checkIn).Should().Contain(("narrative", null, "Checklist shipped."));

        Changes(nodes[1]).Should().Contain(("state", "Draft", "Active"));
        nodes[2].GetProperty("summary").GetString().Should().Be($"Aligned to “{Demo.CompanyObjective}”");

        var edit = nodes[3];
        edit.GetProperty("entityType").GetString().Should().Be("Objective");
        edit.GetProperty("entityId").GetGuid().Should().Be(objective.Id);
        Changes(edit).Should().Contain(("title", "Make onboarding effortless", "Make onboarding delightful"))
            .And.Contain(("type", "Committed", "Aspirational"))
            .And.Contain(c => c.Field == "ownerId" && c.After == "Dana Whitfield", "a changed reference reads as the name of what it points at");
        edit.GetProperty("summary").GetString().Should().Be("Objective updated: Owner, Title, Type");

        // Nothing internal, nothing of the other objective.
        nodes.SelectMany(n => Changes(n)).Select(c => c.Field).Should()
            .NotContain(["organizationId", "version", "id", "objectiveId", "keyResultId"]);
        response.Text.Should().NotContain(demo.OrganizationId.ToString()).And.NotContain(demo.OrganizationId.ToString().ToUpperInvariant())
            .And.NotContain("Somebody else").And.NotContain(other.Id.ToString()).And.NotContain(otherKeyResult.Id.ToString());

        // The parent sees the alignment from its side.
        var parent = (await admin.GraphQLAsync(History, new { id = demo.CompanyObjectiveId, first = 100 })).ShouldSucceed();
        parent.GetProperty("objective").GetProperty("history").GetProperty("nodes").EnumerateArray()
            .Should().Contain(n => n.GetProperty("kind").GetString() == "ALIGNMENT_ADDED"
                                   && n.GetProperty("summary").GetString() == "Aligned from “Make onboarding delightful”");

        // A page at a time, by cursor.
        var first = (await admin.GraphQLAsync(History, new { id = objective.Id, first = 2 })).ShouldSucceed().GetProperty("objective").GetProperty("history");
        first.GetProperty("nodes").GetArrayLength().Should().Be(2);
        first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().Should().BeTrue();
        first.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean().Should().BeFalse();
        var second = (await admin.GraphQLAsync(History, new { id = objective.Id, first = 2, after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() }))
            .ShouldSucceed().GetProperty("objective").GetProperty("history");
        second.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).Should().Equal("ALIGNMENT_ADDED", "OBJECTIVE_UPDATED");
        second.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean().Should().BeTrue();
        var third = (await admin.GraphQLAsync(History, new { id = objective.Id, first = 2, after = second.GetProperty("pageInfo").GetProperty("endCursor").GetString() }))
            .ShouldSucceed().GetProperty("objective").GetProperty("history");
        third.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).Should().Equal("KEY_RESULT_CREATED", "OBJECTIVE_CREATED");
        third.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().Should().BeFalse();

        (await admin.GraphQLAsync(History, new { id = objective.Id, first = 500 })).ShouldFailWith("VALIDATION");
        (await admin.GraphQLAsync(History, new { id = objective.Id, first = 5, after = "not-a-cursor" })).ShouldFailWith("VALIDATION");
    }

    [Fact]
    public async Task The_history_says_someone_commented_never_what_so_a_deleted_comment_stays_unreadable()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var admin = await host.SignedInAsync("admin@acme.test");
        var (objective, _) = await admin.OwnKeyResultAsync(demo, "Marketing");
        var comment = await (await admin.PostAsJsonAsync("/api/comments", new { objectiveId = objective.Id, text = "Something regrettable" }))
            .ReadAsync<Okr.Application.Comments.Dtos.CommentDto>();
        (await admin.SendJsonAsync(HttpMethod.Delete, $"/api/comments/{comment.Id}", null, "\"1\"")).EnsureSuccessStatusCode();

        var response = await admin.GraphQLAsync(History, new { id = objective.Id });
        var kinds = response.ShouldSucceed().GetProperty("objective").GetProperty("history").GetProperty("nodes").EnumerateArray()
            .Select(n => n.GetProperty("kind").GetString()).ToList();
        kinds.Should().Contain(["COMMENT_ADDED", "COMMENT_DELETED"]);
        response.Text.Should().NotContain("regrettable");
    }

    [Fact]
    public async Task The_demo_comes_with_its_history_dated_when_it_happened_and_by_whom()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var admin = await host.SignedInAsync("admin@acme.test");

        var nodes = (await admin.GraphQLAsync(History, new { id = demo.CompanyObjectiveId, first = 100 })).ShouldSucceed()
            .GetProperty("objective").GetProperty("history").GetProperty("nodes").EnumerateArray().ToList();
        var kinds = nodes.Select(n => n.GetProperty("kind").GetString()).ToList();

        kinds.Should().Contain(["CHECK_IN_RECORDED", "ALIGNMENT_ADDED", "OBJECTIVE_ACTIVATED", "OBJECTIVE_CREATED"]);
        kinds.Last().Should().Be("OBJECTIVE_CREATED", "the oldest entry is the draft");
        nodes.Select(n => n.GetProperty("at").GetDateTimeOffset()).Should().BeInDescendingOrder()
            .And.OnlyContain(at => at < FakeClock.DefaultNow.AddDays(-1), "seeded history happened before today");
        var checkIn = nodes.First(n => n.GetProperty("kind").GetString() == "CHECK_IN_RECORDED");
        checkIn.GetProperty("actor").ValueKind.Should().Be(JsonValueKind.Object, "a check-in is by its author");
        checkIn.GetProperty("summary").GetString().Should().StartWith("Check-in on “");
        checkIn.GetProperty("changes").EnumerateArray().Should().Contain(c => c.GetProperty("field").GetString() == "narrative");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_restricted_objectives_history_is_not_found_for_those_outside_it_and_for_other_organisations(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var admin = await host.SignedInAsync("admin@acme.test");
        using var member = await host.SignedInAsync("member@acme.test"); // Product Engineering: outside Marketing
        var (restricted, keyResult) = await admin.OwnKeyResultAsync(demo, "Marketing", visibility: "Restricted");
        (await admin.PostAsync($"/api/objectives/{restricted.Id}/activate", null)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/key-results/{keyResult.Id}/check-ins", new { value = 40, confidence = 8, narrative = "Good week." }))
            .EnsureSuccessStatusCode();

        (await admin.GraphQLAsync(History, new { id = restricted.Id })).ShouldSucceed()
            .GetProperty("objective").GetProperty("history").GetProperty("nodes").GetArrayLength().Should().Be(4);

        var hidden = await member.GraphQLAsync(History, new { id = restricted.Id });
        hidden.ShouldFailWith("NOT_FOUND");
        hidden.Text.Should().NotContain("Week-one activation");

        using var outsider = await host.OutsiderAsync();
        var foreign = await outsider.GraphQLAsync(History, new { id = restricted.Id });
        foreign.ShouldFailWith("NOT_FOUND");
        var foreignPublic = await outsider.GraphQLAsync(History, new { id = demo.CompanyObjectiveId });
        foreignPublic.ShouldFailWith("NOT_FOUND");
        foreignPublic.Text.Should().NotContain("Make it easy").And.NotContain("CHECK_IN");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_history_page_holds_what_the_caller_may_see_when_the_newest_entries_are_alignments_of_hidden_objectives(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var admin = await host.SignedInAsync("admin@acme.test");
        using var member = await host.SignedInAsync("member@acme.test"); // Product Engineering: outside Marketing
        var (parent, _) = await admin.OwnKeyResultAsync(demo, "Marketing");
        (await admin.PostAsync($"/api/objectives/{parent.Id}/activate", null)).EnsureSuccessStatusCode();
        // Three restricted Marketing objectives align to it: its three newest entries, which the member may not see.
        for (var i = 0; i < 3; i++)
        {
            var (child, _) = await admin.OwnKeyResultAsync(demo, "Marketing", visibility: "Restricted");
            (await admin.PostAsJsonAsync($"/api/objectives/{child.Id}/alignments", new { parentObjectiveId = parent.Id })).EnsureSuccessStatusCode();
        }

        static (List<string?> Kinds, bool HasNext, string? End) Page(JsonElement data)
        {
            var history = data.GetProperty("objective").GetProperty("history");
            return (history.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ToList(),
                history.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean(),
                history.GetProperty("pageInfo").GetProperty("endCursor").GetString());
        }

        Page((await admin.GraphQLAsync(History, new { id = parent.Id, first = 3 })).ShouldSucceed()).Kinds
            .Should().Equal("ALIGNMENT_ADDED", "ALIGNMENT_ADDED", "ALIGNMENT_ADDED");

        var first = Page((await member.GraphQLAsync(History, new { id = parent.Id, first = 2 })).ShouldSucceed());
        first.Kinds.Should().Equal(["OBJECTIVE_ACTIVATED", "KEY_RESULT_CREATED"], "a page holds `first` entries the member may see while that many remain");
        first.HasNext.Should().BeTrue();
        var second = Page((await member.GraphQLAsync(History, new { id = parent.Id, first = 2, after = first.End })).ShouldSucceed());
        second.Kinds.Should().Equal("OBJECTIVE_CREATED");
        second.HasNext.Should().BeFalse();
    }

    private static List<(string Field, string? Before, string? After)> Changes(JsonElement node) =>
        node.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString()!, c.GetProperty("before").GetString(), c.GetProperty("after").GetString()))
            .ToList();
}
