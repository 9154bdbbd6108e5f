using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Computations;
using Okr.Domain.Objectives;

namespace Okr.Application.Objectives.Grading;

/// <summary>
/// Computes objectives' grades the way progress rolls up: the weighted mean of their key results' grades, with
/// each contributing child objective as one more weighted item (its final grade once closed, overrides included;
/// else its progress). Alignments to a deleted key result do not count.
/// </summary>
public sealed class ObjectiveGrader(IOkrDbContext db)
{
    /// <param name="objectives">Tracked objectives with their key results loaded (and graded where closed).</param>
    /// <returns>The grade of each given objective, rounded to two decimals.</returns>
    public async Task<IReadOnlyDictionary<Guid, double>> GradesAsync(IReadOnlyCollection<Objective> objectives, CancellationToken cancellationToken)
    {
        var contributing = await ContributingAsync(cancellationToken);
        return Grades(objectives, contributing, await BelowAsync(objectives.Select(o => o.Id), contributing, cancellationToken));
    }

    /// <summary>
    /// Every live objective below the given ones (with its key results), so the rollup sees the whole subtree: one
    /// statement, however many objectives and levels.
    /// </summary>
    private async Task<List<Objective>> BelowAsync(IEnumerable<Guid> objectiveIds, Contributing contributing, CancellationToken cancellationToken)
    {
        var below = contributing.Graph.DescendantsOf(objectiveIds).ToList();
        return below.Count == 0
            ? []
            : await db.Objectives.AsNoTracking().Include(o => o.KeyResults)
                .Where(o => EF.Parameter(below).Contains(o.Id) && o.State != ObjectiveState.Cancelled)
                .ToListAsync(cancellationToken);
    }

    /// <param name="below">At least the live objectives below the given ones, as <see cref="BelowAsync"/> reads them.</param>
    private Dictionary<Guid, double> Grades(IReadOnlyCollection<Objective> objectives, Contributing contributing, IReadOnlyList<Objective> below)
    {
        var known = objectives.ToDictionary(o => o.Id);
        var subtree = contributing.Graph.DescendantsOf(known.Keys);
        var otherObjectives = below.Where(o => subtree.Contains(o.Id) && !known.ContainsKey(o.Id)).ToList();

        // A child already closed counts with its final grade (an override included), not with a recomputation; one this
        // unit of work has just regraded (a late check-in walking up its ancestors) counts with the new grade.
        var tracked = db.Objectives.Local.ToDictionary(o => o.Id);
        var graded = otherObjectives.Where(o => o.State == ObjectiveState.Closed)
            .Select(o => (o.Id, FinalGrade: tracked.TryGetValue(o.Id, out var current) ? current.FinalGrade : o.FinalGrade))
            .Where(o => o.FinalGrade is not null)
            .ToDictionary(o => o.Id, o => o.FinalGrade!.Value);
        var all = known.Values.Concat(otherObjectives).ToList();
        var live = all.Select(o => o.Id).ToHashSet();
        var keyResults = all.SelectMany(o => graded.TryGetValue(o.Id, out var finalGrade)
            ? [new RollupKeyResult(Guid.Empty, o.Id, 1, finalGrade)]
            : o.LiveKeyResults.Select(k => new RollupKeyResult(k.Id, o.Id, k.Weight, k.FinalGrade ?? Okr.Domain.Computations.Grading.Round(k.Progress))));
        var alignments = contributing.Edges
            .Where(a => live.Contains(a.Child) && live.Contains(a.Parent) && !graded.ContainsKey(a.Parent))
            .Select(a => new RollupAlignment(a.Child, a.Parent, true, a.Weight));
        var rollup = new ObjectiveRollup(keyResults, alignments);

        return objectives.ToDictionary(o => o.Id, o => Okr.Domain.Computations.Grading.Round(rollup.ProgressOf(o.Id)));
    }

    /// <summary>
    /// After a late check-in on one of <paramref name="objective"/>'s key results (the objective is closed): regrades the
    /// objective, then every closed ancestor whose grade depends on it through contributing alignments, as long as the
    /// ancestor's period still takes a late check-in of that date (it lies inside the period, within the grace window;
    /// otherwise its grades are final). An override stays: the computed grade follows, the final grade does not move, so
    /// nothing above an overridden objective changes. Children are regraded before their parents.
    /// </summary>
    public async Task RegradeAfterLateCheckInAsync(Objective objective, DateOnly effectiveDate, DateTimeOffset now, int graceDays,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var contributing = await ContributingAsync(cancellationToken);
        objective.Regrade(Grades([objective], contributing, await BelowAsync([objective.Id], contributing, cancellationToken))[objective.Id]);
        if (objective.GradeOverride is not null)
            return;
        await RegradeAncestorsAsync(objective, contributing, period => period.TakesLateCheckIn(effectiveDate, now, graceDays), cancellationToken);
    }

    /// <summary>
    /// After <paramref name="objective"/>'s final grade changed by hand (its own override, set or removed, or one of its
    /// key results'): the closed ancestors graded in the same period follow, since the period's grades are settled
    /// together at its close and a closed child counts with its final grade. Ancestors of other periods keep theirs:
    /// they were final when their own period closed. An overridden ancestor keeps its final grade and passes nothing on.
    /// </summary>
    public async Task RegradeAfterOverrideAsync(Objective objective, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objective);
        await RegradeAncestorsAsync(objective, await ContributingAsync(cancellationToken), period => period.Id == objective.PeriodId, cancellationToken);
    }

    /// <summary>
    /// Regrades the closed ancestors whose grade depends on <paramref name="objective"/> through contributing alignments
    /// and whose period <paramref name="stillGrading"/> accepts, children before parents; the walk stops at an
    /// ancestor whose period does not, and passes nothing on above an overridden one.
    /// </summary>
    private async Task RegradeAncestorsAsync(Objective objective, Contributing contributing,
        Func<Domain.Periods.Period, bool> stillGrading, CancellationToken cancellationToken)
    {
        var ancestorIds = contributing.Graph.AncestorsOf([objective.Id]);
        ancestorIds.Remove(objective.Id);
        if (ancestorIds.Count == 0)
            return;

        var ancestors = await db.Objectives.Include(o => o.KeyResults)
            .Where(o => ancestorIds.Contains(o.Id) && o.State == ObjectiveState.Closed)
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var periodIds = ancestors.Values.Select(o => o.PeriodId).Distinct().ToList();
        var periods = await db.Periods.Where(p => periodIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);

        // Those whose grade moves: reached from the objective through closed ancestors whose period still grades;
        // an overridden one is regraded (its computed grade) but passes nothing on.
        var regraded = contributing.Graph.AncestorsOf([objective.Id],
            reaches: id => ancestors.TryGetValue(id, out var parent) && stillGrading(periods[parent.PeriodId]),
            passesOn: id => ancestors[id].GradeOverride is null);

        // What is below them, read once for all of them; children first: each is graded with the fresh final grades of
        // those below it.
        var below = await BelowAsync(regraded, contributing, cancellationToken);
        foreach (var id in contributing.Graph.ChildrenFirst(regraded))
        {
            var ancestor = ancestors[id];
            ancestor.Regrade(Grades([ancestor], contributing, below)[id]);
        }
    }

    private async Task<Contributing> ContributingAsync(CancellationToken cancellationToken) =>
        new((await db.LiveAlignments().AsNoTracking()
            .Where(a => a.Kind == AlignmentKind.Contributes)
            .Select(a => new { a.ChildObjectiveId, a.ParentObjectiveId, a.Weight })
            .ToListAsync(cancellationToken))
            .Select(a => (a.ChildObjectiveId, a.ParentObjectiveId, a.Weight))
            .ToList());

    /// <summary>The organisation's contributing alignments, with their weights and as a graph.</summary>
    private sealed class Contributing(List<(Guid Child, Guid Parent, decimal Weight)> edges)
    {
        public List<(Guid Child, Guid Parent, decimal Weight)> Edges { get; } = edges;
        public AlignmentGraph Graph { get; } = new(edges.Select(e => (e.Child, e.Parent)));
    }
}
