using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.OkrGraph.Queries.KeyResultDetails;
using Okr.Application.OkrGraph.Snapshot;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Computations;
using Okr.Domain.Objectives;
using Okr.Domain.Work;

namespace Okr.Application.OkrGraph.Queries.GetDashboard;

/// <summary>
/// The executive binder of a unit (default: the company) for a period, with or without the units below it, as it
/// stood at <paramref name="AsOf"/> (null: now).
/// </summary>
/// <param name="NeedsAttention">At most this many key results in each of at risk, off track and stale, those furthest
/// behind where the plan expects them first (the counts by status stay complete).</param>
public sealed record GetDashboard(Guid PeriodId, Guid? UnitId = null, bool IncludeDescendants = true, DateTimeOffset? AsOf = null,
    int NeedsAttention = GetDashboard.DefaultNeedsAttention) : IQuery<DashboardView>
{
    public const int DefaultNeedsAttention = 50;
    public const int MaxNeedsAttention = 500;
}

/// <param name="Progress">Unit progress: the mean progress of the active and closed objectives in scope, restricted ones included.</param>
/// <param name="ObjectiveCount">Active and closed objectives in scope (restricted ones included).</param>
/// <param name="KeyResultCount">Their key results, and the key results in scope units own on other objectives of the period.</param>
/// <param name="CheckInCompliance">The share of active key results checked in within the cadence window; null without any.</param>
/// <param name="AtRisk">Visible key results at risk, with their latest narrative.</param>
/// <param name="UpcomingCheckpoints">Checkpoints of the period from today (as of) on.</param>
/// <param name="OverdueCheckpoints">Checkpoints before today not marked done.</param>
public sealed record DashboardView(
    PeriodView Period,
    UnitView Unit,
    bool IncludeDescendants,
    DateTimeOffset? AsOf,
    DateTimeOffset EvaluatedAt,
    double Progress,
    double ExpectedProgress,
    int ObjectiveCount,
    int KeyResultCount,
    int HiddenObjectiveCount,
    StatusCountsView ObjectivesByStatus,
    StatusCountsView KeyResultsByStatus,
    IReadOnlyList<FlaggedKeyResultView> AtRisk,
    IReadOnlyList<FlaggedKeyResultView> OffTrack,
    IReadOnlyList<FlaggedKeyResultView> Stale,
    double? CheckInCompliance,
    IReadOnlyList<InitiativeView> BlockedInitiatives,
    IReadOnlyList<CheckpointView> UpcomingCheckpoints,
    IReadOnlyList<CheckpointView> OverdueCheckpoints);

public sealed record StatusCountsView(int NotStarted, int OnTrack, int AtRisk, int OffTrack, int Stale, int Achieved, int Missed)
{
    public static StatusCountsView Of(IEnumerable<OkrStatus?> statuses)
    {
        var counts = statuses.OfType<OkrStatus>().GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        int Count(OkrStatus status) => counts.GetValueOrDefault(status);
        return new(Count(OkrStatus.NotStarted), Count(OkrStatus.OnTrack), Count(OkrStatus.AtRisk), Count(OkrStatus.OffTrack),
            Count(OkrStatus.Stale), Count(OkrStatus.Achieved), Count(OkrStatus.Missed));
    }
}

/// <summary>A key result that needs attention, with what its owner last wrote (as of the dashboard's instant).</summary>
public sealed record FlaggedKeyResultView(KeyResultView KeyResult, string? LatestNarrative, string? LatestBlockers, DateOnly? LatestCheckInDate);

public sealed class GetDashboardValidator : AbstractValidator<GetDashboard>
{
    public GetDashboardValidator(IClock clock)
    {
        RuleFor(q => q.AsOf).NotInTheFuture(clock);
        RuleFor(q => q.NeedsAttention).InclusiveBetween(0, GetDashboard.MaxNeedsAttention);
    }
}

/// <summary>A dashboard with what it was computed from: the snapshot, the units in scope and the directory.</summary>
public sealed record DashboardComputation(DashboardView View, OkrSnapshot Snapshot, IReadOnlySet<Guid> Scope, UnitDirectory Units);

public sealed class GetDashboardHandler(IOkrDbContext db, OkrReadModel reads) : IQueryHandler<GetDashboard, DashboardView>
{
    public async ValueTask<DashboardView> Handle(GetDashboard query, CancellationToken cancellationToken) =>
        (await ComputeAsync(query, cancellationToken)).View;

    /// <summary>
    /// The dashboard and the snapshot it was computed from: a business review (ADR 0029) lists the snapshot's objectives
    /// beside the dashboard's numbers, so both come from one computation.
    /// </summary>
    public async Task<DashboardComputation> ComputeAsync(GetDashboard query, CancellationToken cancellationToken)
    {
        // A unit's dashboard reads that unit's units (its subtree when included, and its ancestors), not the organisation's.
        var units = query.UnitId is { } unitId
            ? await reads.SubtreeAsync(unitId, query.IncludeDescendants, cancellationToken)
            : await reads.UnitsAsync(cancellationToken);
        var unit = query.UnitId is { } id
            ? units.Find(id) ?? throw new NotFoundException("OrgUnit", id)
            : units.Company ?? throw new NotFoundException("OrgUnit", "company");
        var scope = units.Scope(unit.Id, query.IncludeDescendants).ToHashSet();
        var companyWide = unit.Id == units.Company?.Id && query.IncludeDescendants;
        var snapshot = await reads.SnapshotAsync(query.PeriodId, query.AsOf,
            companyWide ? SnapshotScope.WholePeriod : SnapshotScope.Units(scope), cancellationToken);
        var now = snapshot.Now;

        var objectives = snapshot.CountedObjectivesOf(scope);
        var counted = snapshot.Objectives.Where(OkrSnapshot.IsCounted).ToList();
        var objectiveIds = objectives.Select(o => o.Id).ToHashSet();
        // The scope's key results: those of its objectives, and those its units own on other objectives of the period.
        var keyResults = counted.SelectMany(o => o.KeyResults)
            .Where(k => objectiveIds.Contains(k.ObjectiveId) || scope.Contains(k.OwningUnitId))
            .ToList();
        var visibleKeyResults = keyResults.Where(k => snapshot.CanSee(k.ObjectiveId)).ToList();
        var stateOf = counted.ToDictionary(o => o.Id, o => o.State);

        // The most important few of each flag, not every flagged key result of a large organisation.
        var flagged = visibleKeyResults.Where(k => k.Status is OkrStatus.AtRisk or OkrStatus.OffTrack or OkrStatus.Stale)
            .GroupBy(k => k.Status)
            .SelectMany(g => g.OrderBy(k => k.Progress - k.ExpectedProgress).ThenBy(k => k.Title, StringComparer.Ordinal).Take(query.NeedsAttention))
            .ToList();
        var latest = await LatestCheckIns.LoadAsync(db, flagged.Select(k => k.Id).ToList(), now, cancellationToken);
        List<FlaggedKeyResultView> Flagged(OkrStatus status) => flagged
            .Where(k => k.Status == status)
            .Select(k => latest.TryGetValue(k.Id, out var c)
                ? new FlaggedKeyResultView(k, c.Narrative, c.Blockers, c.EffectiveDate)
                : new FlaggedKeyResultView(k, null, null, null))
            .ToList();

        var compliance = CheckInCompliance.Compute(
            keyResults.Where(k => stateOf[k.ObjectiveId] == ObjectiveState.Active).Select(k => k.LastCheckInAt),
            now, snapshot.Settings.CheckInCadenceDays);

        var visibleIds = visibleKeyResults.Select(k => k.Id).ToHashSet();
        // Narrowed in SQL to the scope's units and key results (then exactly as before in memory), not every blocked
        // initiative of the organisation.
        var scopeUnits = scope.Select(u => (Guid?)u).ToList();
        var scopeKeyResults = visibleIds.ToList();
        var blockedInitiatives = db.Initiatives.AsNoTracking().Where(i => i.Status == InitiativeStatus.Blocked);
        if (!companyWide)
            blockedInitiatives = blockedInitiatives.Where(i => EF.Parameter(scopeUnits).Contains(i.UnitId)
                || db.InitiativeKeyResults.Any(l => l.InitiativeId == i.Id && EF.Parameter(scopeKeyResults).Contains(l.KeyResultId)));
        var blocked = (await blockedInitiatives.ToListAsync(cancellationToken))
            .Where(i => i.KeyResultLinks.Any(l => visibleIds.Contains(l.KeyResultId)) || (i.UnitId is { } owner && scope.Contains(owner)))
            .OrderBy(i => i.DueDate).ThenBy(i => i.Title, StringComparer.Ordinal)
            .Select(KeyResultDetailsHandler.ToView)
            .ToList();

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var view = new DashboardView(
            snapshot.Period, unit, query.IncludeDescendants, snapshot.AsOf, now,
            Progress: snapshot.UnitProgress(scope),
            ExpectedProgress: snapshot.ExpectedProgress,
            ObjectiveCount: objectives.Count,
            KeyResultCount: keyResults.Count,
            HiddenObjectiveCount: snapshot.Objectives.Count(o => scope.Contains(o.OwningUnitId) && !snapshot.CanSee(o.Id)),
            ObjectivesByStatus: StatusCountsView.Of(objectives.Select(o => o.Status)),
            KeyResultsByStatus: StatusCountsView.Of(keyResults.Select(k => k.Status)),
            AtRisk: Flagged(OkrStatus.AtRisk),
            OffTrack: Flagged(OkrStatus.OffTrack),
            Stale: Flagged(OkrStatus.Stale),
            CheckInCompliance: compliance,
            BlockedInitiatives: blocked,
            UpcomingCheckpoints: snapshot.Period.Checkpoints.Where(c => c.Date >= today).ToList(),
            OverdueCheckpoints: snapshot.Period.Checkpoints.Where(c => c.Date < today && !c.Done).ToList());
        return new DashboardComputation(view, snapshot, scope, units);
    }
}
