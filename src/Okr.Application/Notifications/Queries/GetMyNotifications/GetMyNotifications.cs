using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Notifications;

namespace Okr.Application.Notifications.Queries.GetMyNotifications;

/// <summary>One entry of the caller's inbox (ADR 0028).</summary>
/// <param name="Link">Where in the SPA it leads (a path).</param>
/// <param name="ActorId">Who acted; none for the product's own doings (reminders).</param>
public sealed record NotificationView(Guid Id, NotificationKind Kind, string Text, string Link, Guid? ActorId, Guid? ObjectiveId, Guid? KeyResultId,
    Guid? CommentId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

public sealed record NotificationEdge(string Cursor, NotificationView Node);

public sealed record NotificationPage(IReadOnlyList<NotificationEdge> Edges, bool HasNextPage, bool HasPreviousPage) : IPageInfo
{
    public string? StartCursor => Edges.Count > 0 ? Edges[0].Cursor : null;
    public string? EndCursor => Edges.Count > 0 ? Edges[^1].Cursor : null;
}

/// <summary>The caller's own notifications, newest first, a page at a time; only the unread ones on request.</summary>
public sealed record GetMyNotifications(int First = GetMyNotifications.DefaultPageSize, string? After = null, bool UnreadOnly = false) : IQuery<NotificationPage>
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}

/// <summary>How many of the caller's notifications are unread.</summary>
public sealed record GetMyUnreadNotificationCount : IQuery<int>;

public static class NotificationCursor
{
    private const string Prefix = "notification:";

    public static string Encode(DateTimeOffset at, Guid id) => TimeCursor.Encode(Prefix, at, id);

    public static (DateTimeOffset At, Guid Id)? Decode(string? cursor) => TimeCursor.Decode(Prefix, cursor);
}

public sealed class GetMyNotificationsValidator : AbstractValidator<GetMyNotifications>
{
    public GetMyNotificationsValidator()
    {
        RuleFor(q => q.First).InclusiveBetween(0, GetMyNotifications.MaxPageSize)
            .WithMessage($"first is between 0 and {GetMyNotifications.MaxPageSize}.");
        RuleFor(q => q.After).Must(after => after is null || NotificationCursor.Decode(after) is not null)
            .WithMessage("after must be a cursor this API returned (endCursor of the previous page).");
    }
}

public sealed class GetMyNotificationsHandler(IOkrDbContext db, ICurrentUser user) :
    IQueryHandler<GetMyNotifications, NotificationPage>,
    IQueryHandler<GetMyUnreadNotificationCount, int>
{
    private Guid PersonId => user.PersonId ?? throw new ForbiddenException("You do not belong to an organisation yet.");

    public async ValueTask<NotificationPage> Handle(GetMyNotifications query, CancellationToken cancellationToken)
    {
        var personId = PersonId;
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientId == personId);
        if (query.UnreadOnly)
            mine = mine.Where(n => n.ReadAt == null);
        if (NotificationCursor.Decode(query.After) is var (afterAt, afterId))
            mine = mine.Where(n => n.CreatedAt < afterAt || (n.CreatedAt == afterAt && n.Id.CompareTo(afterId) < 0));
        var rows = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(query.First + 1)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Text, n.Link, n.ActorId, n.SubjectObjectiveId, n.SubjectKeyResultId, n.SubjectCommentId,
                n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return new NotificationPage(
            rows.Take(query.First).Select(n => new NotificationEdge(NotificationCursor.Encode(n.CreatedAt, n.Id), n)).ToList(),
            HasNextPage: rows.Count > query.First, HasPreviousPage: query.After is not null);
    }

    public async ValueTask<int> Handle(GetMyUnreadNotificationCount query, CancellationToken cancellationToken)
    {
        var personId = PersonId;
        return await db.Notifications.CountAsync(n => n.RecipientId == personId && n.ReadAt == null, cancellationToken);
    }
}
