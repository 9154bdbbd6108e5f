using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Computations;
using Okr.Domain.Objectives;

namespace Okr.Application.Objectives.Grading;

/// <summary>
/// Computes objectives' grades the way progress rolls up: the weighted mean of their key results' grades, with
/// each contributing child objective as one more weighted item (its final grade once closed, overrides included;
/// else its progress).
/// </summary>
public sealed class ObjectiveGrader(IOkrDbContext db)
{
    /// <param name="objectives">Tracked objectives with their key results loaded (and graded where closed).</param>
    /// <returns>The grade of each given objective, rounded to two decimals.</returns>
    public async Task<IReadOnlyDictionary<Guid, double>> GradesAsync(IReadOnlyCollection<Objective> objectives, CancellationToken cancellationToken)
    {
        var contributing = await db.Alignments.AsNoTracking()
            .Where(a => a.Kind == AlignmentKind.Contributes)
            .Select(a => new { a.ChildObjectiveId, a.ParentObjectiveId, a.Weight })
            .ToListAsync(cancellationToken);

        // Every objective below the given ones, so the rollup sees the whole subtree.
        var known = objectives.ToDictionary(o => o.Id);
        var wanted = new HashSet<Guid>(known.Keys);
        var frontier = new HashSet<Guid>(known.Keys);
        while (frontier.Count > 0)
        {
            frontier = contributing.Where(a => frontier.Contains(a.ParentObjectiveId) && wanted.Add(a.ChildObjectiveId))
                .Select(a => a.ChildObjectiveId).ToHashSet();
        }
        var others = wanted.Except(known.Keys).ToList();
        var otherObjectives = await db.Objectives.AsNoTracking().Include(o => o.KeyResults)
            .Where(o => others.Contains(o.Id) && o.State != ObjectiveState.Cancelled)
            .ToListAsync(cancellationToken);

        // A child already closed counts with its final grade (an override included), not with a recomputation.
        var graded = otherObjectives.Where(o => o.State == ObjectiveState.Closed && o.FinalGrade is not null).ToDictionary(o => o.Id);
        var all = known.Values.Concat(otherObjectives).ToList();
        var live = all.Select(o => o.Id).ToHashSet();
        var keyResults = all.SelectMany(o => graded.TryGetValue(o.Id, out var closed)
            ? [new RollupKeyResult(Guid.Empty, o.Id, 1, closed.FinalGrade!.Value)]
            : o.LiveKeyResults.Select(k => new RollupKeyResult(k.Id, o.Id, k.Weight, k.FinalGrade ?? Okr.Domain.Computations.Grading.Round(k.Progress))));
        var alignments = contributing
            .Where(a => live.Contains(a.ChildObjectiveId) && live.Contains(a.ParentObjectiveId) && !graded.ContainsKey(a.ParentObjectiveId))
            .Select(a => new RollupAlignment(a.ChildObjectiveId, a.ParentObjectiveId, true, a.Weight));
        var rollup = new ObjectiveRollup(keyResults, alignments);

        return objectives.ToDictionary(o => o.Id, o => Okr.Domain.Computations.Grading.Round(rollup.ProgressOf(o.Id)));
    }
}
