using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.IntegrationTests.Work;
using Okr.Application.KeyResults.Commands.CreateKeyResult;
using Okr.Application.KeyResults.Commands.DeleteKeyResult;
using Okr.Application.KeyResults.Commands.OverrideKeyResultGrade;
using Okr.Application.KeyResults.Commands.RecordCheckIn;
using Okr.Application.Objectives.Commands.AlignObjective;
using Okr.Application.Objectives.Commands.ObjectiveLifecycle;
using Okr.Application.Objectives.Commands.OverrideObjectiveGrade;
using Okr.Application.Objectives.Commands.RemoveAlignment;
using Okr.Application.OkrGraph.Queries.GetObjectiveViews;
using Okr.Application.OkrGraph.Rollups;
using Okr.Domain.Common;
using Okr.Domain.KeyResults;
using Okr.Domain.Objectives;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Application.IntegrationTests.Rollups;

/// <summary>
/// The maintained values (ADR 0013) against a full recomputation: random writes through the real commands, at random
/// instants, on the demo organisation (two quarters, alignments across them, grades), and after each write every
/// objective's stored progress and every key result's stored current value equal what replaying the whole history
/// at that instant computes.
/// </summary>
public sealed class MaintainedRollupTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    public static TheoryData<DatabaseProvider, int> Runs()
    {
        var runs = new TheoryData<DatabaseProvider, int>();
        foreach (var provider in TestDatabase.AvailableProviders)
            foreach (var seed in new[] { 7, 2026 })
                runs.Add(provider, seed);
        return runs;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Maintained_values_equal_a_full_recomputation_after_random_writes_at_random_instants(DatabaseProvider provider, int seed)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        world.ActAs("admin");
        var random = new Random(seed);
        await AssertMaintainedAsync(test, world, $"seed {seed}, as seeded");

        var applied = 0;
        for (var step = 0; step < 36; step++)
        {
            var rows = await RowsAsync(test, world);
            var operation = random.Next(10);
            var what = await ApplyAsync(test, rows, operation, random);
            if (what is null) continue;
            applied++;
            await AssertMaintainedAsync(test, world, $"seed {seed}, step {step}: {what}");
        }
        applied.Should().BeGreaterThan(15, "most random writes are accepted, so the comparison covers them");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Rebuilding_restores_every_maintained_value_from_the_source_rows(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var world = await DemoWorld.SeedAsync(test);
        world.ActAs("admin");

        // Corrupt the maintained values behind the product's back, as a bulk import would leave them.
        await test.WithDbAsync(async db =>
        {
            await db.Objectives.IgnoreQueryFilters().ExecuteUpdateAsync(s => s.SetProperty(o => o.Progress, 0.123));
            await db.KeyResults.IgnoreQueryFilters().ExecuteUpdateAsync(s => s.SetProperty(k => k.CurrentValue, (decimal?)null).SetProperty(k => k.CurrentValueDate, (DateOnly?)null)
                .SetProperty(k => k.CheckInCount, 0).SetProperty(k => k.LastCheckInAt, (DateTimeOffset?)null).SetProperty(k => k.ForecastValue, 42.0));
        });

        var result = await test.WithDbAsync(db => ObjectiveProgressStore.RebuildAsync(db, allOrganizations: true, CancellationToken.None));

        result.Objectives.Should().Be(world.Demo.Objectives.Count);
        result.ProgressCorrected.Should().BeGreaterThan(0);
        result.CurrentValuesCorrected.Should().BeGreaterThan(0);
        await AssertMaintainedAsync(test, world, "after the rebuild");
        var again = await test.WithDbAsync(db => ObjectiveProgressStore.RebuildAsync(db, allOrganizations: true, CancellationToken.None));
        again.ProgressCorrected.Should().Be(0);
        again.CurrentValuesCorrected.Should().Be(0);
    }

    private sealed record Rows(List<Objective> Objectives, List<KeyResult> KeyResults, List<Alignment> Alignments);

    private static Task<Rows> RowsAsync(TestScope test, DemoWorld world) => test.WithDbAsync(async db =>
    {
        var objectives = await db.Objectives.IgnoreQueryFilters().AsNoTracking().Where(o => o.OrganizationId == world.OrganizationId)
            .OrderBy(o => o.Id).ToListAsync();
        var keyResults = await db.KeyResults.IgnoreQueryFilters().AsNoTracking().Where(k => k.OrganizationId == world.OrganizationId && !k.IsDeleted)
            .OrderBy(k => k.Id).ToListAsync();
        var alignments = await db.Alignments.IgnoreQueryFilters().AsNoTracking().Where(a => a.OrganizationId == world.OrganizationId)
            .OrderBy(a => a.Id).ToListAsync();
        return new Rows(objectives, keyResults, alignments);
    });

    /// <summary>One random write; answers what it did, or null when the product refused it (a rule, a cycle, …).</summary>
    private static async Task<string?> ApplyAsync(TestScope test, Rows rows, int operation, Random random)
    {
        T Pick<T>(IReadOnlyList<T> from) => from[random.Next(from.Count)];
        var active = rows.Objectives.Where(o => o.State == ObjectiveState.Active).ToList();
        var open = rows.Objectives.Where(o => o.IsOpen).ToList();
        var closed = rows.Objectives.Where(o => o.State == ObjectiveState.Closed).ToList();
        var activeKeyResults = rows.KeyResults.Where(k => active.Any(o => o.Id == k.ObjectiveId)).ToList();
        try
        {
            switch (operation)
            {
                case 0 or 1 or 2 when activeKeyResults.Count > 0:
                {
                    // A check-in some hours later, dated today or a few days back.
                    test.Clock.Advance(TimeSpan.FromHours(random.Next(1, 30)));
                    var keyResult = Pick(activeKeyResults);
                    var low = Math.Min(keyResult.Baseline ?? 0, keyResult.Target ?? 1);
                    var high = Math.Max(keyResult.Baseline ?? 0, keyResult.Target ?? 1);
                    var value = keyResult.MetricKind == MetricKind.Milestone
                        ? random.Next(2)
                        : Math.Round(low + (high - low) * (decimal)(random.NextDouble() * 1.3 - 0.15), 2);
                    if (keyResult.MetricKind == MetricKind.Percentage) value = Math.Max(0, value);
                    await test.SendAsync(new RecordCheckIn
                    {
                        KeyResultId = keyResult.Id, Value = value, Confidence = random.Next(11), Narrative = "Random walk.",
                        EffectiveDate = DateOnly.FromDateTime(test.Clock.UtcNow.UtcDateTime).AddDays(-random.Next(3)),
                    });
                    return $"check-in {value} on {keyResult.Title}";
                }
                case 3 when open.Count > 0:
                {
                    var child = Pick(open);
                    var parent = Pick(rows.Objectives.Where(o => o.Id != child.Id && o.IsOpen).ToList());
                    var parentKeyResult = random.Next(2) == 0 ? rows.KeyResults.Where(k => k.ObjectiveId == parent.Id).FirstOrDefault() : null;
                    await test.SendAsync(new AlignObjective
                    {
                        Id = child.Id, ParentObjectiveId = parentKeyResult is null ? parent.Id : null, ParentKeyResultId = parentKeyResult?.Id,
                        Kind = random.Next(4) == 0 ? AlignmentKind.Supports : AlignmentKind.Contributes, Weight = random.Next(1, 5) / 2m,
                    });
                    return $"align {child.Title} to {parent.Title}";
                }
                case 4 when rows.Alignments.Count > 0:
                {
                    var alignment = Pick(rows.Alignments);
                    await test.SendAsync(new RemoveAlignment(alignment.ChildObjectiveId, alignment.Id));
                    return "remove an alignment";
                }
                case 5 when open.Count > 0:
                {
                    var objective = Pick(open);
                    await test.SendAsync(new CreateKeyResult
                    {
                        ObjectiveId = objective.Id, Title = "Share of renewals rises", MetricKind = MetricKind.Number,
                        Baseline = random.Next(0, 50), Target = random.Next(60, 120), BaselineMethod = "CRM report", Weight = random.Next(1, 4),
                    });
                    return $"new key result on {objective.Title}";
                }
                case 6 when activeKeyResults.Count > 1:
                {
                    var keyResult = Pick(activeKeyResults);
                    await test.SendAsync(new DeleteKeyResult(keyResult.Id));
                    return $"delete {keyResult.Title}";
                }
                case 7 when active.Count > 3:
                {
                    var objective = Pick(active);
                    await test.SendAsync(new CancelObjective(objective.Id));
                    return $"cancel {objective.Title}";
                }
                case 8 when closed.Count > 0:
                {
                    var objective = Pick(closed);
                    var grade = random.Next(2) == 0 ? (double?)null : Math.Round(random.NextDouble(), 2);
                    await test.SendAsync(new OverrideObjectiveGrade { Id = objective.Id, Grade = grade, Reason = grade is null ? null : "Context the numbers miss." });
                    return $"override the grade of {objective.Title} to {grade}";
                }
                case 9 when closed.Count > 0:
                {
                    var keyResult = rows.KeyResults.Where(k => closed.Any(o => o.Id == k.ObjectiveId)).ToList() is { Count: > 0 } graded ? Pick(graded) : null;
                    if (keyResult is null) return null;
                    await test.SendAsync(new OverrideKeyResultGrade { Id = keyResult.Id, Grade = Math.Round(random.NextDouble(), 2), Reason = "Measured late." });
                    return $"override the grade of {keyResult.Title}";
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

    /// <summary>Stored progress and current values equal a replay of the whole history at the clock's instant.</summary>
    private static async Task AssertMaintainedAsync(TestScope test, DemoWorld world, string because)
    {
        var rows = await RowsAsync(test, world);
        var now = test.Clock.UtcNow;
        var objectives = await test.SendAsync(new GetObjectiveViews(rows.Objectives.Select(o => o.Id).ToList(), now));
        var keyResults = await test.SendAsync(new GetKeyResultViews(rows.KeyResults.Select(k => k.Id).ToList(), now));
        objectives.Should().HaveCount(rows.Objectives.Count, because);
        foreach (var objective in rows.Objectives)
            objective.Progress.Should().Be(objectives[objective.Id].Progress, $"{because}: the stored progress of {objective.Title} (to the last bit)");
        foreach (var keyResult in rows.KeyResults)
        {
            keyResult.CurrentValue.Should().Be(keyResults[keyResult.Id].CurrentValue, $"{because}: the current value of {keyResult.Title}");
            keyResult.CurrentValueDate.Should().Be(keyResults[keyResult.Id].CurrentValueDate, because);
        }

        // What the product serves now (from the maintained values) equals the replay at this instant, field by field.
        var liveObjectives = await test.SendAsync(new GetObjectiveViews(rows.Objectives.Select(o => o.Id).ToList(), null));
        var liveKeyResults = await test.SendAsync(new GetKeyResultViews(rows.KeyResults.Select(k => k.Id).ToList(), null));
        foreach (var (id, replayed) in keyResults)
            liveKeyResults[id].Should().BeEquivalentTo(replayed with { AsOf = null }, because);
        foreach (var (id, replayed) in objectives)
        {
            var live = liveObjectives[id];
            (live.Progress, live.Status, live.State).Should().Be((replayed.Progress, replayed.Status, replayed.State), $"{because}: {live.Title}");
            live.KeyResults.Should().BeEquivalentTo(replayed.KeyResults.Select(k => k with { AsOf = null }), because);
        }
    }
}
