using Okr.Application.OkrGraph.Views;
using Okr.Domain.Units;

namespace Okr.Application.OkrGraph.Snapshot;

/// <summary>The organisation's unit tree, loaded once per request (a small table).</summary>
public sealed class UnitDirectory
{
    private readonly Dictionary<Guid, UnitView> _byId;

    public UnitDirectory(IEnumerable<UnitView> units)
    {
        // Sorted by name, so children and subtrees come out in a stable, readable order.
        All = units.OrderBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Id).ToList();
        _byId = All.ToDictionary(u => u.Id);
        Tree = new OrgTree(All.Select(u => (u.Id, u.ParentId)));
        Roots = All.Where(u => u.ParentId is not { } parent || !_byId.ContainsKey(parent)).ToList();
    }

    public IReadOnlyList<UnitView> All { get; }
    public IReadOnlyList<UnitView> Roots { get; }
    public OrgTree Tree { get; }

    /// <summary>The company: the root of the tree.</summary>
    public UnitView? Company => Roots.FirstOrDefault(u => u.Kind == UnitKind.Company) ?? (Roots.Count > 0 ? Roots[0] : null);

    public UnitView? Find(Guid id) => _byId.GetValueOrDefault(id);

    public IReadOnlyList<UnitView> ChildrenOf(Guid id) => Tree.ChildrenOf(id).Select(c => _byId[c]).ToList();

    /// <summary>Every unit below, breadth first (not the unit itself).</summary>
    public IReadOnlyList<UnitView> DescendantsOf(Guid id) => Tree.SubtreeOf(id).Skip(1).Select(d => _byId[d]).ToList();

    /// <summary>From the parent up to the root.</summary>
    public IReadOnlyList<UnitView> AncestorsOf(Guid id) => Tree.AncestorsOf(id).Select(a => _byId[a]).ToList();

    /// <summary>The unit alone, or the unit and every unit below it (breadth first).</summary>
    public IReadOnlyList<Guid> Scope(Guid unitId, bool includeDescendants) =>
        includeDescendants ? Tree.SubtreeOf(unitId) : [unitId];

    /// <summary>The unit and the units at most <paramref name="depth"/> levels below it, breadth first.</summary>
    public IReadOnlyList<Guid> Levels(Guid unitId, int depth)
    {
        var result = new List<Guid> { unitId };
        var level = new List<Guid> { unitId };
        for (var d = 0; d < depth && level.Count > 0; d++)
        {
            level = level.SelectMany(u => Tree.ChildrenOf(u)).ToList();
            result.AddRange(level);
        }
        return result;
    }
}

/// <summary>The organisation's periods with their checkpoints, loaded once per request.</summary>
public sealed class PeriodDirectory(IReadOnlyCollection<PeriodView> periods)
{
    private readonly Dictionary<Guid, PeriodView> _byId = periods.ToDictionary(p => p.Id);

    /// <summary>Years first, then by start.</summary>
    public IReadOnlyList<PeriodView> All { get; } = periods.OrderBy(p => p.Start).ThenBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

    public PeriodView? Find(Guid id) => _byId.GetValueOrDefault(id);
}
