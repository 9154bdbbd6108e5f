namespace Okr.Domain.Objectives;

/// <summary>
/// Alignments as a directed graph of objectives, each edge from a child up to its parent: the one place that walks
/// them (ancestors, descendants, the cycle check, children-first order, layers), for the domain rules, the grader and
/// the read model alike (ADR 0019). Cycles are refused when aligning; should a bad row make one anyway, every walk
/// still ends. Edges keep the order they were given in, so every walk is deterministic.
/// </summary>
public sealed class AlignmentGraph
{
    private readonly HashSet<(Guid Child, Guid Parent)> _edges;
    private readonly ILookup<Guid, Guid> _parentsOf;
    private readonly ILookup<Guid, Guid> _childrenOf;

    public AlignmentGraph(IEnumerable<(Guid Child, Guid Parent)> edges)
    {
        var list = edges.ToList();
        _edges = [.. list];
        _parentsOf = list.ToLookup(e => e.Child, e => e.Parent);
        _childrenOf = list.ToLookup(e => e.Parent, e => e.Child);
    }

    public static readonly AlignmentGraph Empty = new([]);

    /// <summary>
    /// The part of a graph whose edges live elsewhere (the database), reachable from <paramref name="from"/> upwards
    /// (to parents) or downwards (to children): asks <paramref name="edgesAt"/> for the edges of each frontier, a level
    /// at a time, never for an objective twice nor for one of <paramref name="known"/>, and answers the graph of the edges
    /// it was given.
    /// </summary>
    public static async Task<AlignmentGraph> LoadAsync(IEnumerable<Guid> from, bool upwards,
        Func<IReadOnlyList<Guid>, Task<IEnumerable<(Guid Child, Guid Parent)>>> edgesAt, IEnumerable<Guid>? known = null)
    {
        ArgumentNullException.ThrowIfNull(edgesAt);
        var seen = new HashSet<Guid>(known ?? []);
        var frontier = from.Where(seen.Add).ToList();
        var edges = new List<(Guid Child, Guid Parent)>();
        while (frontier.Count > 0)
        {
            var level = (await edgesAt(frontier)).ToList();
            edges.AddRange(level);
            frontier = level.Select(e => upwards ? e.Parent : e.Child).Where(seen.Add).ToList();
        }
        return new AlignmentGraph(edges);
    }

    /// <summary>The edges, each once.</summary>
    public IReadOnlyCollection<(Guid Child, Guid Parent)> Edges => _edges;

    public bool Contains(Guid child, Guid parent) => _edges.Contains((child, parent));

    public IEnumerable<Guid> ParentsOf(Guid objectiveId) => _parentsOf[objectiveId];

    public IEnumerable<Guid> ChildrenOf(Guid objectiveId) => _childrenOf[objectiveId];

    /// <summary>
    /// Every objective the given ones align to, transitively (a given one only if a cycle leads back to it).
    /// <paramref name="reaches"/>, when given, says which parents the walk may enter, and <paramref name="passesOn"/>
    /// which of those it continues above (one that is entered but does not pass on is included, its parents are not).
    /// </summary>
    public HashSet<Guid> AncestorsOf(IEnumerable<Guid> objectiveIds, Func<Guid, bool>? reaches = null, Func<Guid, bool>? passesOn = null) =>
        Reach(objectiveIds, _parentsOf, reaches, passesOn);

    /// <summary>Every objective aligned to the given ones, transitively (a given one only if a cycle leads back to it).</summary>
    public HashSet<Guid> DescendantsOf(IEnumerable<Guid> objectiveIds) => Reach(objectiveIds, _childrenOf, null, null);

    /// <summary>True when adding child → parent would close a loop: the child is the parent or one of its ancestors.</summary>
    public bool WouldCreateCycle(Guid child, Guid parent) => child == parent || AncestorsOf([parent]).Contains(child);

    /// <summary>
    /// The given objectives ordered so that each comes after every one of them aligned below it (through edges among
    /// them), ties in id order.
    /// </summary>
    public IReadOnlyList<Guid> ChildrenFirst(IEnumerable<Guid> objectiveIds)
    {
        var ids = objectiveIds.ToHashSet();
        var ordered = new List<Guid>();
        var done = new HashSet<Guid>();
        var visiting = new HashSet<Guid>();

        void Visit(Guid id)
        {
            if (done.Contains(id) || !visiting.Add(id)) return; // a back edge of a cycle is not followed
            foreach (var child in _childrenOf[id].Where(ids.Contains)) Visit(child);
            visiting.Remove(id);
            done.Add(id);
            ordered.Add(id);
        }

        foreach (var id in ids.Order()) Visit(id);
        return ordered;
    }

    /// <summary>
    /// Each objective's layer: the length of the longest chain of parents above it (0: nothing above), for layered
    /// drawings. A back edge of a cycle counts as nothing above.
    /// </summary>
    public IReadOnlyDictionary<Guid, int> Levels(IEnumerable<Guid> objectiveIds)
    {
        var levels = new Dictionary<Guid, int>();
        var visiting = new HashSet<Guid>();

        int LevelOf(Guid id)
        {
            if (levels.TryGetValue(id, out var known)) return known;
            if (!visiting.Add(id)) return 0;
            var level = _parentsOf[id].Select(p => LevelOf(p) + 1).DefaultIfEmpty(0).Max();
            visiting.Remove(id);
            return levels[id] = level;
        }

        foreach (var id in objectiveIds) LevelOf(id);
        return levels;
    }

    private static HashSet<Guid> Reach(IEnumerable<Guid> from, ILookup<Guid, Guid> next, Func<Guid, bool>? reaches, Func<Guid, bool>? passesOn)
    {
        var found = new HashSet<Guid>();
        var stack = new Stack<Guid>(from.Distinct());
        while (stack.Count > 0)
        {
            foreach (var neighbour in next[stack.Pop()])
            {
                if ((reaches is null || reaches(neighbour)) && found.Add(neighbour) && (passesOn is null || passesOn(neighbour)))
                    stack.Push(neighbour);
            }
        }
        return found;
    }
}
