using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.Kpis.Dtos;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>/api/kpis as a tool drives them: definitions, dated values, links to key results.</summary>
[Collection(ApiTests.Name)]
public sealed class KpiTests(ApiFixture fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(FakeClock.DefaultNow.UtcDateTime);

    private static object Watch(Demo demo, string unit, string name = "Onboarding tickets per week") => new
    {
        name, description = "Tickets tagged onboarding", unit = "tickets", owningUnitId = demo.Units[unit], direction = "LOWER_IS_BETTER",
        healthyMin = 0, healthyMax = 40,
    };

    private static object Fields(KpiDto k, string name) => new
    {
        name, k.Description, k.Unit, k.OwningUnitId, direction = JsonNamingPolicy.SnakeCaseUpper.ConvertName(k.Direction.ToString()), k.HealthyMin, k.HealthyMax,
    };

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_lead_watches_a_kpi_records_values_links_it_and_reads_it_back(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");
        var (_, keyResult) = await lead.OwnKeyResultAsync(demo, "Product Management");

        var created = await lead.PostAsJsonAsync("/api/kpis", Watch(demo, "Product Management"));
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var kpi = await created.ReadAsync<KpiDto>();
        created.Headers.Location!.ToString().Should().Be($"/api/kpis/{kpi.Id}");
        created.Headers.ETag!.Tag.Should().Be("\"1\"");
        kpi.RecentValues.Should().BeEmpty();

        var recorded = await lead.PostAsJsonAsync($"/api/kpis/{kpi.Id}/values", new { date = Today.AddDays(-7), value = 52, source = "Zendesk" });
        recorded.StatusCode.Should().Be(HttpStatusCode.Created);
        var value = await recorded.ReadAsync<KpiValueDto>();
        recorded.Headers.Location!.ToString().Should().Be($"/api/kpis/{kpi.Id}/values/{value.Id}");
        value.IsHealthy.Should().BeFalse();
        (await (await lead.GetAsync(recorded.Headers.Location)).ReadAsync<KpiValueDto>()).Should().Be(value);
        (await lead.PostAsJsonAsync($"/api/kpis/{kpi.Id}/values", new { date = Today, value = 31.5, source = "Zendesk" })).EnsureSuccessStatusCode();

        var read = await lead.GetAsync($"/api/kpis/{kpi.Id}");
        read.Headers.ETag!.Tag.Should().Be("\"3\"", "each value moves the KPI's version");
        var reread = await read.ReadAsync<KpiDto>();
        reread.RecentValues.Select(v => (v.Date, v.Value, v.IsHealthy)).Should().Equal((Today.AddDays(-7), 52m, false), (Today, 31.5m, true));

        var linked = await lead.SendJsonAsync(HttpMethod.Post, $"/api/kpis/{kpi.Id}/key-results", new { keyResultId = keyResult.Id }, "\"3\"");
        (await linked.ReadAsync<KpiDto>()).KeyResultIds.Should().Equal(keyResult.Id);
        linked.Headers.ETag!.Tag.Should().Be("\"4\"");
        await (await lead.PostAsJsonAsync($"/api/kpis/{kpi.Id}/key-results", new { keyResultId = keyResult.Id }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "kpi.already_linked");

        var edited = await lead.SendJsonAsync(HttpMethod.Put, $"/api/kpis/{kpi.Id}", Fields(reread, "CMO onboarding tickets per week"), "\"4\"");
        (await edited.ReadAsync<KpiDto>()).Name.Should().Be("CMO onboarding tickets per week");
        edited.Headers.ETag!.Tag.Should().Be("\"5\"");

        var unlinked = await lead.SendJsonAsync(HttpMethod.Delete, $"/api/kpis/{kpi.Id}/key-results/{keyResult.Id}", null, "\"5\"");
        (await unlinked.ReadAsync<KpiDto>()).KeyResultIds.Should().BeEmpty();
        await (await lead.DeleteAsync($"/api/kpis/{kpi.Id}/key-results/{keyResult.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Invalid_fields_and_absurd_numbers_are_validation_problems_and_write_nothing(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");

        await (await lead.PostAsJsonAsync("/api/kpis", new
        {
            name = "", owningUnitId = Guid.Empty, healthyMin = 50, healthyMax = 10, unit = new string('u', 65),
        })).ShouldNameFieldsAsync("name", "owningUnitId", "healthyMax", "unit");
        // An enumeration is one of its names, never a number.
        await (await lead.PostAsJsonAsync("/api/kpis", new { name = "Numbered", owningUnitId = demo.Units["Product Management"], direction = 1 }))
            .ShouldNameFieldsAsync("direction");
        await (await lead.PostAsJsonAsync("/api/kpis", new { name = "Huge", owningUnitId = demo.Units["Product Management"], healthyMax = 1e15 }))
            .ShouldNameFieldsAsync("healthyMax");

        var kpi = await (await lead.PostAsJsonAsync("/api/kpis", Watch(demo, "Product Management"))).ReadAsync<KpiDto>();
        await (await lead.PostAsJsonAsync($"/api/kpis/{kpi.Id}/values", new { date = Today.AddDays(5), value = 1e13 }))
            .ShouldNameFieldsAsync("date", "value");
        var notANumber = await lead.PostAsync($"/api/kpis/{kpi.Id}/values",
            new StringContent($$"""{"date":"{{Today:yyyy-MM-dd}}","value":"NaN"}""", Encoding.UTF8, "application/json"));
        await notANumber.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        var tooBig = await lead.PostAsync($"/api/kpis/{kpi.Id}/values",
            new StringContent($$"""{"date":"{{Today:yyyy-MM-dd}}","value":1e400}""", Encoding.UTF8, "application/json"));
        await tooBig.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");

        (await (await lead.GetAsync($"/api/kpis/{kpi.Id}")).ReadAsync<KpiDto>()).RecentValues.Should().BeEmpty();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_unknown_kpi_is_a_404(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        using var lead = await host.SignedInAsync("lead@acme.test");
        var id = Guid.NewGuid();

        await (await lead.GetAsync($"/api/kpis/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await lead.PutAsJsonAsync($"/api/kpis/{id}", new { name = "x", owningUnitId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await lead.PostAsJsonAsync($"/api/kpis/{id}/values", new { date = Today, value = 1 })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await lead.GetAsync($"/api/kpis/{id}/values/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await lead.PostAsJsonAsync($"/api/kpis/{id}/key-results", new { keyResultId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Only_the_owning_units_members_and_the_leads_over_it_manage_a_kpi(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var member = await host.SignedInAsync("member@acme.test");
        using var sam = await host.SignedInAsync("sam@acme.test");
        using var lead = await host.SignedInAsync("lead@acme.test");

        await (await member.PostAsJsonAsync("/api/kpis", Watch(demo, "Marketing"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await lead.PostAsJsonAsync("/api/kpis", Watch(demo, "Global Sales"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        var kpi = await (await lead.PostAsJsonAsync("/api/kpis", Watch(demo, "Product Management"))).ReadAsync<KpiDto>();

        foreach (var outsider in new[] { member, sam })
        {
            await (await outsider.PutAsJsonAsync($"/api/kpis/{kpi.Id}", Fields(kpi, "Renamed"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await outsider.PostAsJsonAsync($"/api/kpis/{kpi.Id}/values", new { date = Today, value = 1 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await outsider.PostAsJsonAsync($"/api/kpis/{kpi.Id}/key-results", new { keyResultId = demo.CompanyKeyResultIds[0] }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
        (await sam.GetAsync($"/api/kpis/{kpi.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, "every member sees every KPI");
        (await member.PostAsJsonAsync("/api/kpis", Watch(demo, "Product Engineering"))).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Another_organisations_kpi_is_a_404(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");
        var kpi = await (await lead.PostAsJsonAsync("/api/kpis", Watch(demo, "Product Management"))).ReadAsync<KpiDto>();
        var value = await (await lead.PostAsJsonAsync($"/api/kpis/{kpi.Id}/values", new { date = Today, value = 12 })).ReadAsync<KpiValueDto>();
        using var outsider = await host.OutsiderAsync();

        await (await outsider.GetAsync($"/api/kpis/{kpi.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.GetAsync($"/api/kpis/{kpi.Id}/values/{value.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.PutAsJsonAsync($"/api/kpis/{kpi.Id}", Fields(kpi, "Mine"))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.PostAsJsonAsync($"/api/kpis/{kpi.Id}/values", new { date = Today, value = 1 })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.PostAsJsonAsync("/api/kpis", Watch(demo, "Product Management"))).ShouldNameFieldsAsync("owningUnitId");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_stale_If_Match_is_a_412_and_changes_nothing(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await Demo.LoadAsync(host);
        using var lead = await host.SignedInAsync("lead@acme.test");
        var kpi = await (await lead.PostAsJsonAsync("/api/kpis", Watch(demo, "Product Management"))).ReadAsync<KpiDto>();
        (await lead.PostAsJsonAsync($"/api/kpis/{kpi.Id}/values", new { date = Today, value = 12 })).EnsureSuccessStatusCode();

        var stale = await lead.SendJsonAsync(HttpMethod.Put, $"/api/kpis/{kpi.Id}", Fields(kpi, "From before the new value"), "\"1\"");

        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        (await (await lead.GetAsync($"/api/kpis/{kpi.Id}")).ReadAsync<KpiDto>()).Name.Should().Be("Onboarding tickets per week");
        await (await lead.SendJsonAsync(HttpMethod.Put, $"/api/kpis/{kpi.Id}", Fields(kpi, "x"), "\"v7\""))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
    }
}
