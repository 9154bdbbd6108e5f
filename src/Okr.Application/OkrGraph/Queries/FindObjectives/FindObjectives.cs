using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.OkrGraph.Snapshot;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Computations;
using Okr.Domain.Objectives;

namespace Okr.Application.OkrGraph.Queries.FindObjectives;

/// <summary>What to look for; every criterion is optional and they combine with AND.</summary>
/// <param name="IncludeDescendants">With <paramref name="UnitId"/>: the units below it too.</param>
/// <param name="Text">Case-insensitive, in the title, description and success criteria.</param>
public sealed record ObjectiveFilter(
    Guid? PeriodId = null,
    Guid? UnitId = null,
    bool IncludeDescendants = false,
    IReadOnlyList<ObjectiveState>? States = null,
    IReadOnlyList<ObjectiveType>? Types = null,
    IReadOnlyList<OkrStatus>? Statuses = null,
    Guid? OwnerId = null,
    Guid? FocusAreaId = null,
    string? Text = null);

/// <summary>
/// Objectives matching a filter, a page at a time (cursor pagination, in creation order). Computed values are as of now.
/// </summary>
public sealed record FindObjectives(ObjectiveFilter Filter, int First = FindObjectives.DefaultPageSize, string? After = null) : IQuery<ObjectivePage>
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}

public sealed record ObjectiveEdge(string Cursor, ObjectiveView Node);

public sealed record ObjectivePage(IReadOnlyList<ObjectiveEdge> Edges, int TotalCount, bool HasNextPage, bool HasPreviousPage) : IPageInfo
{
    public string? StartCursor => Edges.Count > 0 ? Edges[0].Cursor : null;
    public string? EndCursor => Edges.Count > 0 ? Edges[^1].Cursor : null;
}

/// <summary>Opaque cursors: clients pass them back, never build them.</summary>
public static class ObjectiveCursor
{
    private const string Prefix = "objective:";

    public static string Encode(Guid id) => IdCursor.Encode(Prefix, id);

    public static Guid? Decode(string? cursor) => IdCursor.Decode(Prefix, cursor);
}

public sealed class FindObjectivesValidator : AbstractValidator<FindObjectives>
{
    public FindObjectivesValidator()
    {
        RuleFor(q => q.First).InclusiveBetween(0, FindObjectives.MaxPageSize)
            .WithMessage($"first is between 0 and {FindObjectives.MaxPageSize}.");
        RuleFor(q => q.After).Must(after => after is null || ObjectiveCursor.Decode(after) is not null)
            .WithMessage("after must be a cursor this API returned (endCursor of the previous page).");
        RuleFor(q => q.Filter.Text).MaximumLength(200).OverridePropertyName("filter.text");
    }
}

public sealed class FindObjectivesHandler(IOkrDbContext db, OkrReadModel reads) : IQueryHandler<FindObjectives, ObjectivePage>
{
    public async ValueTask<ObjectivePage> Handle(FindObjectives query, CancellationToken cancellationToken)
    {
        var filter = query.Filter;
        // The cheap criteria narrow the candidates in SQL; the computed ones (status) and text apply to the snapshots.
        var candidates = db.Objectives.AsNoTracking();
        if (filter.PeriodId is { } periodId)
        {
            await reads.PeriodAsync(periodId, cancellationToken);
            candidates = candidates.Where(o => o.PeriodId == periodId);
        }
        if (filter.UnitId is { } unitId)
        {
            await reads.UnitAsync(unitId, cancellationToken);
            var scope = (await reads.UnitsAsync(cancellationToken)).Scope(unitId, filter.IncludeDescendants).ToList();
            candidates = candidates.Where(o => EF.Parameter(scope).Contains(o.OwningUnitId));
        }
        if (filter.OwnerId is { } ownerId)
            candidates = candidates.Where(o => o.OwnerId == ownerId);
        if (filter.FocusAreaId is { } focusAreaId)
            candidates = candidates.Where(o => o.FocusAreaId == focusAreaId);
        // State, type and (ASCII) text narrow in SQL too, so a search across every period only computes the periods
        // that hold a candidate; the snapshot still decides (Unicode case folding, what the caller may see).
        if (filter.States is { Count: > 0 } wantedStates)
            candidates = candidates.Where(o => EF.Parameter(wantedStates.ToList()).Contains(o.State));
        if (filter.Types is { Count: > 0 } wantedTypes)
            candidates = candidates.Where(o => EF.Parameter(wantedTypes.ToList()).Contains(o.Type));
        if (filter.Text?.Trim().ToLowerInvariant() is { Length: > 0 } text && text.All(char.IsAscii))
        {
#pragma warning disable CA1862 // EF Core translates ToLower().Contains to SQL on every provider; the StringComparison overload does not
            candidates = candidates.Where(o => o.Title.ToLower().Contains(text)
                || (o.Description != null && o.Description.ToLower().Contains(text))
                || (o.SuccessCriteria != null && o.SuccessCriteria.ToLower().Contains(text)));
#pragma warning restore CA1862
        }
        var found = await candidates.Select(o => new { o.Id, o.PeriodId }).ToListAsync(cancellationToken);

        var matches = new List<ObjectiveView>();
        foreach (var group in found.GroupBy(c => c.PeriodId))
        {
            var snapshot = await reads.SnapshotAsync(group.Key, asOf: null, cancellationToken);
            matches.AddRange(group.Select(c => snapshot.FindVisible(c.Id)).OfType<ObjectiveView>().Where(o => Matches(o, filter)));
        }
        matches.Sort((a, b) => a.Id.CompareTo(b.Id)); // UUIDv7: creation order

        var after = ObjectiveCursor.Decode(query.After);
        var start = after is { } afterId ? matches.FindIndex(o => o.Id.CompareTo(afterId) > 0) : 0;
        if (start < 0) start = matches.Count;
        var page = matches.Skip(start).Take(query.First).Select(o => new ObjectiveEdge(ObjectiveCursor.Encode(o.Id), o)).ToList();
        return new ObjectivePage(page, matches.Count, HasNextPage: start + page.Count < matches.Count, HasPreviousPage: start > 0);
    }

    private static bool Matches(ObjectiveView objective, ObjectiveFilter filter) =>
        (filter.States is not { Count: > 0 } states || states.Contains(objective.State))
        && (filter.Types is not { Count: > 0 } types || types.Contains(objective.Type))
        && (filter.Statuses is not { Count: > 0 } statuses || (objective.Status is { } status && statuses.Contains(status)))
        && (string.IsNullOrWhiteSpace(filter.Text) || Contains(objective.Title, filter.Text) || Contains(objective.Description, filter.Text)
            || Contains(objective.SuccessCriteria, filter.Text));

    private static bool Contains(string? text, string fragment) =>
        text is not null && text.Contains(fragment.Trim(), StringComparison.OrdinalIgnoreCase);
}
