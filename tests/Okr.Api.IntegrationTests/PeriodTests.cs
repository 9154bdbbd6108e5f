using System.Net;
using System.Net.Http.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.KeyResults.Dtos;
using Okr.Application.Objectives.Dtos;
using Okr.Application.OrgUnits.Dtos;
using Okr.Application.Periods.Commands.ClosePeriod;
using Okr.Application.Periods.Dtos;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>
/// /api/periods. Every period that changes lives in an organisation of the test's own: the demo's current quarter stays
/// active and its next quarter stays in planning.
/// </summary>
[Collection(ApiTests.Name)]
public sealed class PeriodTests(ApiFixture fixture)
{
    private static async Task<PeriodDto> CreateAsync(HttpClient admin, string name, string kind, string start, string end, Guid? parentId = null,
        bool addDefaultRoadmap = false) =>
        await (await admin.PostAsJsonAsync("/api/periods", new { name, kind, start, end, parentId, addDefaultRoadmap })).ReadAsync<PeriodDto>();

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_admin_runs_a_quarter_from_planning_to_closed_grading_and_rolling_over(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        using var own = await host.NewOrganizationAsync();
        var admin = own.Admin;
        var year = await CreateAsync(admin, "FY2026", "Year", "2026-01-01", "2026-12-31");

        var created = await admin.PostAsJsonAsync("/api/periods",
            new { name = "Q4", kind = "Quarter", start = "2026-10-01", end = "2026-12-31", parentId = year.Id, addDefaultRoadmap = true });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var quarter = await created.ReadAsync<PeriodDto>();
        created.Headers.Location!.ToString().Should().Be($"/api/periods/{quarter.Id}");
        quarter.Should().BeEquivalentTo(new { State = PeriodState.Planning, ParentId = (Guid?)year.Id, Kind = PeriodKind.Quarter });
        // Created on 22 November (the test clock), the roadmap keeps the steps still ahead: none is born overdue.
        quarter.Checkpoints.Select(c => (c.Name, c.Date)).Should().Equal(("Grading due", new DateOnly(2026, 12, 31)), ("Retrospective", new DateOnly(2027, 1, 5)));
        var next = await CreateAsync(admin, "Q1 2027", "Quarter", "2027-01-01", "2027-03-31");

        var renamed = await admin.SendAsync(HttpMethod.Put, $"/api/periods/{quarter.Id}", new { name = "Q4 2026", start = "2026-10-01", end = "2026-12-31" }, 1);
        (await renamed.ReadAsync<PeriodDto>()).Name.Should().Be("Q4 2026");
        var added = await admin.SendAsync(HttpMethod.Post, $"/api/periods/{quarter.Id}/checkpoints", new { name = "Board update", date = "2026-11-30" },
            renamed.ETagVersion());
        added.StatusCode.Should().Be(HttpStatusCode.Created);
        var checkpoint = (await added.ReadAsync<PeriodDto>()).Checkpoints.Single(c => c.Name == "Board update");
        added.Headers.Location!.ToString().Should().Be($"/api/periods/{quarter.Id}/checkpoints/{checkpoint.Id}");
        var edited = await admin.SendAsync(HttpMethod.Put, $"/api/periods/{quarter.Id}/checkpoints/{checkpoint.Id}",
            new { name = "Board review", date = "2026-12-01" }, added.ETagVersion());
        (await edited.ReadAsync<PeriodDto>()).Checkpoints.Should().Contain(new CheckpointDto(checkpoint.Id, "Board review", new DateOnly(2026, 12, 1), false));

        // A unit lead marks checkpoints done too.
        var (lead, leadId) = await host.JoinAsync(own);
        using (lead)
        {
            var team = await (await admin.PostAsJsonAsync("/api/org-units", new { parentId = own.CompanyUnitId, name = "Growth", kind = "Team" })).ReadAsync<OrgUnitDto>();
            (await admin.PostAsJsonAsync($"/api/org-units/{team.Id}/members", new { personId = leadId, role = "Lead" })).EnsureSuccessStatusCode();
            var done = await lead.PutAsJsonAsync($"/api/periods/{quarter.Id}/checkpoints/{checkpoint.Id}/done", new { done = true });
            (await done.ReadAsync<PeriodDto>()).Checkpoints.Single(c => c.Id == checkpoint.Id).Done.Should().BeTrue();
        }
        var removed = await admin.DeleteAsync($"/api/periods/{quarter.Id}/checkpoints/{checkpoint.Id}");
        (await removed.ReadAsync<PeriodDto>()).Checkpoints.Should().HaveCount(2);

        (await (await admin.PostAsync($"/api/periods/{quarter.Id}/activate", null)).ReadAsync<PeriodDto>()).State.Should().Be(PeriodState.Active);
        var objective = await (await admin.PostAsJsonAsync("/api/objectives",
            new { periodId = quarter.Id, owningUnitId = own.CompanyUnitId, title = "Customers find us on their own" })).ReadAsync<ObjectiveDto>();
        var keyResult = await (await admin.PostAsJsonAsync("/api/key-results", new
        {
            objectiveId = objective.Id, title = "Organic sign-ups per week rise from 0 to 100", baseline = 0, target = 100, baselineMethod = "Analytics",
        })).ReadAsync<KeyResultDto>();
        (await admin.PostAsync($"/api/objectives/{objective.Id}/activate", null)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/key-results/{keyResult.Id}/check-ins", new { value = 40, confidence = 5, narrative = "Slower than hoped." }))
            .EnsureSuccessStatusCode();
        (await (await admin.PostAsync($"/api/periods/{quarter.Id}/start-review", null)).ReadAsync<PeriodDto>()).State.Should().Be(PeriodState.Review);
        (await (await admin.PostAsync($"/api/periods/{quarter.Id}/reopen", null)).ReadAsync<PeriodDto>()).State.Should().Be(PeriodState.Active);
        var review = await admin.PostAsync($"/api/periods/{quarter.Id}/start-review", null);

        var closed = await admin.SendAsync(HttpMethod.Post, $"/api/periods/{quarter.Id}/close",
            new { rollOver = new[] { new { objectiveId = objective.Id } }, targetPeriodId = next.Id }, review.ETagVersion());

        var summary = await closed.ReadAsync<PeriodClosed>();
        closed.ETagVersion().Should().Be(summary.Version);
        summary.State.Should().Be(PeriodState.Closed);
        summary.Graded.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            ObjectiveId = objective.Id, Grade = 0.4, KeyResults = new[] { new { KeyResultId = keyResult.Id, Grade = 0.4 } },
        });
        var rolledOver = summary.RolledOver.Should().ContainSingle().Subject;
        var copy = await (await admin.GetAsync($"/api/objectives/{rolledOver.NewObjectiveId}")).ReadAsync<ObjectiveDto>();
        copy.Should().BeEquivalentTo(new { PeriodId = next.Id, State = ObjectiveState.Draft, RolledOverFromId = (Guid?)objective.Id });
        copy.KeyResults.Single().Baseline.Should().Be(40);
        (await (await admin.GetAsync($"/api/objectives/{objective.Id}")).ReadAsync<ObjectiveDto>()).Should()
            .BeEquivalentTo(new { State = ObjectiveState.Closed, Grade = 0.4 });
        await (await admin.PutAsJsonAsync($"/api/periods/{quarter.Id}", new { name = "Q4 again", start = "2026-10-01", end = "2026-12-31" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "period.closed");
    }

    [Fact]
    public async Task Bad_input_is_a_validation_problem_naming_the_field()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();
        var quarter = await CreateAsync(own.Admin, "Q4 2026", "Quarter", "2026-10-01", "2026-12-31");

        var dates = await own.Admin.PostAsJsonAsync("/api/periods", new { name = "", kind = "Quarter", start = "2026-10-01", end = "2026-09-30" });
        var errors = (await dates.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors");
        errors.TryGetProperty("name", out _).Should().BeTrue();
        errors.TryGetProperty("end", out _).Should().BeTrue();
        (await (await own.Admin.PostAsJsonAsync("/api/periods", new { name = "Q1", kind = "Quarter", start = "2027-01-01", end = "2027-03-31", parentId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors").TryGetProperty("parentId", out _).Should().BeTrue();
        await (await own.Admin.PostAsJsonAsync("/api/periods", new { name = "Q1", kind = "Season", start = "2027-01-01", end = "2027-03-31" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        await (await own.Admin.PostAsJsonAsync("/api/periods", new { name = "Q1", kind = "Quarter", start = "2027-02-30", end = "2027-03-31" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        (await (await own.Admin.PostAsJsonAsync($"/api/periods/{quarter.Id}/checkpoints", new { name = " ", date = "2026-11-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors").TryGetProperty("name", out _).Should().BeTrue();
        (await (await own.Admin.PostAsJsonAsync($"/api/periods/{quarter.Id}/close", new { rollOver = new[] { new { objectiveId = Guid.NewGuid() } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors").TryGetProperty("targetPeriodId", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Lifecycle_and_calendar_rules_are_422s_with_stable_codes()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();
        var year = await CreateAsync(own.Admin, "FY2026", "Year", "2026-01-01", "2026-12-31");
        var quarter = await CreateAsync(own.Admin, "Q4 2026", "Quarter", "2026-10-01", "2026-12-31", year.Id);

        await (await own.Admin.PostAsync($"/api/periods/{quarter.Id}/close", JsonContent.Create(new { })))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "period.invalid_transition");
        await (await own.Admin.PostAsync($"/api/periods/{quarter.Id}/reopen", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "period.invalid_transition");
        (await own.Admin.PostAsync($"/api/periods/{quarter.Id}/activate", null)).EnsureSuccessStatusCode();
        await (await own.Admin.PostAsync($"/api/periods/{quarter.Id}/activate", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "period.invalid_transition");
        await (await own.Admin.PostAsJsonAsync("/api/periods", new { name = "Q1 2027", kind = "Quarter", start = "2027-01-01", end = "2027-03-31", parentId = year.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "period.outside_parent");
        await (await own.Admin.PutAsJsonAsync($"/api/periods/{year.Id}", new { name = "FY2026", start = "2026-01-01", end = "2026-11-30" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "period.children_outside");
        (await (await own.Admin.GetAsync($"/api/periods/{quarter.Id}")).ReadAsync<PeriodDto>()).State.Should().Be(PeriodState.Active);
    }

    [Fact]
    public async Task Members_and_leads_cannot_change_periods_and_members_cannot_mark_checkpoints()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        var current = $"/api/periods/{demo.CurrentPeriodId}";
        var next = $"/api/periods/{demo.NextPeriodId}";

        foreach (var email in new[] { "member@acme.test", "lead@acme.test" })
        {
            using var client = await host.SignedInAsync(email);
            var period = await (await client.GetAsync(next)).ReadAsync<PeriodDto>();
            period.State.Should().Be(PeriodState.Planning);
            await (await client.PostAsJsonAsync("/api/periods", new { name = "Q9", kind = "Quarter", start = "2027-01-01", end = "2027-03-31" }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await client.PutAsJsonAsync(current, new { name = "Mine", start = "2026-10-01", end = "2026-12-31" }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await client.PostAsync($"{next}/activate", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await client.PostAsync($"{current}/start-review", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await client.PostAsync($"{current}/close", JsonContent.Create(new { }))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await client.PostAsJsonAsync($"{next}/checkpoints", new { name = "Party", date = "2027-01-15" }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await client.DeleteAsync($"{next}/checkpoints/{period.Checkpoints[0].Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
        using var member = await host.SignedInAsync("member@acme.test");
        var checkpoint = (await (await member.GetAsync(next)).ReadAsync<PeriodDto>()).Checkpoints[0];
        await (await member.PutAsJsonAsync($"{next}/checkpoints/{checkpoint.Id}/done", new { done = !checkpoint.Done }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await (await member.GetAsync(next)).ReadAsync<PeriodDto>()).Checkpoints[0].Done.Should().Be(checkpoint.Done);
    }

    [Fact]
    public async Task Another_organisations_period_and_unknown_ids_are_not_found()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var own = await host.NewOrganizationAsync();
        var acme = $"/api/periods/{demo.NextPeriodId}";
        using var acmeMember = await host.SignedInAsync("member@acme.test");
        var acmeCheckpoint = (await (await acmeMember.GetAsync(acme)).ReadAsync<PeriodDto>()).Checkpoints[0].Id;

        await (await own.Admin.GetAsync(acme)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.PutAsJsonAsync(acme, new { name = "Ours", start = "2027-01-01", end = "2027-03-31" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.PostAsync($"{acme}/activate", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.PostAsync($"/api/periods/{demo.CurrentPeriodId}/close", JsonContent.Create(new { })))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.PutAsJsonAsync($"{acme}/checkpoints/{acmeCheckpoint}/done", new { done = true })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.PostAsJsonAsync("/api/periods", new { name = "Q1", kind = "Quarter", start = "2027-01-01", end = "2027-03-31", parentId = demo.CurrentPeriodId }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        var quarter = await CreateAsync(own.Admin, "Q4 2026", "Quarter", "2026-10-01", "2026-12-31");
        await (await own.Admin.GetAsync($"/api/periods/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.PutAsJsonAsync($"/api/periods/{quarter.Id}/checkpoints/{acmeCheckpoint}", new { name = "x", date = "2026-11-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        (await (await acmeMember.GetAsync(acme)).ReadAsync<PeriodDto>()).State.Should().Be(PeriodState.Planning);
    }

    [Fact]
    public async Task A_stale_If_Match_is_a_412_and_changes_nothing()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();
        var quarter = await CreateAsync(own.Admin, "Q4 2026", "Quarter", "2026-10-01", "2026-12-31", addDefaultRoadmap: true);
        var checkpoint = quarter.Checkpoints[0].Id;
        (await own.Admin.SendAsync(HttpMethod.Put, $"/api/periods/{quarter.Id}", new { name = "Q4", start = "2026-10-01", end = "2026-12-31" }, 1))
            .EnsureSuccessStatusCode();

        await (await own.Admin.SendAsync(HttpMethod.Put, $"/api/periods/{quarter.Id}", new { name = "Stale", start = "2026-10-01", end = "2026-12-31" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        await (await own.Admin.SendAsync(HttpMethod.Put, $"/api/periods/{quarter.Id}/checkpoints/{checkpoint}/done", new { done = true }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        await (await own.Admin.SendAsync(HttpMethod.Delete, $"/api/periods/{quarter.Id}/checkpoints/{checkpoint}", ifMatch: 1))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        await (await own.Admin.SendAsync(HttpMethod.Post, $"/api/periods/{quarter.Id}/activate", ifMatch: 1))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");

        var current = await (await own.Admin.GetAsync($"/api/periods/{quarter.Id}")).ReadAsync<PeriodDto>();
        current.Should().BeEquivalentTo(new { Name = "Q4", Version = 2L, State = PeriodState.Planning });
        current.Checkpoints.Should().HaveCount(2).And.OnlyContain(c => !c.Done);
    }
}
