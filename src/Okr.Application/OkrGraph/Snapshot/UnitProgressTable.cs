using Okr.Domain.Units;

namespace Okr.Application.OkrGraph.Snapshot;

/// <summary>
/// Every unit's progress, alone and with the units below it, in one pass over the counted objectives: each is added to
/// its unit and that unit's ancestors, in the order given (the snapshot's, so the sums are those
/// <see cref="OkrSnapshot.UnitProgress"/> computes), instead of one scan of the period per unit.
/// </summary>
public sealed class UnitProgressTable
{
    private readonly Dictionary<Guid, (double Sum, int Count)> _own = [];
    private readonly Dictionary<Guid, (double Sum, int Count)> _subtree = [];

    /// <param name="counted">The counted objectives' units and progress, in the snapshot's order.</param>
    public UnitProgressTable(IEnumerable<(Guid UnitId, double Progress)> counted, OrgTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        foreach (var (unitId, progress) in counted)
        {
            Add(_own, unitId, progress);
            Add(_subtree, unitId, progress);
            foreach (var ancestor in tree.AncestorsOf(unitId))
                Add(_subtree, ancestor, progress);
        }
    }

    public (double Own, double WithDescendants) Of(Guid unitId) => (Mean(_own, unitId), Mean(_subtree, unitId));

    private static void Add(Dictionary<Guid, (double Sum, int Count)> sums, Guid unit, double progress)
    {
        var (sum, count) = sums.GetValueOrDefault(unit);
        sums[unit] = (sum + progress, count + 1);
    }

    private static double Mean(Dictionary<Guid, (double Sum, int Count)> sums, Guid unit) =>
        sums.TryGetValue(unit, out var s) && s.Count > 0 ? s.Sum / s.Count : 0;
}
