using System.Text;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Audit;

namespace Okr.Application.OkrGraph.Queries.ObjectiveHistory;

/// <summary>What happened, derived from the entity an audit event names and how it changed.</summary>
public enum HistoryKind
{
    ObjectiveCreated,
    ObjectiveUpdated,
    ObjectiveActivated,
    ObjectiveCancelled,
    ObjectiveClosed,
    ObjectiveRolledOver,
    GradeOverridden,
    RetrospectiveWritten,
    RaciChanged,
    KeyResultCreated,
    KeyResultUpdated,
    KeyResultDeleted,
    KeyResultGraded,
    CheckInRecorded,
    AlignmentAdded,
    AlignmentUpdated,
    AlignmentRemoved,
    CommentAdded,
    CommentEdited,
    CommentDeleted,
    InitiativeLinked,
    InitiativeUnlinked,
    KpiLinked,
    KpiUnlinked,
    AnnotationAdded,
    AnnotationRemoved,
    Other,
}

/// <summary>One changed value: before and after as text (null when absent).</summary>
public sealed record FieldChangeView(string Field, string? Before, string? After);

/// <param name="Action">The command that made the change (<c>UpdateObjective</c>, <c>RecordCheckIn</c>, …).</param>
/// <param name="EntityType">What changed: <c>Objective</c>, <c>KeyResult</c>, <c>CheckIn</c>, <c>Alignment</c>, …</param>
public sealed record HistoryEntryView(
    Guid Id,
    DateTimeOffset At,
    Guid? ActorId,
    HistoryKind Kind,
    string Action,
    string EntityType,
    Guid? EntityId,
    string Summary,
    IReadOnlyList<FieldChangeView> Changes);

public sealed record HistoryEdge(string Cursor, HistoryEntryView Node);

public sealed record HistoryPage(IReadOnlyList<HistoryEdge> Edges, bool HasNextPage, bool HasPreviousPage) : IPageInfo
{
    public static readonly HistoryPage Empty = new([], false, false);
    public string? StartCursor => Edges.Count > 0 ? Edges[0].Cursor : null;
    public string? EndCursor => Edges.Count > 0 ? Edges[^1].Cursor : null;
}

/// <summary>
/// The change history of each objective, newest first: the audit events of the objective and of what hangs off it
/// (key results, check-ins, alignments, comments, RACI, links to initiatives, KPIs and annotations), a page at a time.
/// Objectives the caller cannot see have no entry; an alignment to an objective the caller cannot see is left out.
/// </summary>
public sealed record GetObjectiveHistory(IReadOnlyCollection<Guid> ObjectiveIds, int First = GetObjectiveHistory.DefaultPageSize, string? After = null)
    : IQuery<IReadOnlyDictionary<Guid, HistoryPage>>
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;
}

/// <summary>Opaque cursors (the instant and id of the last entry seen): clients pass them back, never build them.</summary>
public static class HistoryCursor
{
    private const string Prefix = "history:";

    public static string Encode(DateTimeOffset at, Guid id) => TimeCursor.Encode(Prefix, at, id);

    public static (DateTimeOffset At, Guid Id)? Decode(string? cursor) => TimeCursor.Decode(Prefix, cursor);
}

public sealed class GetObjectiveHistoryValidator : AbstractValidator<GetObjectiveHistory>
{
    public GetObjectiveHistoryValidator()
    {
        RuleFor(q => q.First).InclusiveBetween(0, GetObjectiveHistory.MaxPageSize)
            .WithMessage($"first is between 0 and {GetObjectiveHistory.MaxPageSize}.");
        RuleFor(q => q.After).Must(after => after is null || HistoryCursor.Decode(after) is not null)
            .WithMessage("after must be a cursor this API returned (endCursor of the previous page).");
    }
}

public sealed class GetObjectiveHistoryHandler(IOkrDbContext db, AccessPolicyProvider access) : IQueryHandler<GetObjectiveHistory, IReadOnlyDictionary<Guid, HistoryPage>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, HistoryPage>> Handle(GetObjectiveHistory query, CancellationToken cancellationToken)
    {
        var ids = query.ObjectiveIds.Distinct().ToList();
        var policy = await access.GetAsync(cancellationToken);

        // Statement 1: the objectives asked for and every objective their trails' alignments point at, to know what the
        // caller may see before paging: an alignment to a hidden objective is left out in SQL, so a page of `first`
        // holds `first` visible entries whenever that many remain (never an empty page while more follow).
        var objectives = await db.Objectives.AsNoTracking()
            .Where(o => EF.Parameter(ids).Contains(o.Id)
                || db.AuditEvents.Any(a => (a.ObjectiveId == o.Id && a.RelatedObjectiveId != null && EF.Parameter(ids).Contains(a.RelatedObjectiveId.Value))
                    || (a.RelatedObjectiveId == o.Id && a.ObjectiveId != null && EF.Parameter(ids).Contains(a.ObjectiveId.Value))))
            .Select(o => new { o.Id, o.Title, o.OwningUnitId, o.OwnerId, o.State, o.Visibility })
            .ToListAsync(cancellationToken);
        var visible = objectives.Where(o => policy.CanSee(new ObjectiveAccess(o.OwningUnitId, o.OwnerId, o.State, o.Visibility)))
            .ToDictionary(o => o.Id, o => o.Title);
        var visibleIds = visible.Keys.ToList();

        // Statement 2: the events, newest first. One objective (the usual case) reads just its page; several read
        // their whole trails from the cursor on and are paged here, so the statement count stays fixed.
        var events = db.AuditEvents.AsNoTracking().Where(a =>
            (a.ObjectiveId != null && EF.Parameter(ids).Contains(a.ObjectiveId.Value))
            || (a.RelatedObjectiveId != null && EF.Parameter(ids).Contains(a.RelatedObjectiveId.Value)));
        // A check-in also moves its key result's current value: that is the check-in's entry, not another one.
        events = events.Where(a => !(a.EntityType == "KeyResult" && a.Kind == AuditKind.CheckIn));
        // What relates an objective to one the caller cannot see (or that is gone) is not the caller's to read, nor to count.
        events = events.Where(a => a.RelatedObjectiveId == null
            || (EF.Parameter(visibleIds).Contains(a.RelatedObjectiveId.Value) && a.ObjectiveId != null && EF.Parameter(visibleIds).Contains(a.ObjectiveId.Value)));
        if (HistoryCursor.Decode(query.After) is var (afterAt, afterId))
            events = events.Where(a => a.At < afterAt || (a.At == afterAt && a.Id.CompareTo(afterId) < 0));
        events = events.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
        if (ids.Count == 1)
            events = events.Take(query.First + 1);
        var rows = await events.ToListAsync(cancellationToken);

        // Statement 3: the titles of the key results the events name, for the summaries.
        var keyResultIds = rows.Select(KeyResultIdOf).OfType<Guid>().Distinct().ToList();
        var keyResultTitles = keyResultIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.KeyResults.AsNoTracking().IgnoreQueryFilters([QueryFilters.SoftDelete])
                .Where(k => EF.Parameter(keyResultIds).Contains(k.Id))
                .ToDictionaryAsync(k => k.Id, k => k.Title, cancellationToken);

        // Each page's entries, described once (the summary depends on which side of an alignment reads it).
        var pages = new Dictionary<Guid, (List<(string Cursor, HistoryEntryView Entry)> Entries, bool HasNext)>();
        foreach (var objectiveId in ids.Where(visible.ContainsKey))
        {
            // Alignments with objectives the caller cannot see were left out in SQL, before paging (statement 2); this
            // is the same rule for the trails of several objectives read together.
            var trail = rows
                .Where(r => r.ObjectiveId == objectiveId || r.RelatedObjectiveId == objectiveId)
                .Where(r => OtherObjectiveOf(r, objectiveId) is not { } other || visible.ContainsKey(other))
                .ToList();
            var entries = trail.Take(query.First)
                .Select(r => (HistoryCursor.Encode(r.At, r.Id), HistoryEntries.Describe(r, objectiveId, keyResultTitles, visible)))
                .ToList();
            pages[objectiveId] = (entries, trail.Count > query.First);
        }

        // Statement 4: the names of the people, units, focus areas and periods the changed fields point at, so a
        // change of owner reads "Dana → Nina", not two ids. Always run, so the statement count stays fixed.
        var referenced = pages.Values.SelectMany(p => p.Entries).SelectMany(e => e.Entry.Changes)
            .Where(c => HistoryEntries.IsReference(c.Field))
            .SelectMany(c => new[] { c.Before, c.After })
            .Select(v => Guid.TryParse(v, out var id) ? id : (Guid?)null)
            .OfType<Guid>().Distinct().ToList();
        var names = (await db.People.AsNoTracking().Where(x => EF.Parameter(referenced).Contains(x.Id)).Select(x => new { x.Id, Name = x.DisplayName })
                .Concat(db.OrgUnits.AsNoTracking().Where(x => EF.Parameter(referenced).Contains(x.Id)).Select(x => new { x.Id, x.Name }))
                .Concat(db.FocusAreas.AsNoTracking().Where(x => EF.Parameter(referenced).Contains(x.Id)).Select(x => new { x.Id, Name = x.Title }))
                .Concat(db.Periods.AsNoTracking().Where(x => EF.Parameter(referenced).Contains(x.Id)).Select(x => new { x.Id, x.Name }))
                .ToListAsync(cancellationToken))
            .Concat(visible.Select(v => new { Id = v.Key, Name = v.Value }))
            .Concat(keyResultTitles.Select(k => new { Id = k.Key, Name = k.Value }))
            .DistinctBy(x => x.Id)
            .ToDictionary(x => x.Id, x => x.Name);

        return pages.ToDictionary(p => p.Key, p => new HistoryPage(
            p.Value.Entries.Select(e => new HistoryEdge(e.Cursor, HistoryEntries.Named(e.Entry, names))).ToList(),
            p.Value.HasNext, HasPreviousPage: query.After is not null));
    }

    private static Guid? OtherObjectiveOf(AuditEvent e, Guid objectiveId) =>
        e.RelatedObjectiveId is { } related ? (e.ObjectiveId == objectiveId ? related : e.ObjectiveId) : null;

    private static Guid? KeyResultIdOf(AuditEvent e) => e.EntityType == "KeyResult"
        ? e.EntityId
        : HistoryEntries.GuidField(e.After, "KeyResultId") ?? HistoryEntries.GuidField(e.Before, "KeyResultId")
          ?? HistoryEntries.GuidField(e.After, "ParentKeyResultId") ?? HistoryEntries.GuidField(e.Before, "ParentKeyResultId");
}

/// <summary>Turns an audit event into a history entry: its kind, a sentence, and the changed fields.</summary>
public static class HistoryEntries
{
    /// <summary>Never shown: tenancy, versions, identities and anything secret.</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "Id", "OrganizationId", "Version", "ConcurrencyStamp", "SecurityStamp", "PasswordHash", "RowVersion",
        // What the entry already says: whose history it is, which key result, who did it.
        "ObjectiveId", "KeyResultId", "ChildObjectiveId", "AuthorId",
    };

    private static bool IsHidden(string field) =>
        Hidden.Contains(field) || field.EndsWith("Hash", StringComparison.OrdinalIgnoreCase)
        || field.EndsWith("Stamp", StringComparison.OrdinalIgnoreCase) || field.EndsWith("Token", StringComparison.OrdinalIgnoreCase)
        || field.Contains("Password", StringComparison.OrdinalIgnoreCase) || field.Contains("Secret", StringComparison.OrdinalIgnoreCase);

    public static HistoryEntryView Describe(AuditEvent e, Guid objectiveId, IReadOnlyDictionary<Guid, string> keyResultTitles,
        IReadOnlyDictionary<Guid, string> objectiveTitles)
    {
        // A comment's words live in the comments list, which hides deleted (moderated) ones; the history says that
        // someone commented, never what, so a removed comment cannot be read here.
        var changes = e.EntityType == "Comment"
            ? Changes(e.Before, e.After).Where(c => !string.Equals(c.Field, "text", StringComparison.Ordinal)).ToList()
            : Changes(e.Before, e.After);
        var kind = KindOf(e, changes);
        var keyResult = (e.EntityType == "KeyResult" ? e.EntityId : GuidField(e.After, "KeyResultId") ?? GuidField(e.Before, "KeyResultId")) is { } k
            && keyResultTitles.TryGetValue(k, out var title) ? $"“{title}”" : "a key result";
        string AlignmentTarget()
        {
            var child = GuidField(e.After, "ChildObjectiveId") ?? GuidField(e.Before, "ChildObjectiveId");
            var parent = GuidField(e.After, "ParentObjectiveId") ?? GuidField(e.Before, "ParentObjectiveId");
            var parentKeyResult = GuidField(e.After, "ParentKeyResultId") ?? GuidField(e.Before, "ParentKeyResultId");
            string Name(Guid? id) => id is { } i && objectiveTitles.TryGetValue(i, out var t) ? $"“{t}”" : "an objective";
            if (child == objectiveId)
                return parentKeyResult is { } kr && keyResultTitles.TryGetValue(kr, out var krTitle) ? $"to key result “{krTitle}”" : $"to {Name(parent)}";
            return $"from {Name(child)}";
        }
        string Fields() => changes.Count == 0 ? "" : ": " + string.Join(", ", changes.Select(c => Humanize(c.Field)));
        string? After(string field) => changes.FirstOrDefault(c => string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase))?.After;

        var summary = kind switch
        {
            HistoryKind.ObjectiveCreated => "Objective created",
            HistoryKind.ObjectiveUpdated => "Objective updated" + Fields(),
            HistoryKind.ObjectiveActivated => "Objective activated",
            HistoryKind.ObjectiveCancelled => "Objective cancelled",
            HistoryKind.ObjectiveClosed => "Objective closed and graded",
            HistoryKind.ObjectiveRolledOver => e.Before is null ? "Objective created by rolling over" : "Objective rolled over",
            HistoryKind.GradeOverridden => (e.EntityType == "KeyResult" ? $"Grade of key result {keyResult} overridden" : "Grade overridden")
                                           + (After("gradeOverride") is { } g ? $" to {g}" : ""),
            HistoryKind.RetrospectiveWritten => "Retrospective written",
            HistoryKind.RaciChanged => e.After is null ? $"RACI: {After("role") ?? changes.FirstOrDefault(c => c.Field == "role")?.Before} removed"
                                                        : $"RACI: {After("role")} assigned",
            HistoryKind.KeyResultCreated => $"Key result {keyResult} created",
            HistoryKind.KeyResultUpdated => $"Key result {keyResult} updated" + Fields(),
            HistoryKind.KeyResultDeleted => $"Key result {keyResult} deleted",
            HistoryKind.KeyResultGraded => $"Key result {keyResult} graded" + (After("grade") is { } g ? $": {g}" : ""),
            HistoryKind.CheckInRecorded => $"Check-in on {keyResult}" + (After("value") is { } v ? $": {v}" : "")
                                           + (After("confidence") is { } c ? $" (confidence {c})" : ""),
            HistoryKind.AlignmentAdded => $"Aligned {AlignmentTarget()}",
            HistoryKind.AlignmentUpdated => $"Alignment {AlignmentTarget()} changed" + Fields(),
            HistoryKind.AlignmentRemoved => $"Alignment {AlignmentTarget()} removed",
            HistoryKind.CommentAdded => e.EntityType == "Comment" && GuidField(e.After, "KeyResultId") is not null ? $"Comment on {keyResult}" : "Comment added",
            HistoryKind.CommentEdited => "Comment edited",
            HistoryKind.CommentDeleted => "Comment deleted",
            HistoryKind.InitiativeLinked => $"Initiative linked to {keyResult}",
            HistoryKind.InitiativeUnlinked => $"Initiative unlinked from {keyResult}",
            HistoryKind.KpiLinked => $"KPI linked to {keyResult}",
            HistoryKind.KpiUnlinked => $"KPI unlinked from {keyResult}",
            HistoryKind.AnnotationAdded => $"Annotation added to {keyResult}",
            HistoryKind.AnnotationRemoved => $"Annotation removed from {keyResult}",
            _ => $"{Humanize(e.EntityType)} changed" + Fields(),
        };
        return new HistoryEntryView(e.Id, e.At, e.ActorPersonId, kind, e.Action, e.EntityType, e.EntityId, summary, changes);
    }

    public static HistoryKind KindOf(AuditEvent e, IReadOnlyList<FieldChangeView> changes)
    {
        var created = e.Before is null;
        var deleted = e.After is null;
        bool Became(string field, string value) => changes.Any(c =>
            string.Equals(c.Field, field, StringComparison.OrdinalIgnoreCase) && string.Equals(c.After, value, StringComparison.OrdinalIgnoreCase));
        return e.EntityType switch
        {
            "Objective" when e.Kind == AuditKind.ObjectiveRollOver => HistoryKind.ObjectiveRolledOver,
            "Objective" when created => HistoryKind.ObjectiveCreated,
            "Objective" when e.Kind == AuditKind.ObjectiveGradeOverride => HistoryKind.GradeOverridden,
            "Objective" when Became("state", "Active") => HistoryKind.ObjectiveActivated,
            "Objective" when Became("state", "Cancelled") => HistoryKind.ObjectiveCancelled,
            "Objective" when Became("state", "Closed") => HistoryKind.ObjectiveClosed,
            "Objective" => HistoryKind.ObjectiveUpdated,
            _ when e.EntityType.StartsWith("Objective.Retrospective", StringComparison.Ordinal) => HistoryKind.RetrospectiveWritten,
            "RaciAssignment" => HistoryKind.RaciChanged,
            "KeyResult" when created => HistoryKind.KeyResultCreated,
            "KeyResult" when deleted || Became("isDeleted", "true") => HistoryKind.KeyResultDeleted,
            "KeyResult" when e.Kind == AuditKind.KeyResultGradeOverride => HistoryKind.GradeOverridden,
            "KeyResult" when e.Kind == AuditKind.PeriodClose => HistoryKind.KeyResultGraded,
            "KeyResult" => HistoryKind.KeyResultUpdated,
            "CheckIn" => HistoryKind.CheckInRecorded,
            "Alignment" when created => HistoryKind.AlignmentAdded,
            "Alignment" when deleted => HistoryKind.AlignmentRemoved,
            "Alignment" => HistoryKind.AlignmentUpdated,
            "Comment" when created => HistoryKind.CommentAdded,
            "Comment" when deleted || Became("isDeleted", "true") => HistoryKind.CommentDeleted,
            "Comment" => HistoryKind.CommentEdited,
            "InitiativeKeyResult" => deleted ? HistoryKind.InitiativeUnlinked : HistoryKind.InitiativeLinked,
            "KpiKeyResult" => deleted ? HistoryKind.KpiUnlinked : HistoryKind.KpiLinked,
            "AnnotationTarget" => deleted ? HistoryKind.AnnotationRemoved : HistoryKind.AnnotationAdded,
            _ => HistoryKind.Other,
        };
    }

    /// <summary>
    /// The fields whose text differs between the before and after JSON (a creation lists what it set, a deletion what
    /// it removed), in the order the entity declares them, named in camelCase, internals left out.
    /// </summary>
    public static IReadOnlyList<FieldChangeView> Changes(string? before, string? after)
    {
        var old = Fields(before);
        var now = Fields(after);
        return now.Keys.Concat(old.Keys).Distinct(StringComparer.Ordinal)
            .Where(field => !IsHidden(field))
            .Select(field => new FieldChangeView(CamelCase(field), old.GetValueOrDefault(field), now.GetValueOrDefault(field)))
            .Where(c => c.Before != c.After)
            .ToList();
    }

    /// <summary>A field that points at another row by id (owner, owning unit, focus area, period, parent …).</summary>
    public static bool IsReference(string field) => field.EndsWith("Id", StringComparison.Ordinal) && field.Length > 2;

    /// <summary>The entry with each id a changed field points at replaced by that row's name, where it is known.</summary>
    public static HistoryEntryView Named(HistoryEntryView entry, IReadOnlyDictionary<Guid, string> names)
    {
        string? Name(string field, string? value) =>
            IsReference(field) && Guid.TryParse(value, out var id) && names.TryGetValue(id, out var name) ? name : value;
        return entry with { Changes = entry.Changes.Select(c => c with { Before = Name(c.Field, c.Before), After = Name(c.Field, c.After) }).ToList() };
    }

    public static Guid? GuidField(string? json, string field) =>
        Fields(json).GetValueOrDefault(field) is { } text && Guid.TryParse(text, out var id) ? id : null;

    private static Dictionary<string, string?> Fields(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
            return fields;
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            return fields;
        foreach (var property in document.RootElement.EnumerateObject())
            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => property.Value.GetString(),
                _ => property.Value.GetRawText(),
            };
        return fields;
    }

    private static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary><c>successCriteria</c> → "success criteria"; <c>ownerId</c> → "owner".</summary>
    public static string Humanize(string name)
    {
        if (name.EndsWith("Id", StringComparison.Ordinal) && name.Length > 2) name = name[..^2];
        var text = new StringBuilder();
        foreach (var ch in name.Replace(".", " ", StringComparison.Ordinal))
        {
            if (char.IsUpper(ch) && text.Length > 0 && text[^1] != ' ') text.Append(' ');
            text.Append(text.Length == 0 ? char.ToUpperInvariant(ch) : char.ToLowerInvariant(ch));
        }
        return text.ToString();
    }
}
