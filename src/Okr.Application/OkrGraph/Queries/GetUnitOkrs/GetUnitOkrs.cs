using FluentValidation;
using Mediator;
using Okr.Application.Common.Interfaces;
using Okr.Application.OkrGraph.Snapshot;
using Okr.Application.OkrGraph.Views;

namespace Okr.Application.OkrGraph.Queries.GetUnitOkrs;

/// <summary>The OKRs of each unit in a period (batch), with or without the units below it.</summary>
public sealed record GetUnitOkrs(IReadOnlyCollection<Guid> UnitIds, Guid PeriodId, bool IncludeDescendants, DateTimeOffset? AsOf)
    : IQuery<IReadOnlyDictionary<Guid, UnitOkrsView>>;

/// <param name="Progress">Unit progress: the mean progress of its active and closed objectives, restricted ones included.</param>
/// <param name="Objectives">The objectives the caller can see, every state.</param>
/// <param name="HiddenObjectiveCount">Objectives the caller cannot see (counted in <paramref name="Progress"/> when active or closed).</param>
public sealed record UnitOkrsView(Guid UnitId, double Progress, IReadOnlyList<ObjectiveView> Objectives, int HiddenObjectiveCount);

public sealed class GetUnitOkrsValidator : AbstractValidator<GetUnitOkrs>
{
    public GetUnitOkrsValidator(IClock clock) => RuleFor(q => q.AsOf).NotInTheFuture(clock);
}

public sealed class GetUnitOkrsHandler(OkrReadModel reads) : IQueryHandler<GetUnitOkrs, IReadOnlyDictionary<Guid, UnitOkrsView>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, UnitOkrsView>> Handle(GetUnitOkrs query, CancellationToken cancellationToken)
    {
        var units = await reads.UnitsAsync(cancellationToken);
        var scopes = query.UnitIds.Distinct().Where(id => units.Find(id) is not null).SelectMany(id => units.Scope(id, query.IncludeDescendants));
        var snapshot = await reads.SnapshotAsync(query.PeriodId, query.AsOf, SnapshotScope.Units(scopes), cancellationToken);
        var byUnit = snapshot.Objectives.ToLookup(o => o.OwningUnitId);
        var result = new Dictionary<Guid, UnitOkrsView>();
        foreach (var unitId in query.UnitIds.Distinct())
        {
            var scope = snapshot.Units.Find(unitId) is null ? [] : snapshot.Units.Scope(unitId, query.IncludeDescendants);
            var objectives = scope.SelectMany(u => byUnit[u]).ToList();
            result[unitId] = new UnitOkrsView(unitId, snapshot.UnitProgress(scope),
                objectives.Where(o => snapshot.CanSee(o.Id)).ToList(),
                objectives.Count(o => !snapshot.CanSee(o.Id)));
        }
        return result;
    }
}
