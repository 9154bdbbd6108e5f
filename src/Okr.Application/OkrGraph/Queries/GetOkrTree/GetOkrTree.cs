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
/// <param name="Depth">How many levels of units below the root to include (null: all): a large tree is fetched a level at
/// a time. Progress with descendants is always over the whole subtree.</param>
/// <param name="MaxObjectives">Objectives one answer may hold at most (null: no limit); a larger tree is refused with
/// TREE_TOO_LARGE before anything is computed.</param>
public sealed record GetOkrTree(Guid PeriodId, Guid? RootUnitId = null, DateTimeOffset? AsOf = null, int? Depth = null, int? MaxObjectives = null)
    : IQuery<OkrTreeView>
{
    public const string TooLarge = "TREE_TOO_LARGE";
}

/// <param name="EvaluatedAt">The instant the values are computed at: <paramref name="AsOf"/>, or now.</param>
/// <param name="Units">Every unit of the tree, breadth first from the root.</param>
public sealed record OkrTreeView(PeriodView Period, DateTimeOffset? AsOf, DateTimeOffset EvaluatedAt, double ExpectedProgress,
    OkrTreeUnitView Root, IReadOnlyList<OkrTreeUnitView> Units);

/// <param name="Progress">The unit's own progress: the mean of its active and closed objectives (restricted ones included);
/// now, from the maintained unit progress (ADR 0024).</param>
/// <param name="ProgressWithDescendants">The same over the unit and every unit below it.</param>
/// <param name="Objectives">The unit's objectives the caller can see, every state.</param>
public sealed record OkrTreeUnitView(UnitView Unit, int Depth, double Progress, double ProgressWithDescendants,
    IReadOnlyList<ObjectiveView> Objectives, int HiddenObjectiveCount, IReadOnlyList<OkrTreeUnitView> Children);

public sealed class GetOkrTreeValidator : AbstractValidator<GetOkrTree>
{
    public GetOkrTreeValidator(IClock clock)
    {
        RuleFor(q => q.AsOf).NotInTheFuture(clock);
        RuleFor(q => q.Depth).GreaterThanOrEqualTo(0).When(q => q.Depth is not null);
    }
}

public sealed class GetOkrTreeHandler(OkrReadModel reads) : IQueryHandler<GetOkrTree, OkrTreeView>
{
    public async ValueTask<OkrTreeView> Handle(GetOkrTree query, CancellationToken cancellationToken)
    {
        // A unit's tree reads that unit's units (its subtree and ancestors), not the organisation's.
        var (units, root) = await reads.RootedSubtreeAsync(query.RootUnitId, cancellationToken);
        // A unit's tree reads that unit's subtree only (the levels asked for); the company's whole tree, the whole period.
        var subtree = units.Scope(root.Id, includeDescendants: true);
        var levels = query.Depth is { } depthLimit && query.AsOf is null ? units.Levels(root.Id, depthLimit) : null;
        var scope = levels is not null ? SnapshotScope.Units(levels)
            : root.Id == units.Company?.Id ? SnapshotScope.WholePeriod
            : SnapshotScope.Units(subtree);
        // The answer's size is the objectives of its units.
        await reads.EnsureAnswerFitsAsync(query.PeriodId, levels ?? (scope is SnapshotScope.UnitsScope ? subtree : null), query.MaxObjectives,
            (count, max) => $"This tree holds {count:N0} objectives, more than the {max:N0} one answer may carry. Fetch it a level at a time: " +
                            "okrTree(depth: 1), then each unit of interest as rootUnitId.", cancellationToken);
        var snapshot = await reads.SnapshotAsync(query.PeriodId, query.AsOf, scope, cancellationToken);
        // Now, each unit's progress (cut at a depth, still over everything below it) is its maintained row (ADR 0024); as of
        // an earlier instant, it is computed from the replayed subtree.
        var progressOf = query.AsOf is null
            ? await reads.MaintainedUnitProgressAsync(query.PeriodId, levels ?? (root.Id == units.Company?.Id ? null : subtree), cancellationToken)
            : snapshot.UnitProgressOf;
        var byUnit = snapshot.Objectives.ToLookup(o => o.OwningUnitId);

        OkrTreeUnitView Build(UnitView unit, int depth)
        {
            var own = byUnit[unit.Id].ToList();
            var children = query.Depth is { } limit && depth >= limit ? [] : units.ChildrenOf(unit.Id).Select(child => Build(child, depth + 1)).ToList();
            var (progress, withDescendants) = progressOf(unit.Id);
            return new OkrTreeUnitView(unit, depth, progress, withDescendants,
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
