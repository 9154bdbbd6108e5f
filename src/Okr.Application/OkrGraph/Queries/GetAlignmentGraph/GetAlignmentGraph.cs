using Mediator;
using Okr.Application.Common.Exceptions;
using Okr.Application.OkrGraph.Snapshot;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Objectives;

namespace Okr.Application.OkrGraph.Queries.GetAlignmentGraph;

/// <summary>
/// The alignment graph of a period, ready to draw: the visible objectives of the units from
/// <paramref name="RootUnitId"/> (default: the company) down, the objectives they link to directly elsewhere
/// (marked external), and the alignments between them.
/// </summary>
public sealed record GetAlignmentGraph(Guid PeriodId, Guid? RootUnitId = null) : IQuery<AlignmentGraphView>;

public sealed record AlignmentGraphView(PeriodView Period, UnitView RootUnit, IReadOnlyList<AlignmentNodeView> Nodes, IReadOnlyList<AlignmentView> Edges);

/// <param name="External">Outside the requested units or period, shown because an objective inside links to it.</param>
/// <param name="Level">The length of the longest chain of parents above it in the graph (0: a top objective), for layered layouts.</param>
public sealed record AlignmentNodeView(ObjectiveView Objective, bool External, int Level);

public sealed class GetAlignmentGraphHandler(OkrReadModel reads) : IQueryHandler<GetAlignmentGraph, AlignmentGraphView>
{
    public async ValueTask<AlignmentGraphView> Handle(GetAlignmentGraph query, CancellationToken cancellationToken)
    {
        var snapshot = await reads.SnapshotAsync(query.PeriodId, asOf: null, cancellationToken);
        var root = query.RootUnitId is { } rootId
            ? snapshot.Units.Find(rootId) ?? throw new NotFoundException("OrgUnit", rootId)
            : snapshot.Units.Company ?? throw new NotFoundException("OrgUnit", "company");
        var scope = snapshot.Units.Scope(root.Id, includeDescendants: true).ToHashSet();

        var inside = snapshot.VisibleObjectives.Where(o => scope.Contains(o.OwningUnitId)).ToDictionary(o => o.Id);
        var touching = snapshot.Alignments
            .Where(a => inside.ContainsKey(a.ChildObjectiveId) || inside.ContainsKey(a.ParentObjectiveId))
            .Where(a => snapshot.CanSee(a.ChildObjectiveId) && snapshot.CanSee(a.ParentObjectiveId))
            .ToList();

        // The other ends: in this period, or in another (its own snapshot, one per period).
        var nodes = inside.Values.ToDictionary(o => o.Id, o => (View: o, External: false));
        var outsideIds = touching.SelectMany(a => new[] { a.ChildObjectiveId, a.ParentObjectiveId }).Where(id => !inside.ContainsKey(id)).Distinct().ToList();
        var otherPeriods = await reads.PeriodsOfObjectivesAsync(outsideIds, cancellationToken);
        foreach (var id in outsideIds)
        {
            if (!otherPeriods.TryGetValue(id, out var periodId)) continue;
            var view = periodId == snapshot.Period.Id
                ? snapshot.FindVisible(id)
                : (await reads.SnapshotAsync(periodId, asOf: null, cancellationToken)).FindVisible(id);
            if (view is not null) nodes[id] = (view, true);
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
