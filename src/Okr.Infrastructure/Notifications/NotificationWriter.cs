using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Security;
using Okr.Application.Messaging;
using Okr.Domain.Common;
using Okr.Domain.Notifications;
using Okr.Domain.Objectives;
using Okr.Domain.Reminders;
using Okr.Domain.Units;
using Okr.Infrastructure.Persistence;

using KeyResultStatusChanged = Okr.Domain.Notifications.KeyResultStatusChanged;

namespace Okr.Infrastructure.Notifications;

/// <summary>
/// Turns the facts a save carries into notifications (ADR 0028), in that save: who hears of each (the rules below),
/// never the person who acted, only people of the organisation who are active and may see what it is about, each once
/// per event, on the channels they chose (<see cref="NotificationPreference"/>, else <see cref="NotificationDefaults"/>):
/// a row of their inbox, an email in the outbox, or both.
/// <list type="bullet">
/// <item>A comment: the objective's owner, its unit's leads, its followers (and a key result's owner for a comment on it);
/// the people it names with @ get a mention instead.</item>
/// <item>A key result turning at risk or off track: its owner and the objective's followers.</item>
/// <item>An objective aligned to another: the parent objective's owner (and the parent key result's).</item>
/// <item>A grade overridden: the objective's owner (and the key result's).</item>
/// <item>A reminder sent: its recipient, in the app (the email is the reminder itself).</item>
/// </list>
/// </summary>
internal static class NotificationWriter
{
    /// <param name="OtherObjectiveId">Another objective the words name (an alignment's parent): the recipient must see both.</param>
    private sealed record Draft(Guid RecipientId, NotificationKind Kind, Guid EventId, Guid? SubjectObjectiveId, Guid? SubjectKeyResultId,
        Guid? SubjectCommentId, string Text, string Link, Guid? OtherObjectiveId);

    private sealed record ObjectiveRow(Guid Id, string Title, Guid? OwnerId, Guid OwningUnitId, Visibility Visibility);

    private sealed record KeyResultRow(Guid Id, Guid ObjectiveId, string Title, Guid? OwnerId);

    private sealed record PersonRow(Guid Id, string DisplayName, string Email, bool IsActive, bool IsAdmin);

    public static async Task WriteAsync(OkrDbContext db, Guid organizationId, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        var actorId = db.CurrentUser?.PersonId;
        var now = db.Clock?.UtcNow ?? DateTimeOffset.UtcNow;
        events = events.Where(e => e is not KeyResultStatusChanged change || change.TurnedWorse).ToList();
        if (events.Count == 0)
            return;

        // What the events are about: key results, their objectives, the objectives named directly.
        var keyResultIds = events.SelectMany(KeyResultsOf).Distinct().ToList();
        var keyResults = keyResultIds.Count == 0 ? new Dictionary<Guid, KeyResultRow>()
            : await db.KeyResults.AsNoTracking().Where(k => EF.Parameter(keyResultIds).Contains(k.Id))
                .Select(k => new KeyResultRow(k.Id, k.ObjectiveId, k.Title, k.OwnerId)).ToDictionaryAsync(k => k.Id, cancellationToken);
        var objectiveIds = events.SelectMany(ObjectivesOf).Concat(keyResults.Values.Select(k => k.ObjectiveId)).Distinct().ToList();
        var objectives = objectiveIds.Count == 0 ? new Dictionary<Guid, ObjectiveRow>()
            : await db.Objectives.AsNoTracking().Where(o => EF.Parameter(objectiveIds).Contains(o.Id))
                .Select(o => new ObjectiveRow(o.Id, o.Title, o.OwnerId, o.OwningUnitId, o.Visibility)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var unitIds = objectives.Values.Select(o => o.OwningUnitId).Distinct().ToList();
        var leads = (unitIds.Count == 0 ? [] : await db.UnitMemberships.AsNoTracking()
                .Where(m => m.Role == UnitRole.Lead && EF.Parameter(unitIds).Contains(m.UnitId)).Select(m => new { m.UnitId, m.PersonId })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.UnitId, m => m.PersonId);
        var followers = (objectiveIds.Count == 0 ? [] : await db.ObjectiveFollowers.AsNoTracking()
                .Where(f => EF.Parameter(objectiveIds).Contains(f.FollowedObjectiveId)).Select(f => new { f.FollowedObjectiveId, f.PersonId })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.FollowedObjectiveId, f => f.PersonId);
        // Mentions are matched against everyone of the organisation; otherwise the people the words name are enough.
        var mentioning = events.OfType<CommentPosted>().Any(c => c.Text.Contains('@', StringComparison.Ordinal));
        var named = events.OfType<ReminderSent>().Select(r => r.SubjectPersonId)
            .Concat(events.OfType<CommentPosted>().Select(c => c.AuthorId)).Append(actorId ?? Guid.Empty).Distinct().ToList();
        var people = await PeopleAsync(db, mentioning ? null : named, cancellationToken);

        string Name(Guid? personId) => personId is { } id && people.TryGetValue(id, out var p) ? p.DisplayName : "Someone";
        var drafts = new List<Draft>();
        void Add(IEnumerable<Guid?> recipients, NotificationKind kind, IDomainEvent e, Guid? objectiveId, Guid? keyResultId, Guid? commentId,
            string text, string link, Guid? otherObjectiveId = null)
        {
            foreach (var recipient in recipients.OfType<Guid>().Distinct())
                drafts.Add(new Draft(recipient, kind, e.EventId, objectiveId, keyResultId, commentId, text, link, otherObjectiveId));
        }

        foreach (var e in events)
        {
            switch (e)
            {
                case CommentPosted comment:
                {
                    var keyResult = comment.KeyResultId is { } k && keyResults.TryGetValue(k, out var kr) ? kr : null;
                    if ((comment.ObjectiveId ?? keyResult?.ObjectiveId) is not { } objectiveId || !objectives.TryGetValue(objectiveId, out var objective))
                        break;
                    var on = keyResult is null ? objective.Title : $"{keyResult.Title} ({objective.Title})";
                    var link = $"/objectives/{objective.Id}#comments";
                    var mentioned = Mentions.Find(comment.Text, people.Values.Where(p => p.IsActive).Select(p => (p.Id, p.DisplayName, p.Email)));
                    Add(mentioned.Select(id => (Guid?)id), NotificationKind.Mention, e, objective.Id, keyResult?.Id, comment.CommentId,
                        $"{Name(comment.AuthorId)} mentioned you on {on}: “{comment.Text}”", link);
                    Add(leads[objective.OwningUnitId].Select(id => (Guid?)id).Concat(followers[objective.Id].Select(id => (Guid?)id))
                            .Append(objective.OwnerId).Append(keyResult?.OwnerId).Where(id => id is { } r && !mentioned.Contains(r)),
                        NotificationKind.Comment, e, objective.Id, keyResult?.Id, comment.CommentId,
                        $"{Name(comment.AuthorId)} commented on {on}: “{comment.Text}”", link);
                    break;
                }
                case KeyResultStatusChanged change when keyResults.TryGetValue(change.KeyResultId, out var keyResult)
                                                        && objectives.TryGetValue(keyResult.ObjectiveId, out var objective):
                    Add(followers[objective.Id].Select(id => (Guid?)id).Append(keyResult.OwnerId), NotificationKind.StatusChanged, e,
                        objective.Id, keyResult.Id, null,
                        $"{keyResult.Title} ({objective.Title}) is now {Words(change.To)}, was {Words(change.From)}.", $"/objectives/{objective.Id}");
                    break;
                case ObjectiveAligned aligned when objectives.TryGetValue(aligned.ParentObjectiveId, out var parent):
                {
                    var parentKeyResult = aligned.ParentKeyResultId is { } pk && keyResults.TryGetValue(pk, out var pkr) ? pkr : null;
                    objectives.TryGetValue(aligned.ChildObjectiveId, out var child);
                    var to = parentKeyResult is null ? $"your objective {parent.Title}" : $"{parentKeyResult.Title} ({parent.Title})";
                    Add([parent.OwnerId, parentKeyResult?.OwnerId], NotificationKind.Aligned, e, aligned.ChildObjectiveId, parentKeyResult?.Id, null,
                        $"{Name(actorId)} aligned {child?.Title ?? "an objective"} to {to}.", $"/objectives/{aligned.ChildObjectiveId}", parent.Id);
                    break;
                }
                case GradeOverridden graded when objectives.TryGetValue(graded.ObjectiveId, out var objective):
                {
                    var keyResult = graded.KeyResultId is { } gk && keyResults.TryGetValue(gk, out var gkr) ? gkr : null;
                    var what = keyResult is null ? objective.Title : $"{keyResult.Title} ({objective.Title})";
                    var grade = graded.Grade is { } g ? $"overrode the grade of {what} to {g.ToString("0.00", CultureInfo.InvariantCulture)}"
                        : $"cleared the grade override of {what}";
                    Add([objective.OwnerId, keyResult?.OwnerId], NotificationKind.Graded, e, objective.Id, keyResult?.Id, null,
                        $"{Name(actorId)} {grade}.", $"/objectives/{objective.Id}");
                    break;
                }
                case ReminderSent reminder:
                    Add([reminder.RecipientId], NotificationKind.Reminder, e, null, null, null, reminder.Kind switch
                    {
                        ReminderKind.SecondNudge => $"Still to check in: {Count(reminder.KeyResultCount)}.",
                        ReminderKind.Escalation => $"{Name(reminder.SubjectPersonId)} has missed check-ins on {Count(reminder.KeyResultCount)} of your unit.",
                        _ => $"Time to check in: {Count(reminder.KeyResultCount)}.",
                    }, "/my-week");
                    break;
            }
        }

        // Never the actor; one notification per recipient and event (a mention rather than a comment: the first drafted).
        drafts = drafts.Where(d => d.RecipientId != actorId).DistinctBy(d => (d.RecipientId, d.EventId)).ToList();
        if (drafts.Count == 0)
            return;

        var recipientIds = drafts.Select(d => d.RecipientId).Distinct().ToList();
        var missing = recipientIds.Where(id => !people.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            foreach (var (id, person) in await PeopleAsync(db, missing, cancellationToken))
                people[id] = person;
        var canSee = await VisibilityAsync(db, drafts, objectives, people, cancellationToken);
        drafts = drafts.Where(d => people.TryGetValue(d.RecipientId, out var p) && p.IsActive && canSee(d)).ToList();
        if (drafts.Count == 0)
            return;

        recipientIds = drafts.Select(d => d.RecipientId).Distinct().ToList();
        var preferences = (await db.NotificationPreferences.AsNoTracking().Where(p => EF.Parameter(recipientIds).Contains(p.PersonId))
                .ToListAsync(cancellationToken))
            .ToDictionary(p => (p.PersonId, p.Kind));
        bool Wants(Draft d, NotificationChannel channel) =>
            preferences.TryGetValue((d.RecipientId, d.Kind), out var chosen) ? chosen.Wants(channel) : NotificationDefaults.Wants(d.Kind, channel);

        string? organizationName = null;
        foreach (var draft in drafts)
        {
            if (Wants(draft, NotificationChannel.InApp))
                db.Notifications.Add(new Notification(organizationId, draft.RecipientId, draft.Kind, draft.EventId, actorId, draft.SubjectObjectiveId,
                    draft.SubjectKeyResultId, draft.SubjectCommentId, draft.Text, draft.Link, now));
            // A reminder's email is the reminder itself, which the reminder run sends or not by the same preference.
            if (draft.Kind != NotificationKind.Reminder && Wants(draft, NotificationChannel.Email))
            {
                organizationName ??= await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(cancellationToken);
                var recipient = people[draft.RecipientId];
                db.OutboxMessages.Add(Emails.Notification(recipient.Email, recipient.DisplayName, organizationId, organizationName,
                    KindName(draft.Kind), Notification.Shorten(draft.Text), Absolute(db, draft.Link), Absolute(db, PreferencesPath), now));
            }
        }
    }

    /// <summary>Where a person chooses what they hear of, in the SPA.</summary>
    public const string PreferencesPath = "/settings#notification-preferences";

    /// <summary>The kind as mail and the admin page name it: <c>mention</c>, <c>status-changed</c>, ….</summary>
    public static string KindName(NotificationKind kind) => kind switch
    {
        NotificationKind.StatusChanged => "status-changed",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Absolute(OkrDbContext db, string path) => db.Links?.Spa(path) ?? path;

    private static string Count(int keyResults) => keyResults == 1 ? "1 key result" : $"{keyResults} key results";

    private static string Words(Domain.Computations.OkrStatus status) => status switch
    {
        Domain.Computations.OkrStatus.OnTrack => "on track",
        Domain.Computations.OkrStatus.AtRisk => "at risk",
        Domain.Computations.OkrStatus.OffTrack => "off track",
        Domain.Computations.OkrStatus.NotStarted => "not started",
        Domain.Computations.OkrStatus.Stale => "stale",
        Domain.Computations.OkrStatus.Achieved => "achieved",
        Domain.Computations.OkrStatus.Missed => "missed",
        _ => status.ToString(),
    };

    private static IEnumerable<Guid> KeyResultsOf(IDomainEvent e) => e switch
    {
        CommentPosted { KeyResultId: { } k } => [k],
        KeyResultStatusChanged c => [c.KeyResultId],
        ObjectiveAligned { ParentKeyResultId: { } k } => [k],
        GradeOverridden { KeyResultId: { } k } => [k],
        _ => [],
    };

    private static IEnumerable<Guid> ObjectivesOf(IDomainEvent e) => e switch
    {
        CommentPosted { ObjectiveId: { } o } => [o],
        KeyResultStatusChanged c => [c.ObjectiveId],
        ObjectiveAligned a => [a.ChildObjectiveId, a.ParentObjectiveId],
        GradeOverridden g => [g.ObjectiveId],
        _ => [],
    };

    /// <summary>
    /// Whether a draft's recipient may see every objective it names (the same rule as reads, <see cref="AccessPolicy.CanSee"/>):
    /// public ones by everyone; restricted ones by the owner, the unit's members, the leads above and admins. Only the
    /// restricted objectives' unit chains and the recipients' memberships in them are read.
    /// </summary>
    private static async Task<Func<Draft, bool>> VisibilityAsync(OkrDbContext db, List<Draft> drafts, IReadOnlyDictionary<Guid, ObjectiveRow> objectives,
        IReadOnlyDictionary<Guid, PersonRow> people, CancellationToken cancellationToken)
    {
        var restricted = objectives.Values.Where(o => o.Visibility == Visibility.Restricted).ToDictionary(o => o.Id);
        if (restricted.Count == 0)
            return _ => true;
        var chains = await Application.Common.UnitChains.LoadAsync(db, restricted.Values.Select(o => o.OwningUnitId), cancellationToken);
        var tree = new OrgTree(chains.Select(c => (c.Id, c.ParentId)));
        var chainIds = chains.Select(c => c.Id).ToList();
        var recipientIds = drafts.Select(d => d.RecipientId).Distinct().ToList();
        var memberships = (await db.UnitMemberships.AsNoTracking()
                .Where(m => EF.Parameter(recipientIds).Contains(m.PersonId) && EF.Parameter(chainIds).Contains(m.UnitId))
                .Select(m => new { m.PersonId, m.UnitId, m.Role }).ToListAsync(cancellationToken))
            .ToLookup(m => m.PersonId);
        var policies = recipientIds.ToDictionary(id => id, id => new AccessPolicy(id, people.TryGetValue(id, out var p) && p.IsAdmin, tree,
            memberships[id].ToDictionary(m => m.UnitId, m => m.Role)));
        return draft => SubjectsOf(draft, objectives).All(o => !restricted.ContainsKey(o.Id)
            || policies[draft.RecipientId].CanSee(new ObjectiveAccess(o.OwningUnitId, o.OwnerId, ObjectiveState.Active, o.Visibility)));
    }

    /// <summary>The objectives a draft's words name: its subject and, for an alignment, the parent too.</summary>
    private static IEnumerable<ObjectiveRow> SubjectsOf(Draft draft, IReadOnlyDictionary<Guid, ObjectiveRow> objectives) =>
        new[] { draft.SubjectObjectiveId, draft.OtherObjectiveId }.OfType<Guid>()
            .Select(id => objectives.TryGetValue(id, out var o) ? o : null).OfType<ObjectiveRow>();

    /// <summary>The organisation's people by id: these ones, or everyone (null).</summary>
    private static async Task<Dictionary<Guid, PersonRow>> PeopleAsync(OkrDbContext db, List<Guid>? ids, CancellationToken cancellationToken)
    {
        var people = db.People.AsNoTracking();
        if (ids is not null)
            people = people.Where(p => EF.Parameter(ids).Contains(p.Id));
        return await people.Select(p => new PersonRow(p.Id, p.DisplayName, p.Email, p.IsActive, p.Role == Domain.Organizations.OrganizationRole.Admin))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
    }
}
