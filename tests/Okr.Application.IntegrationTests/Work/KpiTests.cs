using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Kpis.Commands.CreateKpi;
using Okr.Application.Kpis.Commands.KpiKeyResults;
using Okr.Application.Kpis.Commands.RecordKpiValue;
using Okr.Application.Kpis.Commands.UpdateKpi;
using Okr.Application.Kpis.Dtos;
using Okr.Application.Kpis.Queries.GetKpi;
using Okr.Domain.Common;
using Okr.Domain.KeyResults;
using Okr.Domain.Work;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Application.IntegrationTests.Work;

public sealed class KpiTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private static DateOnly Today(TestScope test) => ((IClock)test.Clock).Today;

    private static CreateKpi Watch(Guid unitId) => new()
    {
        Name = "Onboarding tickets per week", Unit = "tickets", OwningUnitId = unitId, Direction = KpiDirection.LowerIsBetter,
        HealthyMin = 0, HealthyMax = 40,
    };

    private static UpdateKpi Edit(KpiDto kpi) => new()
    {
        Id = kpi.Id, Name = kpi.Name, Description = kpi.Description, Unit = kpi.Unit, OwningUnitId = kpi.OwningUnitId, Direction = kpi.Direction,
        HealthyMin = kpi.HealthyMin, HealthyMax = kpi.HealthyMax,
    };

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_kpi_shows_its_latest_52_values_oldest_first_with_their_health(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        world.ActAs("lead");
        var kpi = await test.SendAsync(Watch(world.Unit("Product Management")));
        var today = Today(test);
        // A year and more of weekly history, straight into the table; the last values through the command.
        await test.WithDbAsync(async db =>
        {
            var tracked = await db.Kpis.IgnoreQueryFilters().SingleAsync(k => k.Id == kpi.Id);
            for (var week = 60; week >= 3; week--)
                tracked.RecordValue(today.AddDays(-7 * week), 30, "Zendesk", test.Clock.UtcNow);
            await db.SaveChangesAsync();
        });
        var lastWeek = await test.SendAsync(new RecordKpiValue { KpiId = kpi.Id, Date = today.AddDays(-7), Value = 55, Source = "Zendesk" });
        var recorded = await test.SendAsync(new RecordKpiValue { KpiId = kpi.Id, Date = today, Value = 38.5m, Source = "Zendesk" });

        var read = await test.SendAsync(new GetKpi(kpi.Id));

        read.RecentValues.Should().HaveCount(KpiDto.RecentValueCount);
        read.RecentValues.Select(v => v.Date).Should().BeInAscendingOrder();
        read.RecentValues[^1].Should().Be(recorded);
        read.RecentValues[^2].Id.Should().Be(lastWeek.Id);
        read.RecentValues[^2].IsHealthy.Should().BeFalse("55 is above the healthy band");
        recorded.IsHealthy.Should().BeTrue();
        read.RecentValues[0].Date.Should().Be(today.AddDays(-7 * 52));
        read.Version.Should().Be(kpi.Version + 3, "each recording moves the KPI's version");
        (await test.SendAsync(new GetKpiValue(kpi.Id, recorded.Id))).Should().Be(recorded);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_value_in_the_future_or_of_absurd_size_is_refused_naming_the_field(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        world.ActAs("lead");
        var kpi = await test.SendAsync(Watch(world.Unit("Product Management")));

        var tomorrow = await test.SendAsync(new RecordKpiValue { KpiId = kpi.Id, Date = Today(test).AddDays(1), Value = 1 });
        var future = () => test.SendAsync(new RecordKpiValue { KpiId = kpi.Id, Date = Today(test).AddDays(2), Value = 1 });
        var huge = () => test.SendAsync(new RecordKpiValue { KpiId = kpi.Id, Date = Today(test), Value = Measure.MaxMagnitude * 10 });
        var longSource = () => test.SendAsync(new RecordKpiValue { KpiId = kpi.Id, Date = Today(test), Value = 1, Source = new string('x', TextLimits.Name + 1) });

        tomorrow.Date.Should().Be(Today(test).AddDays(1), "one day of slack for callers ahead of UTC");
        (await future.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "Date");
        (await huge.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "Value");
        (await longSource.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "Source");
        (await test.WithDbAsync(db => db.KpiValues.IgnoreQueryFilters().CountAsync(v => v.KpiId == kpi.Id))).Should().Be(1);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_inverted_healthy_band_is_refused_naming_its_maximum(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        world.ActAs("lead");

        var inverted = () => test.SendAsync(Watch(world.Unit("Product Management")) with { HealthyMin = 50, HealthyMax = 10 });

        (await inverted.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "HealthyMax");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Only_the_owning_units_members_and_the_leads_over_it_manage_a_kpi(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        world.ActAs("member");
        var engineering = await test.SendAsync(Watch(world.Unit("Product Engineering")));
        var foreignUnit = () => test.SendAsync(Watch(world.Unit("Global Sales")));
        await foreignUnit.Should().ThrowAsync<ForbiddenException>();
        var handOver = () => test.SendAsync(Edit(engineering) with { OwningUnitId = world.Unit("Global Sales") });
        await handOver.Should().ThrowAsync<ForbiddenException>("the member cannot give the KPI to a unit they are not in");

        world.ActAs("sam");
        var edit = () => test.SendAsync(Edit(engineering) with { Name = "Renamed by sales" });
        await edit.Should().ThrowAsync<ForbiddenException>();
        var record = () => test.SendAsync(new RecordKpiValue { KpiId = engineering.Id, Date = Today(test), Value = 3 });
        await record.Should().ThrowAsync<ForbiddenException>();
        var link = () => test.SendAsync(new LinkKpiToKeyResult { Id = engineering.Id, KeyResultId = world.CompanyKeyResultId });
        await link.Should().ThrowAsync<ForbiddenException>();

        world.ActAs("lead");
        (await test.SendAsync(Edit(engineering) with { Name = "Engineering onboarding tickets" })).Name
            .Should().Be("Engineering onboarding tickets", "Product Engineering is below the lead's Product Management");
        (await test.SendAsync(new GetKpi(engineering.Id))).Version.Should().Be(2);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_kpi_links_to_key_results_the_caller_can_see_once_each(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        var (_, hidden) = await world.RestrictedKeyResultAsync();
        world.ActAs("sam");
        var kpi = await test.SendAsync(Watch(world.Unit("Global Sales")));

        var linked = await test.SendAsync(new LinkKpiToKeyResult { Id = kpi.Id, KeyResultId = world.CompanyKeyResultId, ExpectedVersion = kpi.Version });
        var twice = () => test.SendAsync(new LinkKpiToKeyResult { Id = kpi.Id, KeyResultId = world.CompanyKeyResultId });
        var toHidden = () => test.SendAsync(new LinkKpiToKeyResult { Id = kpi.Id, KeyResultId = hidden });
        var stale = () => test.SendAsync(new UnlinkKpiFromKeyResult(kpi.Id, world.CompanyKeyResultId, kpi.Version));

        linked.KeyResultIds.Should().Equal(world.CompanyKeyResultId);
        (await twice.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("kpi.already_linked");
        (await toHidden.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "KeyResultId");
        await stale.Should().ThrowAsync<ConcurrencyException>();
        (await test.SendAsync(new UnlinkKpiFromKeyResult(kpi.Id, world.CompanyKeyResultId, linked.Version))).KeyResultIds.Should().BeEmpty();
        var notLinked = () => test.SendAsync(new UnlinkKpiFromKeyResult(kpi.Id, world.CompanyKeyResultId));
        await notLinked.Should().ThrowAsync<NotFoundException>();
    }
}
