using GraphQL;
using GraphQL.DataLoader;
using Mediator;
using Okr.Api.GraphQL.Execution;
using Okr.Application.Notifications.Queries.GetObjectiveFollowing;
using Okr.Application.OkrGraph.Queries.Directory;
using Okr.Application.OkrGraph.Queries.GetObjectiveViews;
using Okr.Application.OkrGraph.Queries.GetUnitOkrs;
using Okr.Application.OkrGraph.Queries.KeyResultDetails;
using Okr.Application.OkrGraph.Queries.ObjectiveHistory;
using Okr.Application.OkrGraph.Queries.ObjectiveDetails;
using Okr.Application.OkrGraph.Snapshot;
using Okr.Application.OkrGraph.Views;

namespace Okr.Api.GraphQL.Loading;

/// <summary>
/// Every nested list and reference of the schema goes through one of these: the keys asked for across the whole
/// response are fetched with one Mediator query (so the pipeline applies), in a fixed number of SQL statements.
/// A key the query does not answer (missing, or hidden from the caller) resolves to null, or to an empty list.
/// </summary>
internal static class Loaders
{
    private static BatchLoader<TKey, TValue> Loader<TKey, TValue>(IResolveFieldContext context, string name, object? variant,
        Func<ISender, IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, TValue missing) where TKey : notnull
    {
        var sender = context.Sender();
        return context.Loaders().Get<TKey, TValue>(name, variant, (keys, cancellationToken) => fetch(sender, keys, cancellationToken), missing);
    }

    private static Func<ISender, IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> Send<TKey, TValue>(
        Func<IReadOnlyList<TKey>, IQuery<IReadOnlyDictionary<TKey, TValue>>> query) =>
        async (sender, keys, cancellationToken) => await sender.Send(query(keys), cancellationToken).ConfigureAwait(false);

    private static Func<ISender, IReadOnlyList<int>, CancellationToken, Task<IReadOnlyDictionary<int, T>>> SendOnce<T>(IQuery<T> query) =>
        async (sender, _, cancellationToken) => new Dictionary<int, T> { [0] = await sender.Send(query, cancellationToken).ConfigureAwait(false) };

    public static IDataLoaderResult<PersonView> Person(this IResolveFieldContext context, Guid id) =>
        Loader(context, "people", null, Send<Guid, PersonView>(keys => new GetPeople(keys)), null!).Load(id);

    public static IDataLoaderResult<UnitDirectory> Units(this IResolveFieldContext context) =>
        Loader(context, "units", null, SendOnce(new GetUnitDirectory()), null!).Load(0);

    public static IDataLoaderResult<PeriodDirectory> Periods(this IResolveFieldContext context) =>
        Loader(context, "periods", null, SendOnce(new GetPeriodDirectory()), null!).Load(0);

    /// <summary>A unit by id: a batch of the ids asked in one step, read with their ancestors, not the whole tree.</summary>
    public static IDataLoaderResult<UnitView?> Unit(this IResolveFieldContext context, Guid id) =>
        Loader(context, "unitsById", null, Send<Guid, UnitView>(keys => new GetUnitsById(keys)), null!).Load(id).Then(u => (UnitView?)u);

    public static IDataLoaderResult<PeriodView?> Period(this IResolveFieldContext context, Guid id) => context.Periods().Then(periods => periods.Find(id));

    public static IDataLoaderResult<FocusAreaView> FocusArea(this IResolveFieldContext context, Guid id) =>
        Loader(context, "focusAreas", null, Send<Guid, FocusAreaView>(keys => new GetFocusAreas(keys)), null!).Load(id);

    public static IDataLoaderResult<IReadOnlyList<FocusAreaView>> PeriodFocusAreas(this IResolveFieldContext context, Guid periodId) =>
        Loader(context, "periodFocusAreas", null, Send<Guid, IReadOnlyList<FocusAreaView>>(keys => new GetPeriodFocusAreas(keys)), []).Load(periodId);

    public static IDataLoaderResult<ObjectiveView> Objective(this IResolveFieldContext context, Guid id, DateTimeOffset? asOf) =>
        Loader(context, "objectives", asOf, Send<Guid, ObjectiveView>(keys => new GetObjectiveViews(keys, asOf)), null!).Load(id);

    private static BatchLoader<Guid, KeyResultView> KeyResultLoader(IResolveFieldContext context, DateTimeOffset? asOf) =>
        Loader(context, "keyResults", asOf, Send<Guid, KeyResultView>(keys => new GetKeyResultViews(keys, asOf)), null!);

    public static IDataLoaderResult<KeyResultView> KeyResult(this IResolveFieldContext context, Guid id, DateTimeOffset? asOf) =>
        KeyResultLoader(context, asOf).Load(id);

    /// <summary>The key results among <paramref name="ids"/> the caller may see.</summary>
    public static IDataLoaderResult<IReadOnlyList<KeyResultView>> KeyResults(this IResolveFieldContext context, IEnumerable<Guid> ids, DateTimeOffset? asOf) =>
        KeyResultLoader(context, asOf).LoadMany(ids).Then(views => (IReadOnlyList<KeyResultView>)views.Where(v => v is not null).ToList());

    public static IDataLoaderResult<UnitOkrsView> UnitOkrs(this IResolveFieldContext context, Guid unitId, Guid periodId, bool includeDescendants, DateTimeOffset? asOf) =>
        Loader(context, "unitOkrs", (periodId, includeDescendants, asOf),
            Send<Guid, UnitOkrsView>(keys => new GetUnitOkrs(keys, periodId, includeDescendants, asOf)), null!).Load(unitId);

    /// <summary>The latest check-in of a key result known at <paramref name="asOf"/> (null: none yet).</summary>
    public static IDataLoaderResult<CheckInView?> LatestCheckIn(this IResolveFieldContext context, Guid keyResultId, DateTimeOffset? asOf) =>
        Loader(context, "latestCheckIns", asOf, Send<Guid, CheckInView>(keys => new GetLatestCheckIns(keys, asOf)), null!).Load(keyResultId)
            .Then(c => (CheckInView?)c);

    public static IDataLoaderResult<IReadOnlyList<CheckInView>> CheckIns(this IResolveFieldContext context, Guid keyResultId, DateTimeOffset? asOf) =>
        Loader(context, "checkIns", asOf, Send<Guid, IReadOnlyList<CheckInView>>(keys => new GetCheckIns(keys, asOf)), []).Load(keyResultId);

    public static IDataLoaderResult<IReadOnlyList<InitiativeView>> Initiatives(this IResolveFieldContext context, Guid keyResultId) =>
        Loader(context, "initiatives", null, Send<Guid, IReadOnlyList<InitiativeView>>(keys => new GetInitiatives(keys)), []).Load(keyResultId);

    public static IDataLoaderResult<IReadOnlyList<KpiView>> Kpis(this IResolveFieldContext context, Guid keyResultId, DateTimeOffset? asOf) =>
        Loader(context, "kpis", asOf, Send<Guid, IReadOnlyList<KpiView>>(keys => new GetKpis(keys, asOf)), []).Load(keyResultId);

    public static IDataLoaderResult<IReadOnlyList<KpiValueView>> KpiValues(this IResolveFieldContext context, Guid kpiId, DateTimeOffset? asOf) =>
        Loader(context, "kpiValues", asOf, Send<Guid, IReadOnlyList<KpiValueView>>(keys => new GetKpiValues(keys, asOf)), []).Load(kpiId);

    public static IDataLoaderResult<IReadOnlyList<AnnotationView>> Annotations(this IResolveFieldContext context, Guid keyResultId, DateTimeOffset? asOf) =>
        Loader(context, "annotations", asOf, Send<Guid, IReadOnlyList<AnnotationView>>(keys => new GetAnnotations(keys, asOf)), []).Load(keyResultId);

    public static IDataLoaderResult<IReadOnlyList<CommentView>> KeyResultComments(this IResolveFieldContext context, Guid keyResultId, DateTimeOffset? asOf) =>
        Loader(context, "keyResultComments", asOf, Send<Guid, IReadOnlyList<CommentView>>(keys => new GetKeyResultComments(keys, asOf)), []).Load(keyResultId);

    public static IDataLoaderResult<IReadOnlyList<CommentView>> ObjectiveComments(this IResolveFieldContext context, Guid objectiveId, DateTimeOffset? asOf) =>
        Loader(context, "objectiveComments", asOf, Send<Guid, IReadOnlyList<CommentView>>(keys => new GetObjectiveComments(keys, asOf)), []).Load(objectiveId);

    public static IDataLoaderResult<HistoryPage> History(this IResolveFieldContext context, Guid objectiveId, int first, string? after) =>
        Loader(context, "history", (first, after), Send<Guid, HistoryPage>(keys => new GetObjectiveHistory(keys, first, after)), HistoryPage.Empty).Load(objectiveId);

    public static IDataLoaderResult<FollowingView> Following(this IResolveFieldContext context, Guid objectiveId) =>
        Loader(context, "following", null, Send<Guid, FollowingView>(keys => new GetObjectiveFollowing(keys)), FollowingView.None).Load(objectiveId);

    public static IDataLoaderResult<IReadOnlyList<RaciView>> Raci(this IResolveFieldContext context, Guid objectiveId) =>
        Loader(context, "raci", null, Send<Guid, IReadOnlyList<RaciView>>(keys => new GetRaci(keys)), []).Load(objectiveId);
}
