using Mediator;
using Okr.Application.Common.Exceptions;
using Okr.Application.OkrGraph.Snapshot;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Objectives;

namespace Okr.Application.OkrGraph.Queries.GetAlignmentGraph;

/// <summary>
/// The alignment graph of a period, ready to draw: the visible objectives of the units from
/// <paramref name="RootUnitId"/> (default: the company) down, the objectives they link to directly elsewhere
/// (marked external), and the alignments between them. A unit's graph reads that unit's subtree and the objectives
/// its alignments reach, not the period (ADR 0023).
/// </summary>
/// <param name="MaxObjectives">Objectives of the requested units one answer may hold at most (null: no limit); a larger
/// graph is refused with TREE_TOO_LARGE before anything is computed, as <c>okrTree</c> is.</param>
public sealed record GetAlignmentGraph(Guid PeriodId, Guid? RootUnitId = null, int? MaxObjectives = null) : IQuery<AlignmentGraphView>;

public sealed record AlignmentGraphView(PeriodView Period, UnitView RootUnit, IReadOnlyList<AlignmentNodeView> Nodes, IReadOnlyList<AlignmentView> Edges);

/// <param name="External">Outside the requested units or period, shown because an objective inside links to it.</param>
/// <param name="Level">The length of the longest chain of parents above it in the graph (0: a top objective), for layered layouts.</param>
public sealed record AlignmentNodeView(ObjectiveView Objective, bool External, int Level);

public sealed class GetAlignmentGraphHandler(OkrReadModel reads) : IQueryHandler<GetAlignmentGraph, AlignmentGraphView>
{
    public async ValueTask<AlignmentGraphView> Handle(GetAlignmentGraph query, CancellationToken cancellationToken)
    {
        // A unit's graph reads that unit's units (its subtree and ancestors) and its objectives; the company's, the period.
        var (units, root) = await reads.RootedSubtreeAsync(query.RootUnitId, cancellationToken);
        var subtree = units.Scope(root.Id, includeDescendants: true);
        var isCompany = root.Id == units.Company?.Id;
        await reads.EnsureAnswerFitsAsync(query.PeriodId, isCompany ? null : subtree, query.MaxObjectives,
            (count, max) => $"This graph holds {count:N0} objectives, more than the {max:N0} one answer may carry. Ask for a unit's graph (rootUnitId) instead.",
            cancellationToken);
        var snapshot = await reads.SnapshotAsync(query.PeriodId, asOf: null, isCompany ? SnapshotScope.WholePeriod : SnapshotScope.Units(subtree),
            cancellationToken);
        var scope = subtree.ToHashSet();

        var inside = snapshot.VisibleObjectives.Where(o => scope.Contains(o.OwningUnitId)).ToDictionary(o => o.Id);
        var touching = snapshot.Alignments
            .Where(a => inside.ContainsKey(a.ChildObjectiveId) || inside.ContainsKey(a.ParentObjectiveId))
            .Where(a => snapshot.CanSee(a.ChildObjectiveId) && snapshot.CanSee(a.ParentObjectiveId))
            .ToList();

        // The other ends, in this period or another: computed from a snapshot of just those objectives, per period.
        var nodes = inside.Values.ToDictionary(o => o.Id, o => (View: o, External: false));
        var outsideIds = touching.SelectMany(a => new[] { a.ChildObjectiveId, a.ParentObjectiveId }).Where(id => !inside.ContainsKey(id)).Distinct().ToList();
        var periodsOfOutside = await reads.PeriodsOfObjectivesAsync(outsideIds, cancellationToken);
        foreach (var group in periodsOfOutside.GroupBy(p => p.Value))
        {
            var others = group.Key == snapshot.Period.Id && isCompany
                ? snapshot
                : await reads.SnapshotAsync(group.Key, asOf: null, SnapshotScope.Objectives(group.Select(g => g.Key)), cancellationToken);
            foreach (var (outsideId, _) in group)
            {
                if (others.FindVisible(outsideId) is { } view)
                    nodes[outsideId] = (view, true);
            }
        }

        var edges = touching.Where(a => nodes.ContainsKey(a.ChildObjectiveId) && nodes.ContainsKey(a.ParentObjectiveId)).ToList();
        var levels = new AlignmentGraph(edges.Select(e => (e.ChildObjectiveId, e.ParentObjectiveId))).Levels(nodes.Keys);
        return new AlignmentGraphView(snapshot.Period, root,
            nodes.Values
                .OrderBy(n => levels[n.View.Id]).ThenBy(n => n.External).ThenBy(n => n.View.CreatedAt).ThenBy(n => n.View.Id)
                .Select(n => new AlignmentNodeView(n.View, n.External, levels[n.View.Id]))
                .ToList(),
            edges);
    }
}
