namespace Okr.Domain.Computations;

/// <summary>A key result as the rollup sees it.</summary>
public readonly record struct RollupKeyResult(Guid Id, Guid ObjectiveId, decimal Weight, double Progress);

/// <summary>
/// A contributing or supporting link from a child objective to a parent objective (a link to a parent key
/// result is given with that key result's objective as <see cref="ParentObjectiveId"/>).
/// </summary>
public readonly record struct RollupAlignment(Guid ChildObjectiveId, Guid ParentObjectiveId, bool Contributes, decimal Weight);

/// <summary>
/// Objective progress: the weighted mean of its key results' progress, where each child objective aligned
/// with kind <i>contributes</i> (to the objective or one of its key results) counts as one more weighted item.
/// A child aligned to a key result never changes that key result's own measured progress. A settled child (closed
/// and graded) counts in its parents with its final grade, an override included, as when grading; its own progress
/// stays what was measured. Evaluated lazily and memoised, so a whole tree costs one pass.
/// </summary>
public sealed class ObjectiveRollup
{
    private readonly ILookup<Guid, RollupKeyResult> _keyResultsByObjective;
    private readonly ILookup<Guid, RollupAlignment> _contributorsByParent;
    private readonly Dictionary<Guid, double> _memo = [];
    private readonly HashSet<Guid> _inProgress = [];
    private readonly IReadOnlyDictionary<Guid, double> _settled;

    /// <param name="settled">The final grade of each closed, graded objective: what it counts with in its parents.</param>
    public ObjectiveRollup(IEnumerable<RollupKeyResult> keyResults, IEnumerable<RollupAlignment> alignments,
        IReadOnlyDictionary<Guid, double>? settled = null)
    {
        // Summed in one fixed order whatever order the rows came in, so every path to a number (a maintained value, a
        // replay, a rebuild) gives the same double to the last bit.
        _keyResultsByObjective = keyResults.OrderBy(k => k.Id).ToLookup(k => k.ObjectiveId);
        _contributorsByParent = alignments.Where(a => a.Contributes).OrderBy(a => a.ChildObjectiveId).ThenBy(a => a.Weight)
            .ToLookup(a => a.ParentObjectiveId);
        _settled = settled ?? new Dictionary<Guid, double>();
    }

    /// <summary>What a child counts with in its parents: its final grade once settled, else its progress.</summary>
    private double ContributionOf(Guid childObjectiveId) =>
        _settled.TryGetValue(childObjectiveId, out var finalGrade) ? finalGrade : ProgressOf(childObjectiveId);

    public double ProgressOf(Guid objectiveId)
    {
        if (_memo.TryGetValue(objectiveId, out var known))
            return known;
        // Cycles are refused when alignments are made; should one exist anyway, the back edge counts as 0.
        if (!_inProgress.Add(objectiveId))
            return 0;

        var items = _keyResultsByObjective[objectiveId]
            .Select(k => new WeightedScore(k.Progress, k.Weight))
            .Concat(_contributorsByParent[objectiveId].Select(a => new WeightedScore(ContributionOf(a.ChildObjectiveId), a.Weight)))
            .ToList();
        var progress = WeightedMean.Of(items);

        _inProgress.Remove(objectiveId);
        _memo[objectiveId] = progress;
        return progress;
    }
}
