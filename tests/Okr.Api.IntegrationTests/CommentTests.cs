using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.Comments.Dtos;
using Okr.Application.Objectives.Dtos;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>/api/comments as a tool drives them.</summary>
[Collection(ApiTests.Name)]
public sealed class CommentTests(ApiFixture fixture)
{
    /// <summary>A fresh objective of Product Management (led by lee) with a comment by Morgan Member on it.</summary>
    private static async Task<(ObjectiveDto Objective, CommentDto Comment)> MemberCommentAsync(OkrApiFactory host, Demo demo)
    {
        using var lead = await host.SignedInAsync("lead@acme.test");
        var (objective, _) = await lead.OwnKeyResultAsync(demo, "Product Management");
        using var member = await host.SignedInAsync("member@acme.test");
        var comment = await (await member.PostAsJsonAsync("/api/comments", new { objectiveId = objective.Id, text = "Is 60% ambitious enough?" }))
            .ReadAsync<CommentDto>();
        return (objective, comment);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_member_comments_on_an_objective_and_a_key_result_edits_and_deletes(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");
        var (objective, keyResult) = await lead.OwnKeyResultAsync(demo, "Product Management");
        using var sam = await host.SignedInAsync("sam@acme.test");

        var created = await sam.PostAsJsonAsync("/api/comments", new { objectiveId = objective.Id, text = "Which customers count?" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var comment = await created.ReadAsync<CommentDto>();
        created.Headers.Location!.ToString().Should().Be($"/api/comments/{comment.Id}");
        created.Headers.ETag!.Tag.Should().Be("\"1\"");
        comment.AuthorId.Should().Be(demo.People["sam@acme.test"]);
        comment.ObjectiveId.Should().Be(objective.Id);
        var onKeyResult = await (await sam.PostAsJsonAsync("/api/comments", new { keyResultId = keyResult.Id, text = "Measured weekly?" })).ReadAsync<CommentDto>();
        onKeyResult.KeyResultId.Should().Be(keyResult.Id);

        var read = await lead.GetAsync($"/api/comments/{comment.Id}");
        read.Headers.ETag!.Tag.Should().Be("\"1\"");
        var edited = await sam.SendJsonAsync(HttpMethod.Put, $"/api/comments/{comment.Id}", new { text = "Which Tier 1 customers count?" }, "\"1\"");
        (await edited.ReadAsync<CommentDto>()).EditedAt.Should().NotBeNull();
        edited.Headers.ETag!.Tag.Should().Be("\"2\"");
        // GraphQL reads the version a client sends back in If-Match.
        var listed = (await sam.GraphQLAsync("query($id: ID!) { objective(id: $id) { comments { id version text } } }", new { id = objective.Id }))
            .ShouldSucceed().GetProperty("objective").GetProperty("comments").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == comment.Id);
        listed.GetProperty("version").GetInt64().Should().Be(2);

        (await sam.SendJsonAsync(HttpMethod.Delete, $"/api/comments/{comment.Id}", null, "\"2\"")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await sam.GetAsync($"/api/comments/{comment.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        (await host.WithDbAsync(db => Task.FromResult(db.Comments.IgnoreQueryFilters().Single(c => c.Id == comment.Id).IsDeleted), demo.OrganizationId))
            .Should().BeTrue("deleting is soft");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Invalid_fields_and_invisible_targets_are_validation_problems(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var member = await host.SignedInAsync("member@acme.test");
        var (restricted, restrictedKeyResult) = await member.OwnKeyResultAsync(demo, "Product Engineering", visibility: "Restricted");
        using var sam = await host.SignedInAsync("sam@acme.test");

        await (await sam.PostAsJsonAsync("/api/comments", new { objectiveId = demo.CompanyObjectiveId, keyResultId = demo.CompanyKeyResultIds[0], text = "" }))
            .ShouldNameFieldsAsync("objectiveId", "text");
        await (await sam.PostAsJsonAsync("/api/comments", new { text = "About nothing" })).ShouldNameFieldsAsync("objectiveId");
        await (await sam.PostAsJsonAsync("/api/comments", new { objectiveId = demo.CompanyObjectiveId, text = new string('x', 8001) })).ShouldNameFieldsAsync("text");
        await (await sam.PostAsJsonAsync("/api/comments", new { objectiveId = restricted.Id, text = "Peek" })).ShouldNameFieldsAsync("objectiveId");
        await (await sam.PostAsJsonAsync("/api/comments", new { keyResultId = restrictedKeyResult.Id, text = "Peek" })).ShouldNameFieldsAsync("keyResultId");
        (await sam.PostAsJsonAsync("/api/comments", new { objectiveId = "not-a-guid", text = "x" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_unknown_comment_is_a_404(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        using var member = await host.SignedInAsync("member@acme.test");
        var id = Guid.NewGuid();

        await (await member.GetAsync($"/api/comments/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await member.PutAsJsonAsync($"/api/comments/{id}", new { text = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await member.DeleteAsync($"/api/comments/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Only_the_author_edits_and_only_the_author_and_moderators_delete(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        var (_, comment) = await MemberCommentAsync(host, demo);
        var (_, moderated) = await MemberCommentAsync(host, demo);

        foreach (var email in new[] { "admin@acme.test", "lead@acme.test", "nina@acme.test" })
        {
            using var other = await host.SignedInAsync(email);
            await (await other.PutAsJsonAsync($"/api/comments/{comment.Id}", new { text = "Words in your mouth" }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
        foreach (var email in new[] { "nina@acme.test", "sam@acme.test", "dev@acme.test" })
        {
            using var bystander = await host.SignedInAsync(email);
            await (await bystander.DeleteAsync($"/api/comments/{comment.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
        using var lead = await host.SignedInAsync("lead@acme.test");
        (await lead.DeleteAsync($"/api/comments/{comment.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent, "the lead of the objective's unit moderates");
        using var admin = await host.SignedInAsync("admin@acme.test");
        (await admin.DeleteAsync($"/api/comments/{moderated.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Another_organisations_comment_is_a_404_and_its_objective_no_reference(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        var (objective, comment) = await MemberCommentAsync(host, demo);
        using var outsider = await host.OutsiderAsync();

        await (await outsider.GetAsync($"/api/comments/{comment.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.PutAsJsonAsync($"/api/comments/{comment.Id}", new { text = "x" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.DeleteAsync($"/api/comments/{comment.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.PostAsJsonAsync("/api/comments", new { objectiveId = objective.Id, text = "Hello" })).ShouldNameFieldsAsync("objectiveId");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_stale_If_Match_is_a_412_and_changes_nothing(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        var (_, comment) = await MemberCommentAsync(host, demo);
        using var member = await host.SignedInAsync("member@acme.test");
        (await member.SendJsonAsync(HttpMethod.Put, $"/api/comments/{comment.Id}", new { text = "First edit" }, "\"1\"")).EnsureSuccessStatusCode();

        await (await member.SendJsonAsync(HttpMethod.Put, $"/api/comments/{comment.Id}", new { text = "Old copy" }, "\"1\""))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        await (await member.SendJsonAsync(HttpMethod.Delete, $"/api/comments/{comment.Id}", null, "\"1\""))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");

        (await (await member.GetAsync($"/api/comments/{comment.Id}")).ReadAsync<CommentDto>()).Text.Should().Be("First edit");
    }
}
