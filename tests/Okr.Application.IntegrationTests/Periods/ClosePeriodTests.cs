using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Okr.Application.IntegrationTests.Organizations;
using Okr.Application.KeyResults.Commands.CreateKeyResult;
using Okr.Application.KeyResults.Commands.OverrideKeyResultGrade;
using Okr.Application.KeyResults.Commands.RecordCheckIn;
using Okr.Application.KeyResults.Dtos;
using Okr.Application.Objectives.Commands.AlignObjective;
using Okr.Application.Objectives.Commands.CreateObjective;
using Okr.Application.Objectives.Commands.ObjectiveLifecycle;
using Okr.Application.Objectives.Commands.OverrideObjectiveGrade;
using Okr.Application.Objectives.Dtos;
using Okr.Application.OkrGraph.Queries.GetObjectiveViews;
using Okr.Application.Periods.Commands.ClosePeriod;
using Okr.Application.Periods.Commands.CreatePeriod;
using Okr.Application.Periods.Commands.PeriodLifecycle;
using Okr.Domain.Common;
using Okr.Domain.Computations;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Application.IntegrationTests.Periods;

/// <summary>
/// Closing Q4 2026 (clock: 22 November 2026). A: committed, key results at 0.5 (weight 1) and 0.8 (weight 3) → 0.725 → 0.73.
/// B: aspirational, a done milestone (1.0) and a decrease from 40 to 20 now at 30 (0.5), plus its contributing child C
/// at 0.3 → (1 + 0.5 + 0.3) / 3 = 0.6. D: a draft.
/// </summary>
public sealed class ClosePeriodTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private sealed record World(Guid Q4, Guid Q1, Guid Q3, ObjectiveDto A, ObjectiveDto B, ObjectiveDto C, ObjectiveDto D, IReadOnlyList<KeyResultDto> KeyResults);

    private static async Task<World> ArrangeAsync(TestScope test, bool startReview = true)
    {
        var (_, organization) = await test.FoundAsync();
        var company = organization.CompanyUnitId;
        var q3 = await test.SendAsync(new CreatePeriod { Name = "Q3 2026", Kind = PeriodKind.Quarter, Start = new(2026, 7, 1), End = new(2026, 9, 30) });
        var q4 = await test.SendAsync(new CreatePeriod { Name = "Q4 2026", Kind = PeriodKind.Quarter, Start = new(2026, 10, 1), End = new(2026, 12, 31) });
        var q1 = await test.SendAsync(new CreatePeriod { Name = "Q1 2027", Kind = PeriodKind.Quarter, Start = new(2027, 1, 1), End = new(2027, 3, 31) });
        await test.SendAsync(new ActivatePeriod(q4.Id));

        async Task<ObjectiveDto> Objective(string title, ObjectiveType type) =>
            await test.SendAsync(new CreateObjective { PeriodId = q4.Id, OwningUnitId = company, Title = title, Type = type });
        async Task<KeyResultDto> KeyResult(ObjectiveDto objective, string title, MetricKind kind, Direction direction, decimal? baseline, decimal? target,
            decimal weight = 1) =>
            await test.SendAsync(new CreateKeyResult
            {
                ObjectiveId = objective.Id, Title = title, MetricKind = kind, Direction = direction, Baseline = baseline, Target = target, Weight = weight,
                BaselineMethod = "Dashboard",
            });
        async Task CheckIn(KeyResultDto keyResult, decimal value) =>
            await test.SendAsync(new RecordCheckIn { KeyResultId = keyResult.Id, Value = value, Confidence = 6, Narrative = "Weekly update." });

        var a = await Objective("Customers love onboarding", ObjectiveType.Committed);
        var a1 = await KeyResult(a, "Activation rises", MetricKind.Number, Direction.Increase, 0, 100);
        var a2 = await KeyResult(a, "Weekly users rise", MetricKind.Number, Direction.Increase, 10, 20, weight: 3);
        var b = await Objective("Be the easiest tool to buy", ObjectiveType.Aspirational);
        var b1 = await KeyResult(b, "Self-serve checkout", MetricKind.Milestone, Direction.Increase, null, null);
        var b2 = await KeyResult(b, "Checkout abandonment falls", MetricKind.Number, Direction.Decrease, 40, 20);
        var c = await Objective("Sales answers within a day", ObjectiveType.Committed);
        var c1 = await KeyResult(c, "Answered leads rise", MetricKind.Number, Direction.Increase, 0, 10);
        var d = await Objective("Someday maybe", ObjectiveType.Committed);
        await KeyResult(d, "Something rises", MetricKind.Number, Direction.Increase, 0, 10);
        foreach (var objective in new[] { a, b, c })
            await test.SendAsync(new ActivateObjective(objective.Id));
        await test.SendAsync(new AlignObjective { Id = c.Id, ParentObjectiveId = b.Id, Kind = AlignmentKind.Contributes, Weight = 1 });

        await CheckIn(a1, 50);
        await CheckIn(a2, 18);
        await CheckIn(b1, 1);
        await CheckIn(b2, 30);
        await CheckIn(c1, 3);
        if (startReview)
            await test.SendAsync(new StartPeriodReview(q4.Id));
        return new World(q4.Id, q1.Id, q3.Id, a, b, c, d, [a1, a2, b1, b2, c1]);
    }

    /// <summary>An objective of another period, in A's unit, with one key result from 0 to 10 not started, that counts C.</summary>
    private static async Task<ObjectiveDto> ParentOfCInAsync(TestScope test, World world, Guid periodId, string title)
    {
        var parent = await test.SendAsync(new CreateObjective { PeriodId = periodId, OwningUnitId = world.A.OwningUnitId, Title = title, Type = ObjectiveType.Committed });
        await test.SendAsync(new CreateKeyResult
        {
            ObjectiveId = parent.Id, Title = "Replies rise", MetricKind = MetricKind.Number, Direction = Direction.Increase, Baseline = 0, Target = 10,
            BaselineMethod = "Dashboard",
        });
        await test.SendAsync(new AlignObjective { Id = world.C.Id, ParentObjectiveId = parent.Id, Kind = AlignmentKind.Contributes, Weight = 1 });
        return parent;
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Closing_grades_every_active_objective_cancels_drafts_and_rolls_over_the_selected_ones(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await ArrangeAsync(test);

        var closed = await test.SendAsync(new ClosePeriod
        {
            Id = world.Q4, TargetPeriodId = world.Q1, RollOver = [new(world.A.Id), new(world.B.Id), new(world.D.Id)],
        });

        closed.State.Should().Be(PeriodState.Closed);
        closed.Graded.Select(g => (g.ObjectiveId, g.Grade)).Should().BeEquivalentTo([(world.A.Id, 0.73), (world.B.Id, 0.6), (world.C.Id, 0.3)]);
        closed.Graded.Single(g => g.ObjectiveId == world.A.Id).KeyResults.Select(k => k.Grade).Should().Equal(0.5, 0.8);
        closed.Graded.Single(g => g.ObjectiveId == world.B.Id).KeyResults.Select(k => k.Grade).Should().Equal(1.0, 0.5);
        closed.CancelledDrafts.Should().Equal(world.D.Id);
        closed.RolledOver.Select(r => (r.FromObjectiveId, r.CarriedKeyResults))
            .Should().BeEquivalentTo([(world.A.Id, 2), (world.B.Id, 1), (world.D.Id, 1)], "a done milestone is not carried over");

        var (period, objectives, keyResults, copies) = await test.WithDbAsync(async db => (
            await db.Periods.IgnoreQueryFilters().SingleAsync(p => p.Id == world.Q4),
            await db.Objectives.IgnoreQueryFilters().Where(o => o.PeriodId == world.Q4).ToDictionaryAsync(o => o.Id),
            await db.KeyResults.IgnoreQueryFilters().ToDictionaryAsync(k => k.Id),
            await db.Objectives.IgnoreQueryFilters().Include(o => o.KeyResults).Where(o => o.PeriodId == world.Q1).ToListAsync()));
        period.State.Should().Be(PeriodState.Closed);
        period.Version.Should().Be(closed.Version);
        objectives[world.A.Id].Should().BeEquivalentTo(new { State = ObjectiveState.Closed, Grade = 0.73 });
        objectives[world.B.Id].Should().BeEquivalentTo(new { State = ObjectiveState.Closed, Grade = 0.6 });
        objectives[world.C.Id].Should().BeEquivalentTo(new { State = ObjectiveState.Closed, Grade = 0.3 });
        objectives[world.D.Id].State.Should().Be(ObjectiveState.Cancelled);
        objectives[world.D.Id].Grade.Should().BeNull("a draft is cancelled, not graded");
        world.KeyResults.Select(k => keyResults[k.Id].Grade).Should().Equal(0.5, 0.8, 1.0, 0.5, 0.3);

        copies.Should().HaveCount(3).And.OnlyContain(o => o.State == ObjectiveState.Draft);
        var copyOfA = copies.Single(o => o.RolledOverFromId == world.A.Id);
        copyOfA.Id.Should().Be(closed.RolledOver.Single(r => r.FromObjectiveId == world.A.Id).NewObjectiveId);
        copyOfA.KeyResults.OrderBy(k => k.SortOrder).Select(k => (k.Baseline, k.Target)).Should().Equal((50m, 100m), (18m, 20m));
        copies.Single(o => o.RolledOverFromId == world.B.Id).KeyResults.Single().Should().BeEquivalentTo(new { Baseline = 30m, Target = 20m });

        var audit = await test.WithDbAsync(db => db.AuditEvents.IgnoreQueryFilters().Where(a => a.Action == nameof(ClosePeriod)).ToListAsync());
        audit.Should().Contain(a => a.EntityType == nameof(Period) && a.EntityId == world.Q4);
        audit.Should().Contain(a => a.EntityType == nameof(Objective) && a.EntityId == world.A.Id);
        audit.Should().Contain(a => a.EntityType == nameof(KeyResult) && a.EntityId == world.KeyResults[0].Id);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_late_check_in_regrades_the_objective_counting_a_closed_child_with_its_final_grade(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await ArrangeAsync(test);
        await test.SendAsync(new ClosePeriod { Id = world.Q4 });
        // C measured 0.3, but its team knows better: the override is its final grade.
        await test.SendAsync(new OverrideObjectiveGrade { Id = world.C.Id, Grade = 0.9, Reason = "Leads answered by phone were not logged." });

        // A late number for B's decrease (40 → 20, now 28: 0.6), inside the grace window.
        await test.SendAsync(new RecordCheckIn { KeyResultId = world.KeyResults[3].Id, Value = 28, Confidence = 6, Narrative = "Month-end figure." });

        // (milestone 1.0 + decrease 0.6 + C's final 0.9) / 3 = 0.83; C's key result alone (0.3) would give 0.63.
        var b = await test.WithDbAsync(db => db.Objectives.IgnoreQueryFilters().SingleAsync(o => o.Id == world.B.Id));
        b.Grade.Should().Be(0.83);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_late_check_in_on_a_child_regrades_its_closed_ancestors(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await ArrangeAsync(test);
        // B contributes to A too: A = (0.5 + 3 × 0.8 + B's 0.6) / 5 = 0.7 at close.
        await test.SendAsync(new AlignObjective { Id = world.B.Id, ParentObjectiveId = world.A.Id, Kind = AlignmentKind.Contributes, Weight = 1 });
        var closed = await test.SendAsync(new ClosePeriod { Id = world.Q4 });
        closed.Graded.Single(g => g.ObjectiveId == world.A.Id).Grade.Should().Be(0.7);

        // C's leads answered 6 of 10 after all: C 0.6, B (1 + 0.5 + 0.6) / 3 = 0.7, A (0.5 + 2.4 + 0.7) / 5 = 0.72.
        await test.SendAsync(new RecordCheckIn { KeyResultId = world.KeyResults[4].Id, Value = 6, Confidence = 6, Narrative = "Late CRM export." });

        var grades = await test.WithDbAsync(db => db.Objectives.IgnoreQueryFilters().Where(o => o.PeriodId == world.Q4)
            .ToDictionaryAsync(o => o.Id, o => o.Grade));
        grades[world.C.Id].Should().Be(0.6);
        grades[world.B.Id].Should().Be(0.7);
        grades[world.A.Id].Should().Be(0.72);
        var audit = await test.WithDbAsync(db => db.AuditEvents.IgnoreQueryFilters()
            .Where(a => a.Action == nameof(RecordCheckIn) && a.EntityType == nameof(Objective)).Select(a => a.EntityId).ToListAsync());
        audit.Should().BeEquivalentTo([world.C.Id, world.B.Id, world.A.Id], "each regrade is one audit event");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_late_check_in_keeps_an_ancestors_override_and_what_counts_above_it(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await ArrangeAsync(test);
        await test.SendAsync(new AlignObjective { Id = world.B.Id, ParentObjectiveId = world.A.Id, Kind = AlignmentKind.Contributes, Weight = 1 });
        await test.SendAsync(new ClosePeriod { Id = world.Q4 });
        await test.SendAsync(new OverrideObjectiveGrade { Id = world.B.Id, Grade = 0.9, Reason = "The checkout launch landed a week after close." });

        await test.SendAsync(new RecordCheckIn { KeyResultId = world.KeyResults[4].Id, Value = 6, Confidence = 6, Narrative = "Late CRM export." });

        var objectives = await test.WithDbAsync(db => db.Objectives.IgnoreQueryFilters().Where(o => o.PeriodId == world.Q4).ToDictionaryAsync(o => o.Id));
        objectives[world.C.Id].Grade.Should().Be(0.6);
        objectives[world.B.Id].Should().BeEquivalentTo(new { Grade = 0.7, GradeOverride = 0.9, FinalGrade = 0.9 },
            "the computed grade follows the late number; the override still decides");
        // A took B's override when it was set: (0.5 + 2.4 + 0.9) / 5 = 0.76; the late number below B moves nothing in A.
        objectives[world.A.Id].Grade.Should().Be(0.76, "B counts in A with its override, which did not move");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_late_check_in_leaves_ancestors_whose_period_no_longer_takes_it_alone(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await ArrangeAsync(test);
        // E, in Q3 (closed long ago, its grace window over), counts C: its grade is final.
        var e = await ParentOfCInAsync(test, world, world.Q3, "Earlier quarter's goal");
        await test.SendAsync(new ClosePeriod { Id = world.Q4 });
        await test.WithDbAsync(async db =>
        {
            var q3 = await db.Periods.IgnoreQueryFilters().SingleAsync(p => p.Id == world.Q3);
            var objective = await db.Objectives.IgnoreQueryFilters().Include(o => o.KeyResults).SingleAsync(o => o.Id == e.Id);
            objective.Activate(q3, test.Clock.UtcNow);
            objective.Close(0.15, test.Clock.UtcNow);
            q3.MoveTo(PeriodState.Active);
            q3.MoveTo(PeriodState.Review);
            q3.MoveTo(PeriodState.Closed);
            await db.SaveChangesAsync();
        });

        await test.SendAsync(new RecordCheckIn { KeyResultId = world.KeyResults[4].Id, Value = 6, Confidence = 6, Narrative = "Late CRM export." });

        var grades = await test.WithDbAsync(db => db.Objectives.IgnoreQueryFilters().ToDictionaryAsync(o => o.Id, o => o.Grade));
        grades[world.C.Id].Should().Be(0.6);
        grades[world.B.Id].Should().Be(0.7);
        grades[e.Id].Should().Be(0.15, "Q3 closed and its grace window ended before this date: its grades are final");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Overriding_a_closed_childs_grade_regrades_the_closed_ancestors_of_its_period(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await ArrangeAsync(test);
        await test.SendAsync(new AlignObjective { Id = world.B.Id, ParentObjectiveId = world.A.Id, Kind = AlignmentKind.Contributes, Weight = 1 });
        await test.SendAsync(new ClosePeriod { Id = world.Q4 });

        // C's final grade 0.9 (measured 0.3): B (1 + 0.5 + 0.9) / 3 = 0.8, A (0.5 + 2.4 + 0.8) / 5 = 0.74.
        await test.SendAsync(new OverrideObjectiveGrade { Id = world.C.Id, Grade = 0.9, Reason = "Leads answered by phone were not logged." });
        var grades = await test.WithDbAsync(db => db.Objectives.IgnoreQueryFilters().Where(o => o.PeriodId == world.Q4)
            .ToDictionaryAsync(o => o.Id, o => o.FinalGrade));
        grades[world.B.Id].Should().Be(0.8);
        grades[world.A.Id].Should().Be(0.74);

        // Removing the override puts them back: C 0.3, B 0.6, A 0.7.
        await test.SendAsync(new OverrideObjectiveGrade { Id = world.C.Id, Grade = null });
        grades = await test.WithDbAsync(db => db.Objectives.IgnoreQueryFilters().Where(o => o.PeriodId == world.Q4)
            .ToDictionaryAsync(o => o.Id, o => o.FinalGrade));
        grades[world.B.Id].Should().Be(0.6);
        grades[world.A.Id].Should().Be(0.7);

        // A key result's override moves its objective and those above it the same way: C1 graded 0.6 → C 0.6, B 0.7, A 0.72.
        await test.SendAsync(new OverrideKeyResultGrade { Id = world.KeyResults[4].Id, Grade = 0.6, Reason = "Half the replies came by phone." });
        grades = await test.WithDbAsync(db => db.Objectives.IgnoreQueryFilters().Where(o => o.PeriodId == world.Q4)
            .ToDictionaryAsync(o => o.Id, o => o.FinalGrade));
        grades[world.C.Id].Should().Be(0.6);
        grades[world.B.Id].Should().Be(0.7);
        grades[world.A.Id].Should().Be(0.72);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_closed_objectives_status_follows_its_final_grade_an_override_included(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await ArrangeAsync(test);
        await test.SendAsync(new ClosePeriod { Id = world.Q4 });
        async Task<(double? Grade, OkrStatus? Status)> C() =>
            await test.SendAsync(new GetObjectiveView(world.C.Id)) is var view ? (view.Grade, view.Status) : default;

        (await C()).Should().Be((0.3, OkrStatus.Missed), "committed, graded 0.3 against 0.85");

        // The override is the grade: 0.9 on a committed objective is a success, whatever its key result measured.
        await test.SendAsync(new OverrideObjectiveGrade { Id = world.C.Id, Grade = 0.9, Reason = "Leads answered by phone were not logged." });
        (await C()).Should().Be((0.9, OkrStatus.Achieved));

        // And the other way: its only key result achieved (1.0), the objective overridden to 0.8, below 0.85: missed.
        await test.SendAsync(new OverrideObjectiveGrade { Id = world.C.Id, Grade = null });
        await test.SendAsync(new OverrideKeyResultGrade { Id = world.KeyResults[4].Id, Grade = 1.0, Reason = "Every lead was answered by phone." });
        (await C()).Should().Be((1.0, OkrStatus.Achieved));
        await test.SendAsync(new OverrideObjectiveGrade { Id = world.C.Id, Grade = 0.8, Reason = "Answers came, but two days late." });
        var view = await test.SendAsync(new GetObjectiveView(world.C.Id));
        (view.Grade, view.Status).Should().Be((0.8, OkrStatus.Missed));
        view.KeyResults.Single().Status.Should().Be(OkrStatus.Achieved, "the key result keeps its own grade's status");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Overriding_a_grade_leaves_a_closed_ancestor_of_another_period_alone(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await ArrangeAsync(test);
        var e = await ParentOfCInAsync(test, world, world.Q3, "Earlier quarter's goal");
        await test.SendAsync(new ClosePeriod { Id = world.Q4 });
        await test.WithDbAsync(async db =>
        {
            var q3 = await db.Periods.IgnoreQueryFilters().SingleAsync(p => p.Id == world.Q3);
            var objective = await db.Objectives.IgnoreQueryFilters().Include(o => o.KeyResults).SingleAsync(o => o.Id == e.Id);
            objective.Close(0.15, test.Clock.UtcNow);
            await db.SaveChangesAsync();
        });

        await test.SendAsync(new OverrideObjectiveGrade { Id = world.C.Id, Grade = 0.9, Reason = "Leads answered by phone were not logged." });

        var grades = await test.WithDbAsync(db => db.Objectives.IgnoreQueryFilters().ToDictionaryAsync(o => o.Id, o => o.FinalGrade));
        grades[world.B.Id].Should().Be(0.8, "B is graded in C's period");
        grades[e.Id].Should().Be(0.15, "E's grade was final when its own period closed");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_closed_child_counts_in_an_open_parents_progress_with_its_final_grade(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await ArrangeAsync(test);
        // F, next quarter's objective, counts C (Q4): a key result not started (0) and C.
        var f = await ParentOfCInAsync(test, world, world.Q1, "Sales answers within the hour");
        (await test.SendAsync(new GetObjectiveView(f.Id))).Progress.Should().BeApproximately(0.15, 1e-9, "C open: (0 + 0.3) / 2");

        await test.SendAsync(new ClosePeriod { Id = world.Q4 });
        await test.SendAsync(new OverrideObjectiveGrade { Id = world.C.Id, Grade = 0.9, Reason = "Leads answered by phone were not logged." });

        (await test.SendAsync(new GetObjectiveView(f.Id))).Progress.Should().BeApproximately(0.45, 1e-9, "C closed counts with its final grade: (0 + 0.9) / 2");
        (await test.SendAsync(new GetObjectiveView(world.C.Id))).Progress.Should().BeApproximately(0.3, 1e-9, "C's own progress stays as measured");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_period_that_is_not_in_review_is_not_closed_and_nothing_is_graded(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await ArrangeAsync(test, startReview: false);

        var close = () => test.SendAsync(new ClosePeriod { Id = world.Q4 });

        (await close.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("period.invalid_transition");
        var (state, graded) = await test.WithDbAsync(async db => (
            await db.Periods.IgnoreQueryFilters().Where(p => p.Id == world.Q4).Select(p => p.State).SingleAsync(),
            await db.KeyResults.IgnoreQueryFilters().CountAsync(k => k.Grade != null)));
        state.Should().Be(PeriodState.Active);
        graded.Should().Be(0);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Rolling_over_into_an_earlier_period_undoes_the_whole_close(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await ArrangeAsync(test);

        var close = () => test.SendAsync(new ClosePeriod { Id = world.Q4, TargetPeriodId = world.Q3, RollOver = [new(world.A.Id)] });

        (await close.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("objective.rollover_backwards");
        var (state, states, audit) = await test.WithDbAsync(async db => (
            await db.Periods.IgnoreQueryFilters().Where(p => p.Id == world.Q4).Select(p => p.State).SingleAsync(),
            await db.Objectives.IgnoreQueryFilters().Select(o => o.State).ToListAsync(),
            await db.AuditEvents.IgnoreQueryFilters().CountAsync(a => a.Action == nameof(ClosePeriod))));
        state.Should().Be(PeriodState.Review);
        states.Should().BeEquivalentTo([ObjectiveState.Active, ObjectiveState.Active, ObjectiveState.Active, ObjectiveState.Draft]);
        audit.Should().Be(0);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Rolling_over_needs_a_target_and_objectives_of_the_period(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await ArrangeAsync(test);

        var noTarget = () => test.SendAsync(new ClosePeriod { Id = world.Q4, RollOver = [new(world.A.Id)] });
        var foreign = () => test.SendAsync(new ClosePeriod { Id = world.Q4, TargetPeriodId = world.Q1, RollOver = [new(Guid.NewGuid())] });
        var twice = () => test.SendAsync(new ClosePeriod { Id = world.Q4, TargetPeriodId = world.Q1, RollOver = [new(world.A.Id), new(world.A.Id)] });

        (await noTarget.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "TargetPeriodId");
        (await foreign.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "RollOver[0].ObjectiveId");
        (await twice.Should().ThrowAsync<ValidationException>()).Which.Errors.Should().ContainSingle(e => e.PropertyName == "RollOver");
        (await test.WithDbAsync(db => db.Periods.IgnoreQueryFilters().Where(p => p.Id == world.Q4).Select(p => p.State).SingleAsync()))
            .Should().Be(PeriodState.Review);
    }
}
