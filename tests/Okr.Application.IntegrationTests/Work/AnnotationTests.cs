using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Annotations.Commands.CreateAnnotation;
using Okr.Application.Annotations.Commands.DeleteAnnotation;
using Okr.Application.Annotations.Commands.UpdateAnnotation;
using Okr.Application.Annotations.Dtos;
using Okr.Application.Annotations.Queries.GetAnnotation;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Work;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Application.IntegrationTests.Work;

public sealed class AnnotationTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private static DateOnly Today(TestScope test) => ((IClock)test.Clock).Today;

    private static Guid AnyKpi(DemoWorld world) => world.Demo.Kpis[0].Id;

    private static CreateAnnotation Note(TestScope test, IReadOnlyList<Guid> keyResultIds, IReadOnlyList<Guid> kpiIds) => new()
    {
        Date = Today(test).AddDays(-2), Text = "New password-reset flow shipped", Kind = AnnotationKind.Change,
        KeyResultIds = keyResultIds, KpiIds = kpiIds,
    };

    private static UpdateAnnotation Edit(AnnotationDto annotation) => new()
    {
        Id = annotation.Id, Date = annotation.Date, Text = annotation.Text, Kind = annotation.Kind, KeyResultIds = annotation.KeyResultIds, KpiIds = annotation.KpiIds,
    };

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Any_member_notes_a_change_on_key_results_and_kpis_they_can_see_and_it_is_audited(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        world.ActAs("jorge");

        var created = await test.SendAsync(Note(test, [world.CompanyKeyResultId], [AnyKpi(world)]));

        created.AuthorId.Should().Be(world.Person("jorge"));
        created.KeyResultIds.Should().Equal(world.CompanyKeyResultId);
        created.KpiIds.Should().Equal(AnyKpi(world));
        created.Version.Should().Be(1);
        var audit = await test.WithDbAsync(db => db.AuditEvents.IgnoreQueryFilters().Where(a => a.Action == nameof(CreateAnnotation)).ToListAsync());
        audit.Select(a => a.EntityType).Should().BeEquivalentTo(["Annotation", "AnnotationTarget", "AnnotationTarget"]);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Targets_must_exist_be_visible_and_be_at_least_one_and_the_date_must_have_happened(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        var (_, hidden) = await world.RestrictedKeyResultAsync();
        world.ActAs("sam");
        var before = await test.WithDbAsync(db => db.Annotations.IgnoreQueryFilters().CountAsync());

        var onHidden = () => test.SendAsync(Note(test, [world.CompanyKeyResultId, hidden], []));
        var unknownKpi = () => test.SendAsync(Note(test, [], [Guid.NewGuid()]));
        var nothing = () => test.SendAsync(Note(test, [], []));
        var future = () => test.SendAsync(Note(test, [world.CompanyKeyResultId], []) with { Date = Today(test).AddDays(3) });
        var emptyText = () => test.SendAsync(Note(test, [world.CompanyKeyResultId], []) with { Text = " " });

        (await onHidden.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "KeyResultIds");
        (await unknownKpi.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "KpiIds");
        (await nothing.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "KeyResultIds");
        (await future.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "Date");
        (await emptyText.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "Text");
        (await test.WithDbAsync(db => db.Annotations.IgnoreQueryFilters().CountAsync())).Should().Be(before);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_note_on_a_restricted_objective_is_hidden_from_outsiders_and_its_hidden_targets_are_not_listed(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        var (_, hidden) = await world.RestrictedKeyResultAsync();
        var onlyHidden = await test.SendAsync(Note(test, [hidden], []));
        var mixed = await test.SendAsync(Note(test, [hidden], [AnyKpi(world)]));

        world.ActAs("sam");
        var read = () => test.SendAsync(new GetAnnotation(onlyHidden.Id));
        await read.Should().ThrowAsync<NotFoundException>();
        var seen = await test.SendAsync(new GetAnnotation(mixed.Id));
        seen.KeyResultIds.Should().BeEmpty();
        seen.KpiIds.Should().Equal(AnyKpi(world));

        world.ActAs("lead");
        (await test.SendAsync(new GetAnnotation(onlyHidden.Id))).KeyResultIds.Should().Equal(hidden);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Only_the_author_and_admins_edit_or_delete_and_targets_the_author_no_longer_sees_are_kept(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        var (_, hidden) = await world.RestrictedKeyResultAsync();
        var annotation = await test.SendAsync(Note(test, [hidden], [AnyKpi(world)]));

        world.ActAs("lead");
        var byLead = () => test.SendAsync(Edit(annotation) with { Text = "Rewritten by the lead" });
        await byLead.Should().ThrowAsync<ForbiddenException>("leads do not edit other people's notes");
        var deleteByLead = () => test.SendAsync(new DeleteAnnotation(annotation.Id));
        await deleteByLead.Should().ThrowAsync<ForbiddenException>();

        // Morgan leaves Product Engineering: the restricted key result is out of sight, but stays on the note.
        await test.WithDbAsync(async db =>
        {
            var unit = await db.OrgUnits.IgnoreQueryFilters().SingleAsync(u => u.Id == world.Unit("Product Engineering"));
            unit.RemoveMember(world.Person("member"));
            await db.SaveChangesAsync();
        });
        world.ActAs("member");
        var edited = await test.SendAsync(Edit(annotation) with { Text = "Shipped to everyone", KeyResultIds = [world.CompanyKeyResultId], ExpectedVersion = 1 });
        edited.KeyResultIds.Should().Equal(world.CompanyKeyResultId);
        var targets = await test.WithDbAsync(db => db.AnnotationTargets.IgnoreQueryFilters().Where(t => t.AnnotationId == annotation.Id).ToListAsync());
        targets.Select(t => t.KeyResultId).OfType<Guid>().Should().BeEquivalentTo([world.CompanyKeyResultId, hidden]);

        var stale = () => test.SendAsync(new DeleteAnnotation(annotation.Id, 1));
        await stale.Should().ThrowAsync<ConcurrencyException>();

        world.ActAs("admin");
        await test.SendAsync(new DeleteAnnotation(annotation.Id, edited.Version));
        var gone = () => test.SendAsync(new GetAnnotation(annotation.Id));
        await gone.Should().ThrowAsync<NotFoundException>();
        (await test.WithDbAsync(db => db.AnnotationTargets.IgnoreQueryFilters().CountAsync(t => t.AnnotationId == annotation.Id))).Should().Be(0);
    }
}
