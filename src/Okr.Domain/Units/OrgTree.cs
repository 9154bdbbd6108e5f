namespace Okr.Domain.Units;

/// <summary>Pure walks over the unit tree given as (id, parent id) pairs.</summary>
public sealed class OrgTree
{
    private readonly Dictionary<Guid, Guid?> _parentOf;
    private readonly ILookup<Guid, Guid> _childrenOf;

    public OrgTree(IEnumerable<(Guid Id, Guid? ParentId)> units)
    {
        _parentOf = units.ToDictionary(u => u.Id, u => u.ParentId);
        _childrenOf = _parentOf.Where(p => p.Value is not null).ToLookup(p => p.Value!.Value, p => p.Key);
    }

    public bool Contains(Guid id) => _parentOf.ContainsKey(id);

    /// <summary>Ancestors from the parent up to the root. Stops on a corrupt cycle rather than looping.</summary>
    public IReadOnlyList<Guid> AncestorsOf(Guid id)
    {
        var result = new List<Guid>();
        var seen = new HashSet<Guid> { id };
        var current = _parentOf.GetValueOrDefault(id);
        while (current is { } parent && seen.Add(parent))
        {
            result.Add(parent);
            current = _parentOf.GetValueOrDefault(parent);
        }
        return result;
    }

    /// <summary>The unit itself and every unit below it, breadth first.</summary>
    public IReadOnlyList<Guid> SubtreeOf(Guid id)
    {
        var result = new List<Guid>();
        var seen = new HashSet<Guid>();
        var queue = new Queue<Guid>();
        queue.Enqueue(id);
        while (queue.Count > 0)
        {
            var next = queue.Dequeue();
            if (!seen.Add(next)) continue;
            result.Add(next);
            foreach (var child in _childrenOf[next]) queue.Enqueue(child);
        }
        return result;
    }

    public IEnumerable<Guid> ChildrenOf(Guid id) => _childrenOf[id];

    /// <summary>True when <paramref name="descendant"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public bool IsInSubtree(Guid descendant, Guid ancestor) =>
        descendant == ancestor || AncestorsOf(descendant).Contains(ancestor);
}
