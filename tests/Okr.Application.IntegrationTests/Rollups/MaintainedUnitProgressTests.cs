using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.IntegrationTests.Work;
using Okr.Application.KeyResults.Commands.CreateKeyResult;
using Okr.Application.KeyResults.Commands.RecordCheckIn;
using Okr.Application.Objectives.Commands.CreateObjective;
using Okr.Application.Objectives.Commands.DeleteObjective;
using Okr.Application.Objectives.Commands.ObjectiveLifecycle;
using Okr.Application.Objectives.Commands.OverrideObjectiveGrade;
using Okr.Application.Objectives.Commands.UpdateObjective;
using Okr.Application.OkrGraph.Queries.GetOkrTree;
using Okr.Application.OkrGraph.Rollups;
using Okr.Application.OrgUnits.Commands.CreateOrgUnit;
using Okr.Application.OrgUnits.Commands.DeleteOrgUnit;
using Okr.Application.OrgUnits.Commands.MoveOrgUnit;
using Okr.Domain.Common;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;
using Okr.Domain.Units;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Application.IntegrationTests.Rollups;

/// <summary>
/// The maintained unit progress (ADR 0024) against a full recomputation: random writes through the real commands
/// (check-ins, objectives created, activated, cancelled, deleted, regraded and moved to another unit, units created,
/// moved and deleted) on the demo organisation, and after each write every row equals what
/// <see cref="UnitProgressStore.ComputeAsync"/> (the rebuild's computation) finds from the source rows, and the tree
/// served from the rows has the numbers the domain computes from the objectives (the tree replayed at the same instant).
/// </summary>
public sealed class MaintainedUnitProgressTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    public static TheoryData<DatabaseProvider, int> Runs()
    {
        var runs = new TheoryData<DatabaseProvider, int>();
        foreach (var provider in TestDatabase.AvailableProviders)
            foreach (var seed in new[] { 11, 2027 })
                runs.Add(provider, seed);
        return runs;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Unit_progress_rows_equal_a_full_recomputation_after_random_writes(DatabaseProvider provider, int seed)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        world.ActAs("admin");
        var random = new Random(seed);
        await AssertRowsAsync(test, world, $"seed {seed}, as seeded");

        var applied = new Dictionary<string, int>();
        for (var step = 0; step < 40; step++)
        {
            var what = await ApplyAsync(test, world, random.Next(12), random);
            if (what is null) continue;
            applied[what.Split(' ')[0]] = applied.GetValueOrDefault(what.Split(' ')[0]) + 1;
            await AssertRowsAsync(test, world, $"seed {seed}, step {step}: {what}");
        }
        applied.Values.Sum().Should().BeGreaterThan(20, "most random writes are accepted, so the comparison covers them");
        applied.Keys.Should().Contain(["check-in", "move-unit", "move-objective"], "the writes that move sums between units happened");

        // The rebuild finds nothing to correct: the increments left exactly what it computes.
        var rebuilt = await test.WithDbAsync(db => ObjectiveProgressStore.RebuildAsync(db, allOrganizations: true, CancellationToken.None));
        rebuilt.UnitRowsCorrected.Should().Be(0);
        rebuilt.UnitRows.Should().BeGreaterThan(0);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Rebuilding_restores_every_unit_progress_row(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        var expected = await StoredAsync(test, world);

        // Corrupt and drop rows behind the product's back, as a bulk import or a restore would leave them.
        var company = world.Demo.Units.Single(u => u.Kind == UnitKind.Company).Id;
        await test.WithDbAsync(async db =>
        {
            await db.UnitProgress.IgnoreQueryFilters().Where(u => u.UnitId == company).ExecuteDeleteAsync();
            await db.UnitProgress.IgnoreQueryFilters().ExecuteUpdateAsync(s => s.SetProperty(u => u.SubtreeSum, 42).SetProperty(u => u.OwnCount, 7));
        });

        var result = await test.WithDbAsync(db => ObjectiveProgressStore.RebuildAsync(db, allOrganizations: true, CancellationToken.None));

        result.UnitRowsCorrected.Should().Be(expected.Count);
        (await StoredAsync(test, world)).Should().BeEquivalentTo(expected);
        var again = await test.WithDbAsync(db => ObjectiveProgressStore.RebuildAsync(db, allOrganizations: true, CancellationToken.None));
        again.UnitRowsCorrected.Should().Be(0);
    }

    private static Task<List<(Guid Period, Guid Unit, long OwnSum, int OwnCount, long SubtreeSum, int SubtreeCount)>> StoredAsync(TestScope test, DemoWorld world) =>
        test.WithDbAsync(async db => (await db.UnitProgress.IgnoreQueryFilters().AsNoTracking().Where(u => u.OrganizationId == world.OrganizationId).ToListAsync())
            .Select(u => (u.PeriodId, u.UnitId, u.OwnSum, u.OwnCount, u.SubtreeSum, u.SubtreeCount)).OrderBy(u => u.PeriodId).ThenBy(u => u.UnitId).ToList());

    /// <summary>One random write; answers what it did (its first word names the kind), or null when the product refused it.</summary>
    private static async Task<string?> ApplyAsync(TestScope test, DemoWorld world, int operation, Random random)
    {
        T Pick<T>(IReadOnlyList<T> from) => from[random.Next(from.Count)];
        var (objectives, keyResults, units) = await test.WithDbAsync(async db => (
            await db.Objectives.IgnoreQueryFilters().AsNoTracking().Where(o => o.OrganizationId == world.OrganizationId).OrderBy(o => o.Id).ToListAsync(),
            await db.KeyResults.IgnoreQueryFilters().AsNoTracking().Where(k => k.OrganizationId == world.OrganizationId && !k.IsDeleted).OrderBy(k => k.Id).ToListAsync(),
            await db.OrgUnits.IgnoreQueryFilters().AsNoTracking().Where(u => u.OrganizationId == world.OrganizationId).OrderBy(u => u.Id).ToListAsync()));
        var open = objectives.Where(o => o.IsOpen).ToList();
        var active = objectives.Where(o => o.State == ObjectiveState.Active).ToList();
        var activeKeyResults = keyResults.Where(k => active.Any(o => o.Id == k.ObjectiveId)).ToList();
        var movable = units.Where(u => u.Kind != UnitKind.Company).ToList();
        try
        {
            switch (operation)
            {
                case 0 or 1 or 2 when activeKeyResults.Count > 0:
                {
                    test.Clock.Advance(TimeSpan.FromHours(random.Next(1, 30)));
                    var keyResult = Pick(activeKeyResults);
                    var low = Math.Min(keyResult.Baseline ?? 0, keyResult.Target ?? 1);
                    var high = Math.Max(keyResult.Baseline ?? 0, keyResult.Target ?? 1);
                    var value = keyResult.MetricKind == MetricKind.Milestone ? random.Next(2) : Math.Max(0, Math.Round(low + (high - low) * (decimal)random.NextDouble(), 2));
                    await test.SendAsync(new RecordCheckIn
                    {
                        KeyResultId = keyResult.Id, Value = value, Confidence = random.Next(11), Narrative = "Random walk.",
                        EffectiveDate = DateOnly.FromDateTime(test.Clock.UtcNow.UtcDateTime),
                    });
                    return $"check-in {value} on {keyResult.Title}";
                }
                case 3:
                {
                    // A new objective with a key result, activated: it counts in its unit at once.
                    var unit = Pick(units);
                    var objective = await test.SendAsync(new CreateObjective
                    {
                        PeriodId = world.CurrentPeriodId, OwningUnitId = unit.Id, Title = $"Random objective {random.Next(1000)}",
                        Visibility = random.Next(3) == 0 ? Visibility.Restricted : Visibility.Public,
                    });
                    await test.SendAsync(new CreateKeyResult
                    {
                        ObjectiveId = objective.Id, Title = "Share of renewals rises", MetricKind = MetricKind.Number,
                        Baseline = 0, Target = 100, BaselineMethod = "CRM report",
                    });
                    if (random.Next(4) > 0) await test.SendAsync(new ActivateObjective(objective.Id));
                    return $"create {objective.Title} in {unit.Name}";
                }
                case 4 when open.Any(o => o.State == ObjectiveState.Draft):
                {
                    var objective = Pick(open.Where(o => o.State == ObjectiveState.Draft).ToList());
                    await test.SendAsync(new ActivateObjective(objective.Id));
                    return $"activate {objective.Title}";
                }
                case 5 when active.Count > 3:
                {
                    var objective = Pick(active);
                    await test.SendAsync(new CancelObjective(objective.Id));
                    return $"cancel {objective.Title}";
                }
                case 6 when objectives.Count > 0:
                {
                    var objective = Pick(objectives);
                    await test.SendAsync(new DeleteObjective(objective.Id));
                    return $"delete {objective.Title}";
                }
                case 7 when open.Count > 0:
                {
                    var objective = Pick(open);
                    var unit = Pick(units.Where(u => u.Id != objective.OwningUnitId).ToList());
                    await test.SendAsync(new UpdateObjective
                    {
                        Id = objective.Id, Title = objective.Title, OwningUnitId = unit.Id, Type = objective.Type, Visibility = objective.Visibility,
                        OwnerId = objective.OwnerId, FocusAreaId = objective.FocusAreaId,
                    });
                    return $"move-objective {objective.Title} to {unit.Name}";
                }
                case 8 when movable.Count > 1:
                {
                    var unit = Pick(movable);
                    var parent = Pick(units.Where(u => u.Id != unit.Id && u.Id != unit.ParentId).ToList());
                    await test.SendAsync(new MoveOrgUnit { Id = unit.Id, ParentId = parent.Id });
                    return $"move-unit {unit.Name} under {parent.Name}";
                }
                case 9:
                {
                    var parent = Pick(units);
                    var unit = await test.SendAsync(new CreateOrgUnit { ParentId = parent.Id, Name = $"Squad {random.Next(1000)}", Kind = UnitKind.Team });
                    return $"create-unit {unit.Name} under {parent.Name}";
                }
                case 10 when movable.Count > 0:
                {
                    // Only an empty unit can go: most picks are refused, the new squads are not.
                    var unit = Pick(movable.Where(u => !objectives.Any(o => o.OwningUnitId == u.Id) && !units.Any(c => c.ParentId == u.Id)).ToList() is { Count: > 0 } empty
                        ? empty : movable);
                    await test.SendAsync(new DeleteOrgUnit(unit.Id));
                    return $"delete-unit {unit.Name}";
                }
                case 11 when objectives.Any(o => o.State == ObjectiveState.Closed):
                {
                    var objective = Pick(objectives.Where(o => o.State == ObjectiveState.Closed).ToList());
                    var grade = random.Next(2) == 0 ? (double?)null : Math.Round(random.NextDouble(), 2);
                    await test.SendAsync(new OverrideObjectiveGrade { Id = objective.Id, Grade = grade, Reason = grade is null ? null : "Context the numbers miss." });
                    return $"regrade {objective.Title} to {grade}";
                }
                default:
                    return null;
            }
        }
        catch (Exception ex) when (ex is DomainRuleException or ValidationException or ForbiddenException or NotFoundException or ConflictException)
        {
            return null;
        }
    }

    /// <summary>
    /// Every row of the organisation equals the recomputation from the source rows, and each period's tree from the rows
    /// has the numbers of the tree computed from the objectives (replayed at the clock's instant).
    /// </summary>
    private static async Task AssertRowsAsync(TestScope test, DemoWorld world, string because)
    {
        var stored = await StoredAsync(test, world);
        var expected = (await test.WithDbAsync(db => UnitProgressStore.ComputeAsync(db, allOrganizations: true, CancellationToken.None)))
            .Where(u => u.OrganizationId == world.OrganizationId)
            .Select(u => (u.PeriodId, u.UnitId, u.OwnSum, u.OwnCount, u.SubtreeSum, u.SubtreeCount)).OrderBy(u => u.PeriodId).ThenBy(u => u.UnitId).ToList();
        stored.Should().Equal(expected, because);

        foreach (var period in world.Demo.Periods.Where(p => p.Kind == PeriodKind.Quarter))
        {
            var maintained = await test.SendAsync(new GetOkrTree(period.Id));
            var computed = await test.SendAsync(new GetOkrTree(period.Id, AsOf: test.Clock.UtcNow));
            var computedUnits = computed.Units.ToDictionary(u => u.Unit.Id);
            maintained.Units.Select(u => u.Unit.Id).Should().BeEquivalentTo(computedUnits.Keys, because);
            foreach (var unit in maintained.Units)
            {
                unit.Progress.Should().BeApproximately(computedUnits[unit.Unit.Id].Progress, 1e-12, $"{because}: {unit.Unit.Name}'s own progress in {period.Name}");
                unit.ProgressWithDescendants.Should().BeApproximately(computedUnits[unit.Unit.Id].ProgressWithDescendants, 1e-12,
                    $"{because}: {unit.Unit.Name}'s progress with descendants in {period.Name}");
            }
        }
    }
}
