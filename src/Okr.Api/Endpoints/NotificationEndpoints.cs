using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Okr.Application.Notifications.Commands.MarkAllNotificationsRead;
using Okr.Application.Notifications.Commands.MarkNotificationRead;

namespace Okr.Api.Endpoints;

/// <summary>/api/notifications: the caller's own inbox (ADR 0028); read it over GraphQL (<c>notifications</c>).</summary>
public static class NotificationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapPost("/{id:guid}/read", MarkNotificationRead)
            .Operation(nameof(MarkNotificationRead), "Mark one of your notifications read (again: no change). Another person's is not found.").NotFound();
        group.MapPost("/read-all", MarkAllNotificationsRead)
            .Operation(nameof(MarkAllNotificationsRead), "Mark all your unread notifications read; answers how many were marked.");
    }

    public static async Task<NoContent> MarkNotificationRead(Guid id, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new MarkNotificationRead(id), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<MarkedRead>> MarkAllNotificationsRead(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new MarkAllNotificationsRead(), cancellationToken));
}
