using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Computations;
using Okr.Domain.KeyResults;

namespace Okr.Application.OkrGraph.Queries.KeyResultDetails;

// Batch queries for the lists hanging off key results: one statement for all the key results of a request.
// The ids come from key results the caller was allowed to see. With AsOf, only what was known by then.

/// <summary>The check-ins of each key result, newest first (by effective date, then recording).</summary>
public sealed record GetCheckIns(IReadOnlyCollection<Guid> KeyResultIds, DateTimeOffset? AsOf) : IQuery<IReadOnlyDictionary<Guid, IReadOnlyList<CheckInView>>>;

/// <summary>
/// The latest check-in of each key result (by effective date, a later recording winning a tie), as it stood at
/// <c>AsOf</c>: now, only the check-ins of the key result's maintained current-value date are read (one or two per key
/// result), not its whole history.
/// </summary>
public sealed record GetLatestCheckIns(IReadOnlyCollection<Guid> KeyResultIds, DateTimeOffset? AsOf) : IQuery<IReadOnlyDictionary<Guid, CheckInView>>;

/// <summary>The initiatives linked to each key result.</summary>
public sealed record GetInitiatives(IReadOnlyCollection<Guid> KeyResultIds) : IQuery<IReadOnlyDictionary<Guid, IReadOnlyList<InitiativeView>>>;

/// <summary>The KPIs linked to each key result.</summary>
public sealed record GetKpis(IReadOnlyCollection<Guid> KeyResultIds, DateTimeOffset? AsOf) : IQuery<IReadOnlyDictionary<Guid, IReadOnlyList<KpiView>>>;

/// <summary>The dated values of each KPI, oldest first.</summary>
public sealed record GetKpiValues(IReadOnlyCollection<Guid> KpiIds, DateTimeOffset? AsOf) : IQuery<IReadOnlyDictionary<Guid, IReadOnlyList<KpiValueView>>>;

/// <summary>The annotations on each key result, by date.</summary>
public sealed record GetAnnotations(IReadOnlyCollection<Guid> KeyResultIds, DateTimeOffset? AsOf) : IQuery<IReadOnlyDictionary<Guid, IReadOnlyList<AnnotationView>>>;

/// <summary>The comments on each key result, oldest first.</summary>
public sealed record GetKeyResultComments(IReadOnlyCollection<Guid> KeyResultIds, DateTimeOffset? AsOf) : IQuery<IReadOnlyDictionary<Guid, IReadOnlyList<CommentView>>>;

public sealed class KeyResultDetailsHandler(IOkrDbContext db) :
    IQueryHandler<GetCheckIns, IReadOnlyDictionary<Guid, IReadOnlyList<CheckInView>>>,
    IQueryHandler<GetLatestCheckIns, IReadOnlyDictionary<Guid, CheckInView>>,
    IQueryHandler<GetInitiatives, IReadOnlyDictionary<Guid, IReadOnlyList<InitiativeView>>>,
    IQueryHandler<GetKpis, IReadOnlyDictionary<Guid, IReadOnlyList<KpiView>>>,
    IQueryHandler<GetKpiValues, IReadOnlyDictionary<Guid, IReadOnlyList<KpiValueView>>>,
    IQueryHandler<GetAnnotations, IReadOnlyDictionary<Guid, IReadOnlyList<AnnotationView>>>,
    IQueryHandler<GetKeyResultComments, IReadOnlyDictionary<Guid, IReadOnlyList<CommentView>>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, IReadOnlyList<CheckInView>>> Handle(GetCheckIns query, CancellationToken cancellationToken)
    {
        var ids = query.KeyResultIds.Distinct().ToList();
        // Two statements whatever the number of key results: their measures, then their check-ins.
        var measures = await MeasuresAsync(ids, cancellationToken);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.KeyResultId)).ToListAsync(cancellationToken);
        var byKeyResult = Newest(checkIns, measures, query.AsOf).ToLookup(c => c.KeyResultId);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<CheckInView>)byKeyResult[id].ToList());
    }

    public async ValueTask<IReadOnlyDictionary<Guid, CheckInView>> Handle(GetLatestCheckIns query, CancellationToken cancellationToken)
    {
        var ids = query.KeyResultIds.Distinct().ToList();
        // One statement: the check-ins with the measure of their key result (its progress needs it). Now, the latest is among
        // the check-ins of the maintained current-value date (the latest effective date); at an earlier instant, the
        // history known then.
        var now = query.AsOf is null;
        var rows = await (
                from c in db.CheckIns.AsNoTracking()
                join k in db.KeyResults.IgnoreQueryFilters([QueryFilters.SoftDelete]) on c.KeyResultId equals k.Id
                where EF.Parameter(ids).Contains(c.KeyResultId) && (!now || k.CurrentValueDate == c.EffectiveDate)
                select new { CheckIn = c, k.MetricKind, k.Direction, k.Baseline, k.Target, k.CurrencyCode })
            .ToListAsync(cancellationToken);
        var checkIns = rows.Select(r => r.CheckIn).ToList();
        var measures = rows.DistinctBy(r => r.CheckIn.KeyResultId)
            .ToDictionary(r => r.CheckIn.KeyResultId, r => new Measure(r.MetricKind, r.Direction, r.Baseline, r.Target, r.CurrencyCode));
        return Newest(checkIns, measures, query.AsOf).GroupBy(c => c.KeyResultId).ToDictionary(g => g.Key, g => g.First());
    }

    private Task<Dictionary<Guid, Measure>> MeasuresAsync(List<Guid> ids, CancellationToken cancellationToken) =>
        db.KeyResults.AsNoTracking().IgnoreQueryFilters([QueryFilters.SoftDelete])
            .Where(k => EF.Parameter(ids).Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Measure, cancellationToken);

    /// <summary>The check-ins known at <paramref name="asOf"/> (null: all), newest first: by effective date, then recording.</summary>
    private static IEnumerable<CheckInView> Newest(IEnumerable<CheckIn> checkIns, Dictionary<Guid, Measure> measures, DateTimeOffset? asOf)
    {
        var day = asOf is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : DateOnly.MaxValue;
        return checkIns
            .Where(c => asOf is null || (c.RecordedAt <= asOf && c.EffectiveDate <= day))
            .OrderByDescending(c => c.EffectiveDate).ThenByDescending(c => c.RecordedAt)
            .Select(c => new CheckInView(c.Id, c.KeyResultId, c.Value, KeyResultProgress.Compute(measures[c.KeyResultId], c.Value), c.Confidence,
                c.ReportedStatus, c.Narrative, c.Blockers, c.NextSteps, c.AuthorId, c.RecordedAt, c.EffectiveDate));
    }

    public async ValueTask<IReadOnlyDictionary<Guid, IReadOnlyList<InitiativeView>>> Handle(GetInitiatives query, CancellationToken cancellationToken)
    {
        var ids = query.KeyResultIds.Distinct().ToList();
        var initiatives = await db.Initiatives.AsNoTracking() // links are auto-included
            .Where(i => i.KeyResultLinks.Any(l => EF.Parameter(ids).Contains(l.KeyResultId)))
            .ToListAsync(cancellationToken);
        var links = initiatives
            .OrderBy(i => i.StartDate).ThenBy(i => i.Title, StringComparer.Ordinal)
            .Select(i => (View: ToView(i), i.KeyResultLinks))
            .SelectMany(x => x.KeyResultLinks.Select(l => (l.KeyResultId, x.View)))
            .ToLookup(x => x.KeyResultId, x => x.View);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<InitiativeView>)links[id].ToList());
    }

    public static InitiativeView ToView(Domain.Work.Initiative i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new InitiativeView(i.Id, i.Title, i.Description, i.Status, i.OwnerId, i.UnitId, i.StartDate, i.DueDate,
            i.External?.System, i.External?.Key, i.External?.Url, i.KeyResultLinks.Select(l => l.KeyResultId).ToList());
    }

    public async ValueTask<IReadOnlyDictionary<Guid, IReadOnlyList<KpiView>>> Handle(GetKpis query, CancellationToken cancellationToken)
    {
        var ids = query.KeyResultIds.Distinct().ToList();
        var kpis = await db.Kpis.AsNoTracking() // links are auto-included, values are not
            .Where(k => k.KeyResultLinks.Any(l => EF.Parameter(ids).Contains(l.KeyResultId)))
            .ToListAsync(cancellationToken);
        var links = kpis.OrderBy(k => k.Name, StringComparer.Ordinal)
            .SelectMany(k => k.KeyResultLinks.Select(l => (l.KeyResultId, View: new KpiView(k.Id, k.Name, k.Description, k.Unit, k.OwningUnitId,
                k.Direction, k.HealthyMin, k.HealthyMax, query.AsOf))))
            .ToLookup(x => x.KeyResultId, x => x.View);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<KpiView>)links[id].ToList());
    }

    public async ValueTask<IReadOnlyDictionary<Guid, IReadOnlyList<KpiValueView>>> Handle(GetKpiValues query, CancellationToken cancellationToken)
    {
        var ids = query.KpiIds.Distinct().ToList();
        var bands = await db.Kpis.AsNoTracking().IgnoreAutoIncludes().Where(k => EF.Parameter(ids).Contains(k.Id))
            .Select(k => new { k.Id, k.HealthyMin, k.HealthyMax }).ToDictionaryAsync(k => k.Id, cancellationToken);
        var values = await db.KpiValues.AsNoTracking().Where(v => EF.Parameter(ids).Contains(v.KpiId)).ToListAsync(cancellationToken);
        var day = query.AsOf is { } asOf ? DateOnly.FromDateTime(asOf.UtcDateTime) : DateOnly.MaxValue;
        var byKpi = values
            .Where(v => query.AsOf is null || (v.RecordedAt <= query.AsOf && v.Date <= day))
            .OrderBy(v => v.Date).ThenBy(v => v.RecordedAt)
            .Select(v =>
            {
                var band = bands[v.KpiId];
                var healthy = (band.HealthyMin is not { } min || v.Value >= min) && (band.HealthyMax is not { } max || v.Value <= max);
                return new KpiValueView(v.Id, v.KpiId, v.Date, v.Value, v.Source, v.RecordedAt, healthy);
            })
            .ToLookup(v => v.KpiId);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<KpiValueView>)byKpi[id].ToList());
    }

    public async ValueTask<IReadOnlyDictionary<Guid, IReadOnlyList<AnnotationView>>> Handle(GetAnnotations query, CancellationToken cancellationToken)
    {
        var ids = query.KeyResultIds.Distinct().ToList();
        var annotations = await db.Annotations.AsNoTracking() // targets are auto-included
            .Where(a => a.Targets.Any(t => t.KeyResultId != null && EF.Parameter(ids).Contains(t.KeyResultId.Value)))
            .ToListAsync(cancellationToken);
        var day = query.AsOf is { } asOf ? DateOnly.FromDateTime(asOf.UtcDateTime) : DateOnly.MaxValue;
        var links = annotations.Where(a => a.Date <= day).OrderBy(a => a.Date).ThenBy(a => a.Id)
            .SelectMany(a => a.Targets.Where(t => t.KeyResultId is not null)
                .Select(t => (KeyResultId: t.KeyResultId!.Value, View: new AnnotationView(a.Id, a.Date, a.Text, a.Kind, a.AuthorId))))
            .ToLookup(x => x.KeyResultId, x => x.View);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<AnnotationView>)links[id].ToList());
    }

    public async ValueTask<IReadOnlyDictionary<Guid, IReadOnlyList<CommentView>>> Handle(GetKeyResultComments query, CancellationToken cancellationToken)
    {
        var ids = query.KeyResultIds.Distinct().ToList();
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.KeyResultId != null && EF.Parameter(ids).Contains(c.KeyResultId.Value))
            .Select(c => new CommentView(c.Id, c.Version, c.ObjectiveId, c.KeyResultId, c.AuthorId, c.Text, c.CreatedAt, c.EditedAt))
            .ToListAsync(cancellationToken);
        var byKeyResult = comments.Where(c => query.AsOf is null || c.CreatedAt <= query.AsOf)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToLookup(c => c.KeyResultId!.Value);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<CommentView>)byKeyResult[id].ToList());
    }
}
