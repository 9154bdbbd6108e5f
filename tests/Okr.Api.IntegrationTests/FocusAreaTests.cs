using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.FocusAreas.Dtos;
using Okr.Application.Periods.Dtos;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>/api/focus-areas. New focus areas go into organisations of the tests' own (the coach counts the demo's).</summary>
[Collection(ApiTests.Name)]
public sealed class FocusAreaTests(ApiFixture fixture)
{
    private static async Task<PeriodDto> YearAsync(HttpClient admin) =>
        await (await admin.PostAsJsonAsync("/api/periods", new { name = "FY2026", kind = "Year", start = "2026-01-01", end = "2026-12-31" })).ReadAsync<PeriodDto>();

    private static Task<Guid> DemoFocusAreaAsync(OkrApiFactory host, Demo demo) =>
        host.WithDbAsync(db => db.FocusAreas.OrderBy(f => f.Title).Select(f => f.Id).FirstAsync(), demo.OrganizationId);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_admin_creates_edits_archives_and_restores_a_focus_area(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        using var own = await host.NewOrganizationAsync();
        var year = await YearAsync(own.Admin);

        var created = await own.Admin.PostAsJsonAsync("/api/focus-areas", new { periodId = year.Id, title = "Enterprise readiness", description = "SSO, audit, SLAs" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var area = await created.ReadAsync<FocusAreaDto>();
        created.Headers.Location!.ToString().Should().Be($"/api/focus-areas/{area.Id}");
        area.Should().Be(new FocusAreaDto(area.Id, 1, year.Id, "Enterprise readiness", "SSO, audit, SLAs", false));

        var edited = await own.Admin.SendAsync(HttpMethod.Put, $"/api/focus-areas/{area.Id}", new { title = "Enterprise ready", description = (string?)null }, 1);
        (await edited.ReadAsync<FocusAreaDto>()).Should().BeEquivalentTo(new { Title = "Enterprise ready", Description = (string?)null, Version = 2L });
        var archived = await own.Admin.SendAsync(HttpMethod.Post, $"/api/focus-areas/{area.Id}/archive", ifMatch: 2);
        (await archived.ReadAsync<FocusAreaDto>()).IsArchived.Should().BeTrue();
        var refused = await own.Admin.PostAsJsonAsync("/api/objectives",
            new { periodId = year.Id, owningUnitId = own.CompanyUnitId, title = "Win the enterprise", focusAreaId = area.Id });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors").TryGetProperty("focusAreaId", out _).Should().BeTrue();
        var restored = await own.Admin.PostAsync($"/api/focus-areas/{area.Id}/restore", null);
        (await restored.ReadAsync<FocusAreaDto>()).IsArchived.Should().BeFalse();

        var read = await own.Admin.GetAsync($"/api/focus-areas/{area.Id}");
        read.ETagVersion().Should().Be(4);
        (await read.ReadAsync<FocusAreaDto>()).Title.Should().Be("Enterprise ready");
    }

    [Fact]
    public async Task Bad_input_is_a_validation_problem_naming_the_field()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();
        var year = await YearAsync(own.Admin);
        var area = await (await own.Admin.PostAsJsonAsync("/api/focus-areas", new { periodId = year.Id, title = "Trust" })).ReadAsync<FocusAreaDto>();

        var untitled = await own.Admin.PostAsJsonAsync("/api/focus-areas", new { periodId = year.Id, title = "" });
        var noPeriod = await own.Admin.PostAsJsonAsync("/api/focus-areas", new { periodId = Guid.NewGuid(), title = "Trust" });
        var tooLong = await own.Admin.PutAsJsonAsync($"/api/focus-areas/{area.Id}", new { title = new string('x', 301) });

        (await untitled.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors").TryGetProperty("title", out _).Should().BeTrue();
        (await noPeriod.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors").TryGetProperty("periodId", out _).Should().BeTrue();
        (await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors").TryGetProperty("title", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Members_and_leads_read_focus_areas_but_cannot_change_them()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        var area = await DemoFocusAreaAsync(host, demo);
        var yearId = await host.WithDbAsync(db => db.FocusAreas.Where(f => f.Id == area).Select(f => f.PeriodId).SingleAsync(), demo.OrganizationId);

        foreach (var email in new[] { "member@acme.test", "lead@acme.test" })
        {
            using var client = await host.SignedInAsync(email);
            var read = await (await client.GetAsync($"/api/focus-areas/{area}")).ReadAsync<FocusAreaDto>();
            read.IsArchived.Should().BeFalse();
            await (await client.PostAsJsonAsync("/api/focus-areas", new { periodId = yearId, title = "Side quest" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await client.PutAsJsonAsync($"/api/focus-areas/{area}", new { title = "Renamed" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await client.PostAsync($"/api/focus-areas/{area}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await client.PostAsync($"/api/focus-areas/{area}/restore", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
    }

    [Fact]
    public async Task Another_organisations_focus_area_and_an_unknown_id_are_not_found()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        var area = await DemoFocusAreaAsync(host, demo);
        using var own = await host.NewOrganizationAsync();

        await (await own.Admin.GetAsync($"/api/focus-areas/{area}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.PutAsJsonAsync($"/api/focus-areas/{area}", new { title = "Ours" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.PostAsync($"/api/focus-areas/{area}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.PostAsJsonAsync("/api/focus-areas", new { periodId = demo.CurrentPeriodId, title = "Theirs" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        await (await own.Admin.GetAsync($"/api/focus-areas/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_stale_If_Match_is_a_412_and_changes_nothing()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();
        var year = await YearAsync(own.Admin);
        var area = await (await own.Admin.PostAsJsonAsync("/api/focus-areas", new { periodId = year.Id, title = "Trust" })).ReadAsync<FocusAreaDto>();
        (await own.Admin.SendAsync(HttpMethod.Put, $"/api/focus-areas/{area.Id}", new { title = "Trust and safety" }, 1)).EnsureSuccessStatusCode();

        await (await own.Admin.SendAsync(HttpMethod.Put, $"/api/focus-areas/{area.Id}", new { title = "Stale" }, 1))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        await (await own.Admin.SendAsync(HttpMethod.Post, $"/api/focus-areas/{area.Id}/archive", ifMatch: 1))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");

        (await (await own.Admin.GetAsync($"/api/focus-areas/{area.Id}")).ReadAsync<FocusAreaDto>())
            .Should().BeEquivalentTo(new { Title = "Trust and safety", IsArchived = false, Version = 2L });
    }
}
