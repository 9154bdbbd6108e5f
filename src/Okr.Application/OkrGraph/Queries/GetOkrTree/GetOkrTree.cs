using FluentValidation;
using Mediator;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.OkrGraph.Snapshot;
using Okr.Application.OkrGraph.Views;

namespace Okr.Application.OkrGraph.Queries.GetOkrTree;

/// <summary>
/// The unit tree of a period from <paramref name="RootUnitId"/> (default: the company) down, with each unit's
/// objectives and key results and its progress, as it stood at <paramref name="AsOf"/> (null: now).
/// </summary>
public sealed record GetOkrTree(Guid PeriodId, Guid? RootUnitId = null, DateTimeOffset? AsOf = null) : IQuery<OkrTreeView>;

/// <param name="EvaluatedAt">The instant the values are computed at: <paramref name="AsOf"/>, or now.</param>
/// <param name="Units">Every unit of the tree, breadth first from the root.</param>
public sealed record OkrTreeView(PeriodView Period, DateTimeOffset? AsOf, DateTimeOffset EvaluatedAt, double ExpectedProgress,
    OkrTreeUnitView Root, IReadOnlyList<OkrTreeUnitView> Units);

/// <param name="Progress">The unit's own progress: the mean of its active and closed objectives (restricted ones included).</param>
/// <param name="ProgressWithDescendants">The same over the unit and every unit below it.</param>
/// <param name="Objectives">The unit's objectives the caller can see, every state.</param>
public sealed record OkrTreeUnitView(UnitView Unit, int Depth, double Progress, double ProgressWithDescendants,
    IReadOnlyList<ObjectiveView> Objectives, int HiddenObjectiveCount, IReadOnlyList<OkrTreeUnitView> Children);

public sealed class GetOkrTreeValidator : AbstractValidator<GetOkrTree>
{
    public GetOkrTreeValidator(IClock clock) => RuleFor(q => q.AsOf).NotInTheFuture(clock);
}

public sealed class GetOkrTreeHandler(OkrReadModel reads) : IQueryHandler<GetOkrTree, OkrTreeView>
{
    public async ValueTask<OkrTreeView> Handle(GetOkrTree query, CancellationToken cancellationToken)
    {
        var snapshot = await reads.SnapshotAsync(query.PeriodId, query.AsOf, cancellationToken);
        var units = snapshot.Units;
        var root = query.RootUnitId is { } rootId
            ? units.Find(rootId) ?? throw new NotFoundException("OrgUnit", rootId)
            : units.Company ?? throw new NotFoundException("OrgUnit", "company");
        var byUnit = snapshot.Objectives.ToLookup(o => o.OwningUnitId);

        OkrTreeUnitView Build(UnitView unit, int depth)
        {
            var own = byUnit[unit.Id].ToList();
            var children = units.ChildrenOf(unit.Id).Select(child => Build(child, depth + 1)).ToList();
            return new OkrTreeUnitView(unit, depth,
                snapshot.UnitProgress([unit.Id]),
                snapshot.UnitProgress(units.Scope(unit.Id, includeDescendants: true)),
                own.Where(o => snapshot.CanSee(o.Id)).ToList(),
                own.Count(o => !snapshot.CanSee(o.Id)),
                children);
        }

        var tree = Build(root, 0);
        var flat = new List<OkrTreeUnitView>();
        var queue = new Queue<OkrTreeUnitView>([tree]);
        while (queue.Count > 0)
        {
            var next = queue.Dequeue();
            flat.Add(next);
            foreach (var child in next.Children) queue.Enqueue(child);
        }
        return new OkrTreeView(snapshot.Period, snapshot.AsOf, snapshot.Now, snapshot.ExpectedProgress, tree, flat);
    }
}
