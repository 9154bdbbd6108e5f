namespace Okr.Application.OkrGraph.Snapshot;

/// <summary>What part of a period a snapshot reads: the whole period, some objectives, or the OKRs of some units.</summary>
public abstract record SnapshotScope
{
    private SnapshotScope() { }

    public static SnapshotScope WholePeriod { get; } = new WholePeriodScope();

    /// <summary>These objectives (those of other periods are ignored).</summary>
    public static SnapshotScope Objectives(IEnumerable<Guid> ids) => new ObjectivesScope(ids.Distinct().Order().ToList());

    /// <summary>The objectives these units own, and those carrying key results they own.</summary>
    public static SnapshotScope Units(IEnumerable<Guid> unitIds) => new UnitsScope(unitIds.Distinct().Order().ToList());

    /// <summary>Identifies the scope in the request's cache.</summary>
    public abstract string Key { get; }

    public sealed record WholePeriodScope : SnapshotScope
    {
        public override string Key => "period";
    }

    public sealed record ObjectivesScope(IReadOnlyList<Guid> Ids) : SnapshotScope
    {
        public override string Key { get; } = "objectives:" + string.Join(',', Ids);
    }

    public sealed record UnitsScope(IReadOnlyList<Guid> UnitIds) : SnapshotScope
    {
        public override string Key { get; } = "units:" + string.Join(',', UnitIds);
    }
}
