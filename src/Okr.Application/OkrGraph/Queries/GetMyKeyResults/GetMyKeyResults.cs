using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.OkrGraph.Snapshot;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Objectives;

namespace Okr.Application.OkrGraph.Queries.GetMyKeyResults;

/// <summary>
/// The caller's key results in a period, as they stood at <paramref name="AsOf"/> (null: now): those they own and
/// those owned by a unit they are a member of, on objectives they can see that are not cancelled. What "My week"
/// shows, without sending the whole tree.
/// </summary>
public sealed record GetMyKeyResults(Guid PeriodId, DateTimeOffset? AsOf = null) : IQuery<MyKeyResultsView>;

/// <param name="EvaluatedAt">The instant the values are computed at: <paramref name="AsOf"/>, or now.</param>
/// <param name="KeyResults">Due for a check-in first, then those on active objectives, then those the caller owns (before
/// their units'), then in the tree's order (units breadth first from the company, each unit's objectives by creation).</param>
public sealed record MyKeyResultsView(PeriodView Period, DateTimeOffset? AsOf, DateTimeOffset EvaluatedAt, double ExpectedProgress,
    IReadOnlyList<KeyResultView> KeyResults);

public sealed class GetMyKeyResultsValidator : AbstractValidator<GetMyKeyResults>
{
    public GetMyKeyResultsValidator(IClock clock) => RuleFor(q => q.AsOf).NotInTheFuture(clock);
}

public sealed class GetMyKeyResultsHandler(IOkrDbContext db, OkrReadModel reads, AccessPolicyProvider access) : IQueryHandler<GetMyKeyResults, MyKeyResultsView>
{
    public async ValueTask<MyKeyResultsView> Handle(GetMyKeyResults query, CancellationToken cancellationToken)
    {
        // Who the caller is and their memberships; the snapshot loads the units it needs.
        var me = await access.GetForUnitsAsync([], cancellationToken);
        // Only the objectives that carry the caller's key results are read (ADR 0013).
        var personId = me.PersonId;
        var unitIds = me.MemberUnitIds.ToList();
        var objectiveIds = await db.KeyResults.AsNoTracking()
            .Where(k => k.OwnerId == personId || EF.Parameter(unitIds).Contains(k.OwningUnitId))
            .Join(db.Objectives.Where(o => o.PeriodId == query.PeriodId), k => k.ObjectiveId, o => o.Id, (k, o) => o.Id)
            .Distinct()
            .ToListAsync(cancellationToken);
        var snapshot = await reads.SnapshotAsync(query.PeriodId, query.AsOf, SnapshotScope.Objectives(objectiveIds), cancellationToken);

        // The tree's order, as okrTree lists it: units breadth first from the company, each unit's visible objectives.
        var visible = snapshot.VisibleObjectives.Where(o => o.State != ObjectiveState.Cancelled).ToList();
        var directory = await reads.UnitChainsAsync(visible.Select(o => o.OwningUnitId), cancellationToken);
        var units = directory.Company is { } company ? directory.Tree.SubtreeOf(company.Id) : [];
        var byUnit = visible.ToLookup(o => o.OwningUnitId);
        var mine = units
            .SelectMany(unit => byUnit[unit])
            .SelectMany(objective => objective.KeyResults.Select(keyResult => (Objective: objective, KeyResult: keyResult)))
            .Where(x => x.KeyResult.OwnerId == me.PersonId || me.IsMemberOf(x.KeyResult.OwningUnitId))
            .DistinctBy(x => x.KeyResult.Id)
            // Stable sorts: what needs doing this week comes first.
            .OrderByDescending(x => x.KeyResult.CheckInDue)
            .ThenByDescending(x => x.Objective.State == ObjectiveState.Active)
            .ThenByDescending(x => x.KeyResult.OwnerId == me.PersonId)
            .Select(x => x.KeyResult)
            .ToList();
        return new MyKeyResultsView(snapshot.Period, snapshot.AsOf, snapshot.Now, snapshot.ExpectedProgress, mine);
    }
}
