using Microsoft.EntityFrameworkCore;
using Okr.Application.IntegrationTests.Organizations;
using Okr.Application.KeyResults.Commands.CreateKeyResult;
using Okr.Application.KeyResults.Commands.DeleteKeyResult;
using Okr.Application.KeyResults.Commands.RecordCheckIn;
using Okr.Application.KeyResults.Dtos;
using Okr.Application.Objectives.Commands.AlignObjective;
using Okr.Application.Objectives.Commands.CreateObjective;
using Okr.Application.Objectives.Commands.ObjectiveLifecycle;
using Okr.Application.Objectives.Dtos;
using Okr.Application.OkrGraph.Queries.GetAlignmentGraph;
using Okr.Application.Periods.Commands.ClosePeriod;
using Okr.Application.Periods.Commands.CreatePeriod;
using Okr.Application.Periods.Commands.PeriodLifecycle;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Application.IntegrationTests.Objectives;

/// <summary>
/// Q4 2026 (clock: 22 November 2026). P has key results P1 (done: 1.0) and P2 (0.0); C (0.4) contributes to P through P2:
/// P = (1 + 0 + 0.4) / 3 ≈ 0.47. Once P2 is deleted, the link through it is gone: P = 1.0 (not (1 + 0.4) / 2 = 0.7), and C stays.
/// </summary>
public sealed class DeletedKeyResultAlignmentTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private sealed record World(Guid Q4, ObjectiveDto P, KeyResultDto P2, ObjectiveDto C, Guid AlignmentId);

    private static async Task<World> ArrangeAsync(TestScope test)
    {
        var (_, organization) = await test.FoundAsync();
        var q4 = await test.SendAsync(new CreatePeriod { Name = "Q4 2026", Kind = PeriodKind.Quarter, Start = new(2026, 10, 1), End = new(2026, 12, 31) });
        await test.SendAsync(new ActivatePeriod(q4.Id));

        async Task<ObjectiveDto> Objective(string title) =>
            await test.SendAsync(new CreateObjective { PeriodId = q4.Id, OwningUnitId = organization.CompanyUnitId, Title = title, Type = ObjectiveType.Committed });
        async Task<KeyResultDto> KeyResult(ObjectiveDto objective, string title) =>
            await test.SendAsync(new CreateKeyResult
            {
                ObjectiveId = objective.Id, Title = title, MetricKind = MetricKind.Number, Direction = Direction.Increase, Baseline = 0, Target = 10,
                BaselineMethod = "Dashboard",
            });

        var p = await Objective("Customers love onboarding");
        var p1 = await KeyResult(p, "Activation rises");
        var p2 = await KeyResult(p, "Referrals rise");
        var c = await Objective("Support answers within a day");
        var c1 = await KeyResult(c, "Answered tickets rise");
        await test.SendAsync(new ActivateObjective(p.Id));
        await test.SendAsync(new ActivateObjective(c.Id));
        var alignment = await test.SendAsync(new AlignObjective { Id = c.Id, ParentKeyResultId = p2.Id, Kind = AlignmentKind.Contributes, Weight = 1 });
        await test.SendAsync(new RecordCheckIn { KeyResultId = p1.Id, Value = 10, Confidence = 8, Narrative = "Done." });
        await test.SendAsync(new RecordCheckIn { KeyResultId = c1.Id, Value = 4, Confidence = 6, Narrative = "Weekly update." });
        return new World(q4.Id, p, p2, c, alignment.Id);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Deleting_a_key_result_removes_the_alignments_to_it_with_an_audit_event_and_keeps_the_child(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await ArrangeAsync(test);
        (await test.SendAsync(new GetAlignmentGraph(world.Q4))).Nodes.Single(n => n.Objective.Id == world.P.Id).Objective.Progress
            .Should().BeApproximately(1.4 / 3, 1e-9);

        await test.SendAsync(new DeleteKeyResult(world.P2.Id));

        var (alignments, child) = await test.WithDbAsync(async db => (
            await db.Alignments.IgnoreQueryFilters().CountAsync(),
            await db.Objectives.IgnoreQueryFilters().SingleAsync(o => o.Id == world.C.Id)));
        alignments.Should().Be(0);
        child.State.Should().Be(ObjectiveState.Active);
        var audit = await test.WithDbAsync(db => db.AuditEvents.IgnoreQueryFilters()
            .Where(a => a.Action == nameof(DeleteKeyResult) && a.EntityType == nameof(Alignment)).ToListAsync());
        audit.Should().ContainSingle().Which.Should().BeEquivalentTo(new { EntityId = world.AlignmentId, After = (string?)null });

        var graph = await test.SendAsync(new GetAlignmentGraph(world.Q4));
        graph.Edges.Should().BeEmpty();
        graph.Nodes.Select(n => n.Objective.Id).Should().BeEquivalentTo([world.P.Id, world.C.Id]);
        graph.Nodes.Single(n => n.Objective.Id == world.P.Id).Objective.Progress.Should().Be(1.0);
    }

    /// <summary>Rows left from before deletes removed them: reads and grading ignore a link through a deleted key result.</summary>
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_leftover_alignment_to_a_deleted_key_result_is_neither_counted_drawn_graded_nor_a_duplicate(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await ArrangeAsync(test);
        await test.WithDbAsync(async db =>
        {
            var objective = await db.Objectives.IgnoreQueryFilters().Include(o => o.KeyResults).SingleAsync(o => o.Id == world.P.Id);
            var period = await db.Periods.IgnoreQueryFilters().SingleAsync(p => p.Id == world.Q4);
            objective.KeyResults.Single(k => k.Id == world.P2.Id).Delete(objective, period);
            await db.SaveChangesAsync();
        });

        var graph = await test.SendAsync(new GetAlignmentGraph(world.Q4));
        graph.Edges.Should().BeEmpty();
        var p = graph.Nodes.Single(n => n.Objective.Id == world.P.Id).Objective;
        p.Progress.Should().Be(1.0);
        p.Children.Should().BeEmpty();
        graph.Nodes.Single(n => n.Objective.Id == world.C.Id).Objective.Parents.Should().BeEmpty();

        await test.SendAsync(new StartPeriodReview(world.Q4));
        var closed = await test.SendAsync(new ClosePeriod { Id = world.Q4 });
        closed.Graded.Single(g => g.ObjectiveId == world.P.Id).Grade.Should().Be(1.0);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_leftover_alignment_to_a_deleted_key_result_does_not_block_aligning_to_its_objective(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await ArrangeAsync(test);
        await test.WithDbAsync(async db =>
        {
            var objective = await db.Objectives.IgnoreQueryFilters().Include(o => o.KeyResults).SingleAsync(o => o.Id == world.P.Id);
            var period = await db.Periods.IgnoreQueryFilters().SingleAsync(p => p.Id == world.Q4);
            objective.KeyResults.Single(k => k.Id == world.P2.Id).Delete(objective, period);
            await db.SaveChangesAsync();
        });

        await test.SendAsync(new AlignObjective { Id = world.C.Id, ParentObjectiveId = world.P.Id, Kind = AlignmentKind.Contributes, Weight = 1 });

        var graph = await test.SendAsync(new GetAlignmentGraph(world.Q4));
        graph.Edges.Should().ContainSingle().Which.ParentKeyResultId.Should().BeNull();
        graph.Nodes.Single(n => n.Objective.Id == world.P.Id).Objective.Progress.Should().BeApproximately(0.7, 1e-9);
    }
}
