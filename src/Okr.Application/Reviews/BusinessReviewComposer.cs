using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.OkrGraph.Queries.GetDashboard;
using Okr.Application.OkrGraph.Snapshot;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Organizations;
using Okr.Domain.Reviews;

namespace Okr.Application.Reviews;

/// <summary>
/// Computes a business review's document (ADR 0029) with the dashboard's own computation (<see cref="GetDashboardHandler"/>)
/// as of the review's instant, for the unit and the units below it, and lists the objectives of the very snapshot the
/// dashboard's numbers came from: there is no second progress computation. A review is read by the whole organisation,
/// so it is computed as a member of no unit sees it (<see cref="OrganizationReader"/>): public objectives are listed,
/// restricted ones counted.
/// </summary>
public sealed class BusinessReviewComposer(IOkrDbContext db, IClock clock)
{
    /// <summary>At most this many key results in each of at risk, off track and stale (the counts stay complete).</summary>
    public const int AttentionItems = 50;

    public async Task<BusinessReviewDocument> ComposeAsync(Guid unitId, Guid periodId, DateTimeOffset asOf, BusinessReview? previous,
        string? requestedByName, CancellationToken cancellationToken)
    {
        var reads = new OkrReadModel(db, clock, new AccessPolicyProvider(db, OrganizationReader.Instance));
        var (dashboard, snapshot, scope, units) = await new GetDashboardHandler(db, reads)
            .ComputeAsync(new GetDashboard(periodId, unitId, IncludeDescendants: true, asOf, AttentionItems), cancellationToken);

        var objectives = snapshot.VisibleObjectives.Where(o => OkrSnapshot.IsCounted(o) && scope.Contains(o.OwningUnitId)).ToList();
        var keyResults = objectives.SelectMany(o => o.KeyResults).ToList();
        var latest = await LatestCheckIns.LoadAsync(db, keyResults.Select(k => k.Id).ToList(), snapshot.Now, cancellationToken);

        var flaggedIds = dashboard.AtRisk.Concat(dashboard.OffTrack).Concat(dashboard.Stale).Select(f => f.KeyResult).ToList();
        var people = await NamesAsync(objectives.Select(o => o.OwnerId)
            .Concat(keyResults.Select(k => k.OwnerId))
            .Concat(flaggedIds.Select(k => k.OwnerId))
            .Concat(dashboard.BlockedInitiatives.Select(i => i.OwnerId)), cancellationToken);
        string? Name(Guid? personId) => personId is { } id ? people.GetValueOrDefault(id) : null;
        var objectiveTitles = snapshot.Objectives.ToDictionary(o => o.Id, o => o.Title);

        var before = previous is null ? null : BusinessReviewDocument.FromJson(previous.Document);
        var previousObjectives = before?.Objectives.ToDictionary(o => o.Id);
        var previousKeyResults = before?.Objectives.SelectMany(o => o.KeyResults).ToDictionary(k => k.Id);

        List<ReviewFlaggedKeyResult> Flagged(IEnumerable<FlaggedKeyResultView> items) => items
            .Select(f => new ReviewFlaggedKeyResult(f.KeyResult.Id, f.KeyResult.Title, objectiveTitles.GetValueOrDefault(f.KeyResult.ObjectiveId),
                Name(f.KeyResult.OwnerId), f.KeyResult.Status, f.KeyResult.Progress, f.KeyResult.ExpectedProgress, f.LatestNarrative, f.LatestBlockers,
                f.LatestCheckInDate))
            .ToList();

        return new BusinessReviewDocument(
            unitId,
            units.Find(unitId)?.Name ?? dashboard.Unit.Name,
            periodId,
            dashboard.Period.Name,
            dashboard.Period.Start,
            dashboard.Period.End,
            snapshot.Now,
            requestedByName,
            previous?.Id,
            previous?.AsOf,
            dashboard.Progress,
            dashboard.ExpectedProgress,
            before is null ? null : dashboard.Progress - before.Progress,
            dashboard.ObjectiveCount,
            dashboard.KeyResultCount,
            dashboard.HiddenObjectiveCount,
            dashboard.ObjectivesByStatus,
            dashboard.KeyResultsByStatus,
            dashboard.CheckInCompliance,
            dashboard.CheckInCompliance is { } compliance && before?.CheckInCompliance is { } was ? compliance - was : null,
            objectives.Select(o => new ReviewObjective(
                o.Id, o.Title, units.Find(o.OwningUnitId)?.Name ?? "", Name(o.OwnerId), o.State, o.Progress, o.ExpectedProgress, o.Status,
                IsNew: previousObjectives is not null && !previousObjectives.ContainsKey(o.Id),
                Change: previousObjectives?.GetValueOrDefault(o.Id) is { } p ? new ReviewChange(p.Progress, p.Status, o.Progress - p.Progress) : null,
                o.KeyResults.Select(k => new ReviewKeyResult(
                    k.Id, k.Title, Name(k.OwnerId), k.CurrentValue, k.Target, k.UnitLabel, k.Progress, k.Status, k.LatestConfidence,
                    IsNew: previousKeyResults is not null && !previousKeyResults.ContainsKey(k.Id),
                    Change: previousKeyResults?.GetValueOrDefault(k.Id) is { } pk ? new ReviewChange(pk.Progress, pk.Status, k.Progress - pk.Progress) : null))
                    .ToList()))
                .ToList(),
            Flagged(dashboard.AtRisk),
            Flagged(dashboard.OffTrack),
            Flagged(dashboard.Stale),
            dashboard.BlockedInitiatives
                .Select(i => new ReviewInitiative(i.Id, i.Title, Name(i.OwnerId), i.DueDate, i.ExternalSystem, i.ExternalKey, i.ExternalUrl))
                .ToList(),
            dashboard.UpcomingCheckpoints,
            dashboard.OverdueCheckpoints,
            keyResults
                .Where(k => latest.TryGetValue(k.Id, out var c) && !string.IsNullOrWhiteSpace(c.Blockers))
                .Select(k => (KeyResult: k, CheckIn: latest[k.Id]))
                .OrderBy(x => x.CheckIn.EffectiveDate).ThenBy(x => x.KeyResult.Title, StringComparer.Ordinal)
                .Select(x => new ReviewHelpRequest(x.KeyResult.Id, x.KeyResult.Title, Name(x.KeyResult.OwnerId), x.KeyResult.Status, x.CheckIn.Blockers!,
                    x.CheckIn.NextSteps, x.CheckIn.EffectiveDate))
                .ToList());
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.People.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
    }
}

/// <summary>
/// A reader of the organisation who is a member of no unit and no admin: sees the public objectives, as everyone in the
/// organisation does. Business reviews are computed from this point of view, whoever asks for one.
/// </summary>
public sealed class OrganizationReader : ICurrentUser
{
    public static OrganizationReader Instance { get; } = new();

    public bool IsAuthenticated => true;
    public Guid? UserId => null;
    public string? Email => null;
    /// <summary>No person has this id: the reader owns nothing and belongs to no unit.</summary>
    public Guid? PersonId => Guid.Empty;
    public Guid? OrganizationId => null;
    public OrganizationRole? Role => OrganizationRole.Member;
    public ServiceAccountScope? ServiceAccountScope => null;
    public Guid? ServiceAccountUnitId => null;
}
