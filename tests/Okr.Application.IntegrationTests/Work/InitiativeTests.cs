using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Initiatives.Commands.ChangeInitiativeStatus;
using Okr.Application.Initiatives.Commands.CreateInitiative;
using Okr.Application.Initiatives.Commands.InitiativeKeyResults;
using Okr.Application.Initiatives.Commands.UpdateInitiative;
using Okr.Application.Initiatives.Dtos;
using Okr.Application.Initiatives.Queries.GetInitiative;
using Okr.Domain.Common;
using Okr.Domain.Work;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Application.IntegrationTests.Work;

public sealed class InitiativeTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private static CreateInitiative Plan(Guid? unitId, params Guid[] keyResultIds) => new()
    {
        Title = "Guided onboarding tour for CMOs",
        Description = "A five-step tour on first sign-in.",
        UnitId = unitId,
        StartDate = new DateOnly(2026, 11, 1),
        DueDate = new DateOnly(2026, 12, 15),
        External = new ExternalReferenceDto("Jira", "PM-321", "https://acme.atlassian.net/browse/PM-321"),
        KeyResultIds = keyResultIds,
    };

    private static UpdateInitiative Edit(InitiativeDto initiative, string title) => new()
    {
        Id = initiative.Id, Title = title, Description = initiative.Description, OwnerId = initiative.OwnerId, UnitId = initiative.UnitId,
        StartDate = initiative.StartDate, DueDate = initiative.DueDate, External = initiative.External,
    };

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Planning_an_initiative_links_its_key_results_and_is_audited_in_the_same_transaction(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        world.ActAs("lead");

        var created = await test.SendAsync(Plan(world.Unit("Product Management"), world.CompanyKeyResultId) with { OwnerId = world.Person("nina") });

        created.Version.Should().Be(1);
        created.Status.Should().Be(InitiativeStatus.Planned);
        created.KeyResultIds.Should().Equal(world.CompanyKeyResultId);
        created.External.Should().Be(new ExternalReferenceDto("Jira", "PM-321", "https://acme.atlassian.net/browse/PM-321"));
        var links = await test.WithDbAsync(db => db.InitiativeKeyResults.IgnoreQueryFilters().Where(l => l.InitiativeId == created.Id).ToListAsync());
        links.Should().ContainSingle().Which.KeyResultId.Should().Be(world.CompanyKeyResultId);
        var audit = await test.WithDbAsync(db => db.AuditEvents.IgnoreQueryFilters().Where(a => a.Action == nameof(CreateInitiative)).ToListAsync());
        audit.Select(a => a.EntityType).Should().BeEquivalentTo(["Initiative", "Initiative.External", "InitiativeKeyResult"]);
        audit.Should().OnlyContain(a => a.ActorPersonId == world.Person("lead") && a.OrganizationId == world.OrganizationId);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Linking_a_key_result_the_caller_cannot_see_is_refused_naming_the_field_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        var (_, hidden) = await world.RestrictedKeyResultAsync();
        var before = await test.WithDbAsync(db => db.Initiatives.IgnoreQueryFilters().CountAsync());
        world.ActAs("sam");

        var plan = () => test.SendAsync(Plan(world.Unit("Global Sales"), world.CompanyKeyResultId, hidden));

        (await plan.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "KeyResultIds");
        (await test.WithDbAsync(db => db.Initiatives.IgnoreQueryFilters().CountAsync())).Should().Be(before);
        (await test.WithDbAsync(db => db.AuditEvents.IgnoreQueryFilters().CountAsync(a => a.Action == nameof(CreateInitiative)))).Should().Be(0);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Only_those_who_can_draft_in_the_unit_plan_its_work_and_anyone_plans_work_of_no_unit(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);

        world.ActAs("member");
        var refused = () => test.SendAsync(Plan(world.Unit("Global Sales")));
        await refused.Should().ThrowAsync<ForbiddenException>();
        (await test.SendAsync(Plan(world.Unit("Product Engineering")))).UnitId.Should().Be(world.Unit("Product Engineering"));
        var unitless = await test.SendAsync(Plan(null));

        world.ActAs("sam");
        (await test.SendAsync(new ChangeInitiativeStatus { Id = unitless.Id, Status = InitiativeStatus.InProgress })).Status
            .Should().Be(InitiativeStatus.InProgress, "work of no unit is anyone's to move");
        var intoForeignUnit = () => test.SendAsync(Edit(unitless, "Moved") with { UnitId = world.Unit("Product Engineering") });
        await intoForeignUnit.Should().ThrowAsync<ForbiddenException>("sam cannot plan work for Product Engineering");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_owner_may_always_edit_and_change_status_while_other_members_are_refused(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        world.ActAs("lead");
        var initiative = await test.SendAsync(Plan(world.Unit("Product Management")) with { OwnerId = world.Person("sam") });

        world.ActAs("sam");
        var started = await test.SendAsync(new ChangeInitiativeStatus { Id = initiative.Id, Status = InitiativeStatus.InProgress });
        var renamed = await test.SendAsync(Edit(started, "Guided tour, CMO edition"));
        renamed.Title.Should().Be("Guided tour, CMO edition");
        renamed.Version.Should().Be(3);

        foreach (var outsider in new[] { "jorge", "member" })
        {
            world.ActAs(outsider);
            var status = () => test.SendAsync(new ChangeInitiativeStatus { Id = initiative.Id, Status = InitiativeStatus.Done });
            await status.Should().ThrowAsync<ForbiddenException>($"{outsider} neither owns the initiative nor can draft in Product Management");
            var edit = () => test.SendAsync(Edit(renamed, "Hijacked"));
            await edit.Should().ThrowAsync<ForbiddenException>();
        }

        world.ActAs("admin");
        (await test.SendAsync(new ChangeInitiativeStatus { Id = initiative.Id, Status = InitiativeStatus.Blocked })).Status.Should().Be(InitiativeStatus.Blocked);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_key_result_is_linked_once_and_unlinked_and_each_change_moves_the_version(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        world.ActAs("lead");
        var initiative = await test.SendAsync(Plan(world.Unit("Product Management")));
        var other = world.Demo.Objectives.Single(o => o.Id == world.CompanyObjectiveId).KeyResults.OrderBy(k => k.SortOrder).Last().Id;

        var linked = await test.SendAsync(new LinkInitiativeToKeyResult { Id = initiative.Id, KeyResultId = other, ExpectedVersion = 1 });
        linked.KeyResultIds.Should().Equal(other);
        linked.Version.Should().Be(2);

        var twice = () => test.SendAsync(new LinkInitiativeToKeyResult { Id = initiative.Id, KeyResultId = other });
        (await twice.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("initiative.already_linked");
        var unknown = () => test.SendAsync(new LinkInitiativeToKeyResult { Id = initiative.Id, KeyResultId = Guid.NewGuid() });
        (await unknown.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "KeyResultId");

        var unlinked = await test.SendAsync(new UnlinkInitiativeFromKeyResult(initiative.Id, other, 2));
        unlinked.KeyResultIds.Should().BeEmpty();
        unlinked.Version.Should().Be(3);
        var again = () => test.SendAsync(new UnlinkInitiativeFromKeyResult(initiative.Id, other));
        await again.Should().ThrowAsync<NotFoundException>();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Links_to_key_results_the_caller_cannot_see_are_neither_shown_nor_removable_by_them(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        var (_, hidden) = await world.RestrictedKeyResultAsync();
        var initiative = await test.SendAsync(Plan(null, world.CompanyKeyResultId, hidden));
        initiative.KeyResultIds.Should().BeEquivalentTo([world.CompanyKeyResultId, hidden], "its author sees both");

        world.ActAs("sam");
        (await test.SendAsync(new GetInitiative(initiative.Id))).KeyResultIds.Should().Equal(world.CompanyKeyResultId);
        var unlink = () => test.SendAsync(new UnlinkInitiativeFromKeyResult(initiative.Id, hidden));
        await unlink.Should().ThrowAsync<NotFoundException>();

        world.ActAs("lead");
        (await test.SendAsync(new GetInitiative(initiative.Id))).KeyResultIds.Should().HaveCount(2, "the lead above Product Engineering sees the restricted one");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_stale_version_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        world.ActAs("lead");
        var initiative = await test.SendAsync(Plan(world.Unit("Product Management")));
        await test.SendAsync(Edit(initiative, "First edit") with { ExpectedVersion = 1 });

        var stale = () => test.SendAsync(Edit(initiative, "From an old copy") with { ExpectedVersion = 1 });
        var staleStatus = () => test.SendAsync(new ChangeInitiativeStatus { Id = initiative.Id, Status = InitiativeStatus.Done, ExpectedVersion = 1 });

        await stale.Should().ThrowAsync<ConcurrencyException>();
        await staleStatus.Should().ThrowAsync<ConcurrencyException>();
        var current = await test.SendAsync(new GetInitiative(initiative.Id));
        current.Title.Should().Be("First edit");
        current.Status.Should().Be(InitiativeStatus.Planned);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_external_reference_is_replaced_and_cleared_and_each_change_is_audited(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        world.ActAs("lead");
        var initiative = await test.SendAsync(Plan(world.Unit("Product Management")));

        var moved = await test.SendAsync(Edit(initiative, initiative.Title) with { External = new ExternalReferenceDto("GitHub", "acme/web#42", null) });
        moved.External.Should().Be(new ExternalReferenceDto("GitHub", "acme/web#42", null));
        var cleared = await test.SendAsync(Edit(moved, moved.Title) with { External = null });
        cleared.External.Should().BeNull();
        cleared.Version.Should().Be(3);

        (await test.SendAsync(new GetInitiative(initiative.Id))).External.Should().BeNull();
        var audit = await test.WithDbAsync(db => db.AuditEvents.IgnoreQueryFilters()
            .Where(a => a.Action == nameof(UpdateInitiative)).OrderBy(a => a.At).ToListAsync());
        audit.Where(a => a.After != null && a.After.Contains("acme/web#42", StringComparison.Ordinal)).Should().NotBeEmpty("the new reference is in the trail");
        audit.Where(a => a.Before != null && a.Before.Contains("acme/web#42", StringComparison.Ordinal)).Should().NotBeEmpty("so is its removal");
    }
}
