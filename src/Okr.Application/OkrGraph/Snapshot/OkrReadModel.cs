using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Objectives;

namespace Okr.Application.OkrGraph.Snapshot;

/// <summary>
/// The read side's loader, one per request (scoped). A period's snapshot costs a fixed number of SQL statements
/// whatever its size (organisation, periods, units, objectives, alignments, other periods' objectives when any,
/// key results, check-ins) and is computed in memory with the domain functions; everything is cached for the rest
/// of the request, so the many fields of one GraphQL query share it.
/// </summary>
public sealed class OkrReadModel(IOkrDbContext db, IClock clock, AccessPolicyProvider access)
{
    private OrganizationView? _organization;
    private UnitDirectory? _units;
    private PeriodDirectory? _periods;
    private List<AlignmentRow>? _alignments;
    private readonly Dictionary<(Guid PeriodId, DateTimeOffset? AsOf), OkrSnapshot> _snapshots = [];

    public DateTimeOffset UtcNow => clock.UtcNow;

    public async ValueTask<OrganizationView> OrganizationAsync(CancellationToken cancellationToken)
    {
        if (_organization is not null) return _organization;
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? throw new ForbiddenException("You do not belong to an organisation yet: create one or accept an invitation.");
        return _organization = new OrganizationView(organization.Id, organization.Version, organization.Name, organization.Settings);
    }

    public async ValueTask<UnitDirectory> UnitsAsync(CancellationToken cancellationToken)
    {
        if (_units is not null) return _units;
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(cancellationToken); // members are auto-included
        return _units = new UnitDirectory(units.Select(u => new UnitView(u.Id, u.Version, u.Name, u.Kind, u.ParentId,
            u.Members.Select(m => new UnitMemberView(u.Id, m.PersonId, m.Role)).ToList())));
    }

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
    public async ValueTask<OkrSnapshot> SnapshotAsync(Guid periodId, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        asOf = asOf?.ToUniversalTime();
        if (_snapshots.TryGetValue((periodId, asOf), out var cached))
            return cached;

        var organization = await OrganizationAsync(cancellationToken);
        var periods = await PeriodsAsync(cancellationToken);
        var period = periods.Find(periodId) ?? throw new NotFoundException("Period", periodId);
        var units = await UnitsAsync(cancellationToken);
        var policy = await access.GetAsync(cancellationToken);

        var objectives = await db.Objectives.AsNoTracking().Where(o => o.PeriodId == periodId).ToListAsync(cancellationToken);
        // Edges only, for the whole organisation: small, and what walking rollups across periods needs.
        // Alignments to a deleted key result no longer link anything (see CurrentAlignments).
        var alignments = _alignments ??= await db.LiveAlignments().AsNoTracking()
            .Select(a => new AlignmentRow(a.Id, a.ChildObjectiveId, a.ParentObjectiveId, a.ParentKeyResultId, a.Kind, a.Weight, a.CreatedAt))
            .ToListAsync(cancellationToken);

        // Outside the period: contributing descendants (they count in rollups) and the other ends of its alignments.
        var inPeriod = objectives.Select(o => o.Id).ToHashSet();
        var descendants = ContributingDescendants(inPeriod, alignments);
        var others = alignments.Where(a => inPeriod.Contains(a.ChildObjectiveId)).Select(a => a.ParentObjectiveId)
            .Concat(alignments.Where(a => inPeriod.Contains(a.ParentObjectiveId)).Select(a => a.ChildObjectiveId))
            .Concat(descendants)
            .Where(id => !inPeriod.Contains(id))
            .Distinct()
            .ToList();
        var otherObjectives = others.Count == 0
            ? []
            : await db.Objectives.AsNoTracking().Where(o => EF.Parameter(others).Contains(o.Id)).ToListAsync(cancellationToken);

        var computed = inPeriod.Concat(descendants).Distinct().ToList();
        var keyResults = await db.KeyResults.AsNoTracking().Where(k => EF.Parameter(computed).Contains(k.ObjectiveId)).ToListAsync(cancellationToken);
        var keyResultIds = keyResults.Select(k => k.Id).ToList();
        var checkIns = await db.CheckIns.AsNoTracking()
            .Where(c => EF.Parameter(keyResultIds).Contains(c.KeyResultId))
            .Select(c => new CheckInPoint(c.KeyResultId, c.Value, c.Confidence, c.RecordedAt, c.EffectiveDate))
            .ToListAsync(cancellationToken);

        var snapshot = new OkrSnapshot(period, periods, units, organization.Settings, policy, asOf ?? clock.UtcNow, asOf,
            new SnapshotRows(objectives, otherObjectives, alignments, keyResults, checkIns));
        _snapshots[(periodId, asOf)] = snapshot;
        return snapshot;
    }

    /// <summary>The periods these objectives belong to (one statement for those not already in a loaded snapshot).</summary>
    public async ValueTask<IReadOnlyDictionary<Guid, Guid>> PeriodsOfObjectivesAsync(IReadOnlyCollection<Guid> objectiveIds, CancellationToken cancellationToken)
    {
        var known = new Dictionary<Guid, Guid>();
        foreach (var objective in _snapshots.Values.SelectMany(s => s.Objectives))
            known.TryAdd(objective.Id, objective.PeriodId);
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

    private static HashSet<Guid> ContributingDescendants(HashSet<Guid> roots, IReadOnlyList<AlignmentRow> alignments)
    {
        var childrenOf = alignments.Where(a => a.Kind == AlignmentKind.Contributes).ToLookup(a => a.ParentObjectiveId, a => a.ChildObjectiveId);
        var found = new HashSet<Guid>();
        var stack = new Stack<Guid>(roots);
        while (stack.Count > 0)
        {
            foreach (var child in childrenOf[stack.Pop()])
            {
                if (!roots.Contains(child) && found.Add(child))
                    stack.Push(child);
            }
        }
        return found;
    }
}
