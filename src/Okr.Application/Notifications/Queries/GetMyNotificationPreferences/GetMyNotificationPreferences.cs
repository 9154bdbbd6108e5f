using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Notifications;

namespace Okr.Application.Notifications.Queries.GetMyNotificationPreferences;

/// <summary>Where one kind of notification reaches the caller: in the app, by email, both or neither.</summary>
/// <param name="IsDefault">Nothing chosen yet for this kind: these are the product's defaults.</param>
public sealed record NotificationPreferenceView(NotificationKind Kind, bool InApp, bool Email, bool IsDefault);

/// <summary>The caller's preferences for every kind of notification, their choices or the defaults.</summary>
public sealed record GetMyNotificationPreferences : IQuery<IReadOnlyList<NotificationPreferenceView>>;

public sealed class GetMyNotificationPreferencesHandler(IOkrDbContext db, ICurrentUser user)
    : IQueryHandler<GetMyNotificationPreferences, IReadOnlyList<NotificationPreferenceView>>
{
    public async ValueTask<IReadOnlyList<NotificationPreferenceView>> Handle(GetMyNotificationPreferences query, CancellationToken cancellationToken) =>
        await ReadAsync(db, user.PersonId ?? throw new ForbiddenException("You do not belong to an organisation yet."), cancellationToken);

    /// <summary>Every kind, in the enumeration's order: the person's choice where they made one, else the default.</summary>
    public static async Task<IReadOnlyList<NotificationPreferenceView>> ReadAsync(IOkrDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => p.PersonId == personId).ToDictionaryAsync(p => p.Kind, cancellationToken);
        return Enum.GetValues<NotificationKind>()
            .Select(kind => chosen.TryGetValue(kind, out var p)
                ? new NotificationPreferenceView(kind, p.InApp, p.Email, IsDefault: false)
                : new NotificationPreferenceView(kind, NotificationDefaults.Wants(kind, NotificationChannel.InApp),
                    NotificationDefaults.Wants(kind, NotificationChannel.Email), IsDefault: true))
            .ToList();
    }
}
