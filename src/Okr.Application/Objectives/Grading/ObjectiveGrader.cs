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
    public async Task<IReadOnlyDictionary<Guid, double>> GradesAsync(IReadOnlyCollection<Objective> objectives, CancellationToken cancellationToken) =>
        await GradesAsync(objectives, await ContributingAsync(cancellationToken), cancellationToken);

    private async Task<IReadOnlyDictionary<Guid, double>> GradesAsync(IReadOnlyCollection<Objective> objectives,
        List<(Guid Child, Guid Parent, decimal Weight)> contributing, CancellationToken cancellationToken)
    {

        // Every objective below the given ones, so the rollup sees the whole subtree.
        var known = objectives.ToDictionary(o => o.Id);
        var wanted = new HashSet<Guid>(known.Keys);
        var frontier = new HashSet<Guid>(known.Keys);
        while (frontier.Count > 0)
        {
            frontier = contributing.Where(a => frontier.Contains(a.Parent) && wanted.Add(a.Child))
                .Select(a => a.Child).ToHashSet();
        }
        var others = wanted.Except(known.Keys).ToList();
        var otherObjectives = await db.Objectives.AsNoTracking().Include(o => o.KeyResults)
            .Where(o => others.Contains(o.Id) && o.State != ObjectiveState.Cancelled)
            .ToListAsync(cancellationToken);

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
        var alignments = contributing
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
        objective.Regrade((await GradesAsync([objective], contributing, cancellationToken))[objective.Id]);
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
    private async Task RegradeAncestorsAsync(Objective objective, List<(Guid Child, Guid Parent, decimal Weight)> contributing,
        Func<Domain.Periods.Period, bool> stillGrading, CancellationToken cancellationToken)
    {
        var parentsOf = contributing.ToLookup(a => a.Child, a => a.Parent);
        var ancestorIds = new HashSet<Guid>();
        var stack = new Stack<Guid>([objective.Id]);
        while (stack.Count > 0)
        {
            foreach (var parent in parentsOf[stack.Pop()])
            {
                if (parent != objective.Id && ancestorIds.Add(parent))
                    stack.Push(parent);
            }
        }
        if (ancestorIds.Count == 0)
            return;

        var ancestors = await db.Objectives.Include(o => o.KeyResults)
            .Where(o => ancestorIds.Contains(o.Id) && o.State == ObjectiveState.Closed)
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var periodIds = ancestors.Values.Select(o => o.PeriodId).Distinct().ToList();
        var periods = await db.Periods.Where(p => periodIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);

        // Those whose grade moves: reached from the objective through closed ancestors whose period still grades;
        // an overridden one is regraded (its computed grade) but passes nothing on.
        var regraded = new HashSet<Guid>();
        var reach = new Stack<Guid>([objective.Id]);
        while (reach.Count > 0)
        {
            foreach (var parentId in parentsOf[reach.Pop()])
            {
                if (!ancestors.TryGetValue(parentId, out var parent)
                    || !stillGrading(periods[parent.PeriodId])
                    || !regraded.Add(parentId))
                    continue;
                if (parent.GradeOverride is null)
                    reach.Push(parentId);
            }
        }

        // Children first: each is graded with the fresh final grades of those below it.
        foreach (var id in ChildrenFirst(regraded, contributing))
        {
            var ancestor = ancestors[id];
            ancestor.Regrade((await GradesAsync([ancestor], contributing, cancellationToken))[id]);
        }
    }

    private async Task<List<(Guid Child, Guid Parent, decimal Weight)>> ContributingAsync(CancellationToken cancellationToken) =>
        (await db.LiveAlignments().AsNoTracking()
            .Where(a => a.Kind == AlignmentKind.Contributes)
            .Select(a => new { a.ChildObjectiveId, a.ParentObjectiveId, a.Weight })
            .ToListAsync(cancellationToken))
        .Select(a => (a.ChildObjectiveId, a.ParentObjectiveId, a.Weight))
        .ToList();

    /// <summary>The given objectives ordered so that each comes after every one of them below it (alignments are acyclic).</summary>
    private static List<Guid> ChildrenFirst(HashSet<Guid> ids, List<(Guid Child, Guid Parent, decimal Weight)> contributing)
    {
        var childrenOf = contributing.Where(a => ids.Contains(a.Child) && ids.Contains(a.Parent)).ToLookup(a => a.Parent, a => a.Child);
        var ordered = new List<Guid>();
        var done = new HashSet<Guid>();
        var visiting = new HashSet<Guid>();

        void Visit(Guid id)
        {
            if (done.Contains(id) || !visiting.Add(id)) return; // a cycle (refused when aligning) cannot loop this
            foreach (var child in childrenOf[id]) Visit(child);
            visiting.Remove(id);
            done.Add(id);
            ordered.Add(id);
        }

        foreach (var id in ids.OrderBy(id => id)) Visit(id);
        return ordered;
    }
}
