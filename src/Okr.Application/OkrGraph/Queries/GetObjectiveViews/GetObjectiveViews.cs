using FluentValidation;
using Mediator;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.OkrGraph.Snapshot;
using Okr.Application.OkrGraph.Views;

namespace Okr.Application.OkrGraph.Queries.GetObjectiveViews;

/// <summary>One objective with its computed values, as it stood at <paramref name="AsOf"/> (null: now).</summary>
public sealed record GetObjectiveView(Guid Id, DateTimeOffset? AsOf = null) : IQuery<ObjectiveView>;

/// <summary>One key result with its computed values, as it stood at <paramref name="AsOf"/> (null: now).</summary>
public sealed record GetKeyResultView(Guid Id, DateTimeOffset? AsOf = null) : IQuery<KeyResultView>;

/// <summary>Objectives by id (batch); those missing, of another organisation or hidden from the caller are left out.</summary>
public sealed record GetObjectiveViews(IReadOnlyCollection<Guid> Ids, DateTimeOffset? AsOf) : IQuery<IReadOnlyDictionary<Guid, ObjectiveView>>;

/// <summary>Key results by id (batch); those missing or hidden from the caller are left out.</summary>
public sealed record GetKeyResultViews(IReadOnlyCollection<Guid> Ids, DateTimeOffset? AsOf) : IQuery<IReadOnlyDictionary<Guid, KeyResultView>>;

public sealed class GetObjectiveViewValidator : AbstractValidator<GetObjectiveView>
{
    public GetObjectiveViewValidator(IClock clock) => RuleFor(q => q.AsOf).NotInTheFuture(clock);
}

public sealed class GetKeyResultViewValidator : AbstractValidator<GetKeyResultView>
{
    public GetKeyResultViewValidator(IClock clock) => RuleFor(q => q.AsOf).NotInTheFuture(clock);
}

/// <summary>
/// Finds each id's period (from the snapshots already loaded in this request, else one statement) and answers from a
/// snapshot of just those objectives (or one already loaded that holds them), so any number of objectives costs a
/// fixed number of statements per period, and one objective costs what it is, not what its period is.
/// </summary>
public sealed class GetObjectiveViewsHandler(OkrReadModel reads) :
    IQueryHandler<GetObjectiveView, ObjectiveView>,
    IQueryHandler<GetKeyResultView, KeyResultView>,
    IQueryHandler<GetObjectiveViews, IReadOnlyDictionary<Guid, ObjectiveView>>,
    IQueryHandler<GetKeyResultViews, IReadOnlyDictionary<Guid, KeyResultView>>
{
    public async ValueTask<ObjectiveView> Handle(GetObjectiveView query, CancellationToken cancellationToken) =>
        (await ObjectivesAsync([query.Id], query.AsOf, cancellationToken)).GetValueOrDefault(query.Id)
        ?? throw new NotFoundException("Objective", query.Id);

    public async ValueTask<KeyResultView> Handle(GetKeyResultView query, CancellationToken cancellationToken) =>
        (await KeyResultsAsync([query.Id], query.AsOf, cancellationToken)).GetValueOrDefault(query.Id)
        ?? throw new NotFoundException("KeyResult", query.Id);

    public async ValueTask<IReadOnlyDictionary<Guid, ObjectiveView>> Handle(GetObjectiveViews query, CancellationToken cancellationToken) =>
        await ObjectivesAsync(query.Ids, query.AsOf, cancellationToken);

    public async ValueTask<IReadOnlyDictionary<Guid, KeyResultView>> Handle(GetKeyResultViews query, CancellationToken cancellationToken) =>
        await KeyResultsAsync(query.Ids, query.AsOf, cancellationToken);

    private async Task<Dictionary<Guid, ObjectiveView>> ObjectivesAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, ObjectiveView>();
        var periods = await reads.PeriodsOfObjectivesAsync(ids, cancellationToken);
        foreach (var group in periods.GroupBy(p => p.Value))
        {
            var snapshot = await reads.SnapshotAsync(group.Key, asOf, SnapshotScope.Objectives(group.Select(g => g.Key)), cancellationToken);
            foreach (var (id, _) in group)
            {
                if (snapshot.FindVisible(id) is { } view)
                    result[id] = view;
            }
        }
        return result;
    }

    private async Task<Dictionary<Guid, KeyResultView>> KeyResultsAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, KeyResultView>();
        var owners = await reads.ObjectivesOfKeyResultsAsync(ids, cancellationToken);
        foreach (var group in owners.GroupBy(o => o.Value.PeriodId))
        {
            var snapshot = await reads.SnapshotAsync(group.Key, asOf, SnapshotScope.Objectives(group.Select(g => g.Value.ObjectiveId)), cancellationToken);
            foreach (var (id, _) in group)
            {
                if (snapshot.FindVisibleKeyResult(id) is { } view)
                    result[id] = view;
            }
        }
        return result;
    }
}
