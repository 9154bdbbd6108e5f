using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;

namespace Okr.Application.Notifications.Commands.MarkAllNotificationsRead;

/// <summary>Marks every unread notification of the caller read; answers how many it marked (0 the second time).</summary>
public sealed record MarkAllNotificationsRead : ICommand<MarkedRead>;

/// <param name="Marked">How many notifications were unread and are read now.</param>
public sealed record MarkedRead(int Marked);

public sealed class MarkAllNotificationsReadHandler(IOkrDbContext db, ICurrentUser user, IClock clock) : ICommandHandler<MarkAllNotificationsRead, MarkedRead>
{
    public async ValueTask<MarkedRead> Handle(MarkAllNotificationsRead command, CancellationToken cancellationToken)
    {
        var personId = user.PersonId ?? throw new ForbiddenException("You do not belong to an organisation yet.");
        var now = clock.UtcNow;
        var marked = await db.Notifications.Where(n => n.RecipientId == personId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return new MarkedRead(marked);
    }
}
