using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.Notifications.Queries.GetMyNotifications;
using Okr.Domain.Notifications;

namespace Okr.Api.GraphQL.Types;

public sealed class NotificationGraphType : ObjectGraphType<NotificationView>
{
    public NotificationGraphType()
    {
        Name = "Notification";
        Description = "One entry of the caller's inbox: what happened, who did it, and where it leads. Mark it read with REST POST /api/notifications/{id}/read.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<NotificationKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("text").Description("What happened, in one line.").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<StringGraphType>>("link").Description("Where in the app it leads: a path such as /objectives/….").Resolve(c => c.Source.Link);
        Field<PersonGraphType>("actor").Description("Who acted; null for the product's own doings (reminders).")
            .Resolve(c => c.Source.ActorId is { } id ? c.Person(id) : null);
        Field<IdGraphType>("objectiveId").Description("The objective it is about, if any.").Resolve(c => c.Source.ObjectiveId);
        Field<IdGraphType>("keyResultId").Description("The key result it is about, if any.").Resolve(c => c.Source.KeyResultId);
        Field<IdGraphType>("commentId").Description("The comment it is about, if any.").Resolve(c => c.Source.CommentId);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("readAt").Description("When the caller marked it read; null: unread.").Resolve(c => c.Source.ReadAt);
        Field<NonNullGraphType<BooleanGraphType>>("isRead").Resolve(c => c.Source.ReadAt is not null);
    }
}

public sealed class NotificationKindGraphType : EnumerationGraphType<NotificationKind>
{
    public NotificationKindGraphType()
    {
        Name = "NotificationKind";
        Description = "What a notification is about; each kind has its own preferences per channel.";
    }
}

public sealed class NotificationConnectionGraphType : ObjectGraphType<NotificationPage>
{
    public NotificationConnectionGraphType()
    {
        Name = "NotificationConnection";
        Description = "A page of the caller's notifications, newest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationGraphType>>>>("nodes").Resolve(c => c.Source.Edges.Select(e => e.Node).ToList());
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source);
    }
}

public sealed class NotificationEdgeGraphType : ObjectGraphType<NotificationEdge>
{
    public NotificationEdgeGraphType()
    {
        Name = "NotificationEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Opaque; pass it back as after.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<NotificationGraphType>>("node").Resolve(c => c.Source.Node);
    }
}
