using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Objectives;
using Okr.Domain.Units;

namespace Okr.Application.OkrGraph.Snapshot;

/// <summary>
/// The read side's loader, one per request (scoped). A snapshot costs a fixed number of SQL statements whatever its
/// size (organisation, periods, units, objectives, alignments, other periods' objectives when any, key results,
/// check-ins; at an earlier instant one more per level of contributing descendants) and reads only the scope the
/// query answers (ADR 0013); it is computed in memory with the domain functions and cached for the rest of the
/// request, so the many fields of one GraphQL query share it.
/// </summary>
public sealed class OkrReadModel(IOkrDbContext db, IClock clock, AccessPolicyProvider access)
{
    private OrganizationView? _organization;
    private UnitDirectory? _units;
    private UnitDirectory? _known; // the units read so far when the whole directory was not needed
    private PeriodDirectory? _periods;
    private readonly Dictionary<(Guid PeriodId, DateTimeOffset? AsOf, string Scope), OkrSnapshot> _snapshots = [];

    public DateTimeOffset UtcNow => clock.UtcNow;

    public async ValueTask<OrganizationView> OrganizationAsync(CancellationToken cancellationToken)
    {
        if (_organization is not null) return _organization;
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? throw new ForbiddenException("You do not belong to an organisation yet: create one or accept an invitation.");
        return _organization = new OrganizationView(organization.Id, organization.Version, organization.Name, organization.Settings, organization.Reminders);
    }

    public async ValueTask<UnitDirectory> UnitsAsync(CancellationToken cancellationToken)
    {
        if (_units is not null) return _units;
        // Two slim projections rather than entities with their members included: the directory of a large
        // organisation is read on most requests.
        var units = await db.OrgUnits.AsNoTracking().IgnoreAutoIncludes()
            .Select(u => new { u.Id, u.Version, u.Name, u.Kind, u.ParentId }).ToListAsync(cancellationToken);
        var members = (await db.UnitMemberships.AsNoTracking().OrderBy(m => m.Id)
                .Select(m => new UnitMemberView(m.UnitId, m.PersonId, m.Role)).ToListAsync(cancellationToken))
            .ToLookup(m => m.UnitId);
        return _units = new UnitDirectory(units.Select(u => new UnitView(u.Id, u.Version, u.Name, u.Kind, u.ParentId, members[u.Id].ToList())));
    }

    /// <summary>
    /// A directory of these units and their ancestors up to the company (one statement per level, one for members; those
    /// already read in this request are not read again, and the whole directory answers when loaded): the
    /// tree as far as these units are concerned, in the same order as the whole directory.
    /// </summary>
    public async ValueTask<UnitDirectory> UnitChainsAsync(IEnumerable<Guid> unitIds, CancellationToken cancellationToken)
    {
        if (_units is not null) return _units;
        var missing = unitIds.Where(id => _known?.Find(id) is null).Distinct().ToList();
        if (missing.Count == 0)
            return _known ?? new UnitDirectory([]);
        return Remember(await WithMembersAsync(await UnitChains.LoadAsync(db, missing, cancellationToken, id => _known?.Find(id) is not null),
            cancellationToken));
    }

    /// <summary>
    /// Units by id with their ancestors, those already read in this request not read again (the whole directory when it
    /// was loaded): what a field naming a unit (an objective's owning unit, a unit's parent) costs, whatever the
    /// organisation's size. Missing ids are left out.
    /// </summary>
    public async ValueTask<IReadOnlyDictionary<Guid, UnitView>> UnitsByIdAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var units = await UnitChainsAsync(ids, cancellationToken);
        var result = new Dictionary<Guid, UnitView>();
        foreach (var id in ids)
            if (units.Find(id) is { } unit) result[id] = unit;
        return result;
    }

    /// <summary>
    /// The directory as far as a unit's subtree is concerned: the unit, every unit below it (or none with
    /// <paramref name="withDescendants"/> false) and its ancestors up to the company, with their members. One statement per
    /// level of the tree, so a division's tree or dashboard reads its own units, not the organisation's. The company's
    /// subtree is the whole directory.
    /// </summary>
    public async ValueTask<UnitDirectory> SubtreeAsync(Guid rootId, bool withDescendants, CancellationToken cancellationToken)
    {
        if (_units is not null) return _units;
        if (_known?.Find(rootId) is { } knownRoot && knownRoot.ParentId is not null && !withDescendants)
            return _known;
        var chain = await UnitChains.LoadAsync(db, [rootId], cancellationToken);
        var root = chain.FirstOrDefault(u => u.Id == rootId) ?? throw new NotFoundException("OrgUnit", rootId);
        if (root.ParentId is null && withDescendants)
            return await UnitsAsync(cancellationToken);
        var rows = chain.ToList();
        var frontier = withDescendants ? new List<Guid> { rootId } : [];
        var seen = rows.Select(u => u.Id).ToHashSet();
        while (frontier.Count > 0)
        {
            var level = await db.OrgUnits.AsNoTracking().IgnoreAutoIncludes()
                .Where(u => u.ParentId != null && EF.Parameter(frontier).Contains(u.ParentId.Value))
                .Select(u => new UnitRow(u.Id, u.Version, u.Name, u.Kind, u.ParentId)).ToListAsync(cancellationToken);
            level = level.Where(u => seen.Add(u.Id)).ToList();
            rows.AddRange(level);
            frontier = level.Select(u => u.Id).ToList();
        }
        return Remember(await WithMembersAsync(rows, cancellationToken));
    }

    /// <summary>
    /// A unit (default: the company) with the directory as far as its subtree is concerned: what a unit's tree, map or
    /// binder reads, not the organisation's units (the company's is the whole directory).
    /// </summary>
    public async ValueTask<(UnitDirectory Units, UnitView Root)> RootedSubtreeAsync(Guid? rootUnitId, CancellationToken cancellationToken)
    {
        var units = rootUnitId is { } id
            ? await SubtreeAsync(id, withDescendants: true, cancellationToken)
            : await UnitsAsync(cancellationToken);
        var root = rootUnitId is { } rootId
            ? units.Find(rootId) ?? throw new NotFoundException("OrgUnit", rootId)
            : units.Company ?? throw new NotFoundException("OrgUnit", "company");
        return (units, root);
    }

    private async Task<UnitDirectory> WithMembersAsync(IReadOnlyList<UnitRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(u => u.Id).ToList();
        var members = ids.Count == 0 ? Enumerable.Empty<UnitMemberView>().ToLookup(m => m.UnitId) : (await db.UnitMemberships.AsNoTracking()
                .Where(m => EF.Parameter(ids).Contains(m.UnitId)).OrderBy(m => m.Id)
                .Select(m => new UnitMemberView(m.UnitId, m.PersonId, m.Role)).ToListAsync(cancellationToken))
            .ToLookup(m => m.UnitId);
        return new UnitDirectory(rows.Select(u => new UnitView(u.Id, u.Version, u.Name, u.Kind, u.ParentId, members[u.Id].ToList())));
    }

    /// <summary>Adds units read without the whole directory to those known in this request.</summary>
    private UnitDirectory Remember(UnitDirectory units) =>
        _known = _known is null ? units : new UnitDirectory(_known.All.Concat(units.All.Where(u => _known.Find(u.Id) is null)));

    public async ValueTask<PeriodDirectory> PeriodsAsync(CancellationToken cancellationToken)
    {
        if (_periods is not null) return _periods;
        var periods = await db.Periods.AsNoTracking().ToListAsync(cancellationToken); // checkpoints are auto-included
        return _periods = new PeriodDirectory(periods.Select(PeriodView.Of).ToList());
    }

    public async ValueTask<PeriodView> PeriodAsync(Guid periodId, CancellationToken cancellationToken) =>
        (await PeriodsAsync(cancellationToken)).Find(periodId) ?? throw new NotFoundException("Period", periodId);

    public async ValueTask<UnitView> UnitAsync(Guid unitId, CancellationToken cancellationToken) =>
        (await UnitsAsync(cancellationToken)).Find(unitId) ?? throw new NotFoundException("OrgUnit", unitId);

    /// <summary>The period's OKRs as they stood at <paramref name="asOf"/> (null: now), computed once per request.</summary>
    public ValueTask<OkrSnapshot> SnapshotAsync(Guid periodId, DateTimeOffset? asOf, CancellationToken cancellationToken) =>
        SnapshotAsync(periodId, asOf, SnapshotScope.WholePeriod, cancellationToken);

    /// <summary>
    /// The part of the period's OKRs a query answers from (<paramref name="scope"/>), as they stood at
    /// <paramref name="asOf"/> (null: now). Only the scope's rows are read: its objectives, their key results and
    /// check-ins, the alignments that touch them and the objectives at their other ends; progress now is the
    /// maintained value, and an earlier instant replays the history of the scope and its contributing descendants
    /// only. A whole-period snapshot already loaded in this request answers any scope.
    /// </summary>
    public async ValueTask<OkrSnapshot> SnapshotAsync(Guid periodId, DateTimeOffset? asOf, SnapshotScope scope, CancellationToken cancellationToken)
    {
        asOf = asOf?.ToUniversalTime();
        if (_snapshots.TryGetValue((periodId, asOf, SnapshotScope.WholePeriod.Key), out var whole))
            return whole;
        if (_snapshots.TryGetValue((periodId, asOf, scope.Key), out var cached))
            return cached;
        if (scope is SnapshotScope.ObjectivesScope wanted
            && _snapshots.FirstOrDefault(e => e.Key.PeriodId == periodId && e.Key.AsOf == asOf && wanted.Ids.All(e.Value.Contains)).Value is { } covering)
            return covering;

        var organization = await OrganizationAsync(cancellationToken);
        var periods = await PeriodsAsync(cancellationToken);
        var period = periods.Find(periodId) ?? throw new NotFoundException("Period", periodId);

        var inPeriod = db.Objectives.AsNoTracking().Where(o => o.PeriodId == periodId);
        var objectives = scope switch
        {
            SnapshotScope.ObjectivesScope s => await ObjectivesAsync(inPeriod, s.Ids.ToList(), cancellationToken),
            SnapshotScope.UnitsScope s => await UnitObjectivesAsync(inPeriod, s.UnitIds.ToList(), cancellationToken),
            _ => await inPeriod.ToListAsync(cancellationToken),
        };
        var scopeIds = objectives.Select(o => o.Id).ToHashSet();
        var scopeIdList = scopeIds.ToList();

        // The alignments that touch the scope (alignments to a deleted key result no longer link anything).
        var alignments = await db.LiveAlignments().AsNoTracking()
            .Where(a => EF.Parameter(scopeIdList).Contains(a.ChildObjectiveId) || EF.Parameter(scopeIdList).Contains(a.ParentObjectiveId))
            .Select(a => new AlignmentRow(a.Id, a.ChildObjectiveId, a.ParentObjectiveId, a.ParentKeyResultId, a.Kind, a.Weight, a.CreatedAt))
            .ToListAsync(cancellationToken);
        // At an earlier instant progress is replayed, so the contributing descendants (any period) are computed too.
        var descendants = asOf is null ? [] : await ContributingDescendantsAsync(scopeIds, alignments, cancellationToken);
        var others = alignments.Select(a => a.ParentObjectiveId)
            .Concat(alignments.Select(a => a.ChildObjectiveId))
            .Concat(descendants)
            .Where(id => !scopeIds.Contains(id))
            .Distinct()
            .ToList();
        var otherObjectives = others.Count == 0
            ? []
            : await db.Objectives.AsNoTracking().Where(o => EF.Parameter(others).Contains(o.Id)).ToListAsync(cancellationToken);

        var computed = scopeIds.Concat(descendants).Distinct().ToList();
        var keyResults = await db.KeyResults.AsNoTracking().Where(k => EF.Parameter(computed).Contains(k.ObjectiveId)).ToListAsync(cancellationToken);
        var keyResultIds = keyResults.Select(k => k.Id).ToList();
        // Now, the key results carry their maintained readings: their check-ins are read only to replay an earlier instant.
        var checkIns = asOf is null ? [] : await db.CheckIns.AsNoTracking()
            .Where(c => EF.Parameter(keyResultIds).Contains(c.KeyResultId))
            .Select(c => new CheckInPoint(c.KeyResultId, c.Value, c.Confidence, c.RecordedAt, c.EffectiveDate))
            .ToListAsync(cancellationToken);

        // A scope needs only the units its rows name, with their ancestors (for the rights of leads above), added to those
        // already read (a unit's subtree): a statement per level of the tree however large the organisation. The whole
        // period uses the whole tree.
        UnitDirectory units;
        AccessPolicy policy;
        if (scope is not SnapshotScope.WholePeriodScope && _units is null)
        {
            // Public objectives are visible to everyone: the tree above a unit and the caller's memberships matter only for
            // restricted ones, so a scope of public objectives reads no unit at all (fields naming units read them by id).
            var restricted = objectives.Concat(otherObjectives).Where(o => o.Visibility != Visibility.Public).Select(o => o.OwningUnitId).ToList();
            var named = scope is SnapshotScope.UnitsScope
                ? objectives.Concat(otherObjectives).Select(o => o.OwningUnitId).Concat(keyResults.Select(k => k.OwningUnitId)).ToList()
                : restricted;
            units = await UnitChainsAsync(named, cancellationToken);
            policy = restricted.Count == 0 ? access.PublicOnly() : await access.GetForTreeAsync(units.Tree, cancellationToken);
        }
        else
        {
            units = await UnitsAsync(cancellationToken);
            policy = await access.GetAsync(cancellationToken);
        }

        var snapshot = new OkrSnapshot(period, periods, units, organization.Settings, policy, asOf ?? clock.UtcNow, asOf,
            new SnapshotRows(objectives, otherObjectives, alignments, keyResults, checkIns), cancellationToken);
        _snapshots[(periodId, asOf, scope.Key)] = snapshot;
        return snapshot;
    }

    private static Task<List<Objective>> ObjectivesAsync(IQueryable<Objective> inPeriod, List<Guid> ids, CancellationToken cancellationToken) =>
        inPeriod.Where(o => EF.Parameter(ids).Contains(o.Id)).ToListAsync(cancellationToken);

    /// <summary>The units' OKRs, and the objectives carrying key results the units own (the dashboard counts those too).</summary>
    private Task<List<Objective>> UnitObjectivesAsync(IQueryable<Objective> inPeriod, List<Guid> unitIds, CancellationToken cancellationToken) =>
        // "Id IN (the key results' objectives)" rather than a correlated EXISTS: the database finds the units' key
        // results by their index once, instead of probing for every objective of the period.
        inPeriod.Where(o => EF.Parameter(unitIds).Contains(o.OwningUnitId)
                            || db.KeyResults.Where(k => EF.Parameter(unitIds).Contains(k.OwningUnitId)).Select(k => k.ObjectiveId).Contains(o.Id))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Unit progress now, alone and with every unit below, from the maintained rows (ADR 0024): one statement, one row per
    /// unit asked for (null: every unit of the organisation), however many objectives lie below them. A unit with no row
    /// (a database not rebuilt since the rows were added) has 0.
    /// </summary>
    public async Task<Func<Guid, (double Own, double WithDescendants)>> MaintainedUnitProgressAsync(Guid periodId, IReadOnlyList<Guid>? unitIds,
        CancellationToken cancellationToken)
    {
        var rows = db.UnitProgress.AsNoTracking().Where(u => u.PeriodId == periodId);
        if (unitIds is not null)
        {
            var ids = unitIds.ToList();
            rows = rows.Where(u => EF.Parameter(ids).Contains(u.UnitId));
        }
        var byUnit = await rows.ToDictionaryAsync(u => u.UnitId, cancellationToken);
        return unit => byUnit.TryGetValue(unit, out var row) ? (row.Own, row.WithDescendants) : (0, 0);
    }

    /// <summary>
    /// Refuses an answer larger than <paramref name="max"/> objectives (null: no limit) before anything is read or computed:
    /// one count of the objectives of the period these units own (null: all units). <paramref name="refusal"/> words the
    /// refusal from the count and the limit (how to ask for less).
    /// </summary>
    public async Task EnsureAnswerFitsAsync(Guid periodId, IReadOnlyList<Guid>? unitIds, int? max, Func<int, int, string> refusal,
        CancellationToken cancellationToken)
    {
        if (max is not { } limit) return;
        var count = await CountObjectivesAsync(periodId, unitIds, cancellationToken);
        if (count > limit)
            throw new AnswerTooLargeException(Queries.GetOkrTree.GetOkrTree.TooLarge, refusal(count, limit));
    }

    /// <summary>The objectives of the period these units own (null: all units), counted in one statement.</summary>
    public Task<int> CountObjectivesAsync(Guid periodId, IReadOnlyList<Guid>? unitIds, CancellationToken cancellationToken)
    {
        var inPeriod = db.Objectives.AsNoTracking().Where(o => o.PeriodId == periodId);
        if (unitIds is not null)
        {
            var ids = unitIds.ToList();
            inPeriod = inPeriod.Where(o => EF.Parameter(ids).Contains(o.OwningUnitId));
        }
        return inPeriod.CountAsync(cancellationToken);
    }

    /// <summary>The periods these objectives belong to (one statement for those not already in a loaded snapshot).</summary>
    public async ValueTask<IReadOnlyDictionary<Guid, Guid>> PeriodsOfObjectivesAsync(IReadOnlyCollection<Guid> objectiveIds, CancellationToken cancellationToken)
    {
        // The rows snapshots already read include the other ends of their alignments: a parent asked next costs nothing here.
        var known = new Dictionary<Guid, Guid>();
        foreach (var (id, periodId) in _snapshots.Values.SelectMany(s => s.ReadObjectives))
            known.TryAdd(id, periodId);
        var result = new Dictionary<Guid, Guid>();
        var unknown = new List<Guid>();
        foreach (var id in objectiveIds.Distinct())
        {
            if (known.TryGetValue(id, out var periodId)) result[id] = periodId;
            else unknown.Add(id);
        }
        if (unknown.Count > 0)
        {
            var rows = await db.Objectives.AsNoTracking().Where(o => EF.Parameter(unknown).Contains(o.Id))
                .Select(o => new { o.Id, o.PeriodId }).ToListAsync(cancellationToken);
            foreach (var row in rows) result[row.Id] = row.PeriodId;
        }
        return result;
    }

    /// <summary>The objectives of these key results (one statement for those not already in a loaded snapshot).</summary>
    public async ValueTask<IReadOnlyDictionary<Guid, (Guid ObjectiveId, Guid PeriodId)>> ObjectivesOfKeyResultsAsync(IReadOnlyCollection<Guid> keyResultIds,
        CancellationToken cancellationToken)
    {
        var known = new Dictionary<Guid, (Guid, Guid)>();
        foreach (var keyResult in _snapshots.Values.SelectMany(s => s.Objectives).SelectMany(o => o.KeyResults))
            known.TryAdd(keyResult.Id, (keyResult.ObjectiveId, keyResult.PeriodId));
        var result = new Dictionary<Guid, (Guid, Guid)>();
        var unknown = new List<Guid>();
        foreach (var id in keyResultIds.Distinct())
        {
            if (known.TryGetValue(id, out var found)) result[id] = found;
            else unknown.Add(id);
        }
        if (unknown.Count > 0)
        {
            var rows = await db.KeyResults.AsNoTracking().Where(k => EF.Parameter(unknown).Contains(k.Id))
                .Join(db.Objectives, k => k.ObjectiveId, o => o.Id, (k, o) => new { k.Id, k.ObjectiveId, o.PeriodId })
                .ToListAsync(cancellationToken);
            foreach (var row in rows) result[row.Id] = (row.ObjectiveId, row.PeriodId);
        }
        return result;
    }

    /// <summary>
    /// The objectives that contribute to the scope, transitively, in any period: one statement per level. Their
    /// alignments are kept for the rollup.
    /// </summary>
    private async Task<HashSet<Guid>> ContributingDescendantsAsync(HashSet<Guid> roots, List<AlignmentRow> alignments, CancellationToken cancellationToken)
    {
        var read = alignments.Select(a => a.Id).ToHashSet();
        // The first level is among the alignments already read; each further one is a statement.
        var firstLevel = alignments.Where(a => a.Kind == AlignmentKind.Contributes && roots.Contains(a.ParentObjectiveId))
            .Select(a => a.ChildObjectiveId).Where(id => !roots.Contains(id)).Distinct().ToList();
        var below = await AlignmentGraph.LoadAsync(firstLevel, upwards: false, async frontier =>
        {
            var level = await db.LiveAlignments().AsNoTracking()
                .Where(a => a.Kind == AlignmentKind.Contributes && EF.Parameter(frontier).Contains(a.ParentObjectiveId))
                .Select(a => new AlignmentRow(a.Id, a.ChildObjectiveId, a.ParentObjectiveId, a.ParentKeyResultId, a.Kind, a.Weight, a.CreatedAt))
                .ToListAsync(cancellationToken);
            alignments.AddRange(level.Where(a => read.Add(a.Id)));
            return level.Select(a => (a.ChildObjectiveId, a.ParentObjectiveId));
        }, known: roots);
        var found = below.DescendantsOf(firstLevel);
        found.UnionWith(firstLevel);
        found.ExceptWith(roots);
        return found;
    }
}
