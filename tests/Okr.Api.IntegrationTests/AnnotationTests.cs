using System.Net;
using System.Net.Http.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.Annotations.Dtos;
using Okr.Application.Kpis.Dtos;
using Okr.Domain.Work;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>/api/annotations as a tool drives them.</summary>
[Collection(ApiTests.Name)]
public sealed class AnnotationTests(ApiFixture fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(FakeClock.DefaultNow.UtcDateTime);

    private static object Note(Guid[] keyResultIds, Guid[] kpiIds, string text = "New password-reset flow shipped") => new
    {
        date = Today.AddDays(-3), text, kind = "Change", keyResultIds, kpiIds,
    };

    /// <summary>As Morgan Member: an annotation on a key result and a KPI of Product Engineering, made for the test.</summary>
    private static async Task<(AnnotationDto Annotation, Guid KeyResultId, Guid KpiId)> MemberNoteAsync(HttpClient member, Demo demo)
    {
        var (_, keyResult) = await member.OwnKeyResultAsync(demo, "Product Engineering");
        var kpi = await (await member.PostAsJsonAsync("/api/kpis", new { name = "Build minutes per day", owningUnitId = demo.Units["Product Engineering"] }))
            .ReadAsync<KpiDto>();
        var annotation = await (await member.PostAsJsonAsync("/api/annotations", Note([keyResult.Id], [kpi.Id]))).ReadAsync<AnnotationDto>();
        return (annotation, keyResult.Id, kpi.Id);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_member_notes_a_change_reads_it_edits_it_and_deletes_it(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var member = await host.SignedInAsync("member@acme.test");
        var (_, keyResult) = await member.OwnKeyResultAsync(demo, "Product Engineering");

        var created = await member.PostAsJsonAsync("/api/annotations", Note([keyResult.Id], []));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var annotation = await created.ReadAsync<AnnotationDto>();
        created.Headers.Location!.ToString().Should().Be($"/api/annotations/{annotation.Id}");
        created.Headers.ETag!.Tag.Should().Be("\"1\"");
        annotation.AuthorId.Should().Be(demo.People["member@acme.test"]);
        annotation.Kind.Should().Be(AnnotationKind.Change);

        var read = await member.GetAsync($"/api/annotations/{annotation.Id}");
        read.Headers.ETag!.Tag.Should().Be("\"1\"");
        (await read.ReadAsync<AnnotationDto>()).KeyResultIds.Should().Equal(keyResult.Id);

        var edited = await member.SendJsonAsync(HttpMethod.Put, $"/api/annotations/{annotation.Id}", new
        {
            date = Today.AddDays(-2), text = "Password-reset flow rolled back", kind = "Incident", keyResultIds = new[] { keyResult.Id },
        }, "\"1\"");
        var after = await edited.ReadAsync<AnnotationDto>();
        after.Kind.Should().Be(AnnotationKind.Incident);
        after.Date.Should().Be(Today.AddDays(-2));
        edited.Headers.ETag!.Tag.Should().Be("\"2\"");

        (await member.SendJsonAsync(HttpMethod.Delete, $"/api/annotations/{annotation.Id}", null, "\"2\"")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await member.GetAsync($"/api/annotations/{annotation.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Invalid_fields_and_invisible_targets_are_validation_problems(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var member = await host.SignedInAsync("member@acme.test");
        var (_, hidden) = await member.OwnKeyResultAsync(demo, "Product Engineering", visibility: "Restricted");
        using var sam = await host.SignedInAsync("sam@acme.test");

        await (await sam.PostAsJsonAsync("/api/annotations", new
        {
            date = Today.AddDays(2), text = new string('x', 8001), keyResultIds = Array.Empty<Guid>(), kpiIds = Array.Empty<Guid>(),
        })).ShouldNameFieldsAsync("date", "text", "keyResultIds");
        await (await sam.PostAsJsonAsync("/api/annotations", new { date = Today, text = "Numbered", kind = 9 })).ShouldNameFieldsAsync("kind");
        await (await sam.PostAsJsonAsync("/api/annotations", Note([hidden.Id], []))).ShouldNameFieldsAsync("keyResultIds");
        await (await sam.PostAsJsonAsync("/api/annotations", Note([], [Guid.NewGuid()]))).ShouldNameFieldsAsync("kpiIds");
        (await sam.PostAsJsonAsync("/api/annotations", new { date = Today, text = "x", kind = "Rumour", keyResultIds = new[] { hidden.Id } }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_unknown_annotation_is_a_404(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        using var member = await host.SignedInAsync("member@acme.test");
        var id = Guid.NewGuid();

        await (await member.GetAsync($"/api/annotations/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await member.PutAsJsonAsync($"/api/annotations/{id}", Note([], [Guid.NewGuid()]))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await member.DeleteAsync($"/api/annotations/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Only_the_author_and_admins_change_an_annotation(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var member = await host.SignedInAsync("member@acme.test");
        var (annotation, keyResultId, kpiId) = await MemberNoteAsync(member, demo);

        foreach (var email in new[] { "lead@acme.test", "dev@acme.test", "sam@acme.test" })
        {
            using var other = await host.SignedInAsync(email);
            (await other.GetAsync($"/api/annotations/{annotation.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
            await (await other.PutAsJsonAsync($"/api/annotations/{annotation.Id}", Note([keyResultId], [kpiId], "Rewritten")))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await other.DeleteAsync($"/api/annotations/{annotation.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
        using var admin = await host.SignedInAsync("admin@acme.test");
        (await admin.PutAsJsonAsync($"/api/annotations/{annotation.Id}", Note([keyResultId], [kpiId], "Tidied by the admin"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.DeleteAsync($"/api/annotations/{annotation.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_note_only_on_a_restricted_objective_is_a_404_outside_it(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var member = await host.SignedInAsync("member@acme.test");
        var (_, hidden) = await member.OwnKeyResultAsync(demo, "Product Engineering", visibility: "Restricted");
        var annotation = await (await member.PostAsJsonAsync("/api/annotations", Note([hidden.Id], []))).ReadAsync<AnnotationDto>();
        using var sam = await host.SignedInAsync("sam@acme.test");

        await (await sam.GetAsync($"/api/annotations/{annotation.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await sam.DeleteAsync($"/api/annotations/{annotation.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Another_organisations_annotation_is_a_404_and_its_targets_are_no_references(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var member = await host.SignedInAsync("member@acme.test");
        var (annotation, keyResultId, kpiId) = await MemberNoteAsync(member, demo);
        using var outsider = await host.OutsiderAsync();

        await (await outsider.GetAsync($"/api/annotations/{annotation.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.PutAsJsonAsync($"/api/annotations/{annotation.Id}", Note([keyResultId], [kpiId]))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.DeleteAsync($"/api/annotations/{annotation.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.PostAsJsonAsync("/api/annotations", Note([keyResultId], [kpiId]))).ShouldNameFieldsAsync("keyResultIds", "kpiIds");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_stale_If_Match_is_a_412_and_changes_nothing(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var member = await host.SignedInAsync("member@acme.test");
        var (annotation, keyResultId, kpiId) = await MemberNoteAsync(member, demo);
        (await member.SendJsonAsync(HttpMethod.Put, $"/api/annotations/{annotation.Id}", Note([keyResultId], [kpiId], "First edit"), "\"1\"")).EnsureSuccessStatusCode();

        await (await member.SendJsonAsync(HttpMethod.Put, $"/api/annotations/{annotation.Id}", Note([keyResultId], [kpiId], "Old copy"), "\"1\""))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        await (await member.SendJsonAsync(HttpMethod.Delete, $"/api/annotations/{annotation.Id}", null, "\"1\""))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");

        (await (await member.GetAsync($"/api/annotations/{annotation.Id}")).ReadAsync<AnnotationDto>()).Text.Should().Be("First edit");
    }
}
