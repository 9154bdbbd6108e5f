using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;

namespace Okr.Application.Notifications.Commands.MarkNotificationRead;

/// <summary>
/// Marks one of the caller's notifications read; marking it again changes nothing. Another person's notification is
/// not found, whoever asks.
/// </summary>
public sealed record MarkNotificationRead(Guid Id) : ICommand;

public sealed class MarkNotificationReadHandler(IOkrDbContext db, ICurrentUser user, IClock clock) : ICommandHandler<MarkNotificationRead>
{
    public async ValueTask<Unit> Handle(MarkNotificationRead command, CancellationToken cancellationToken)
    {
        var personId = user.PersonId ?? throw new ForbiddenException("You do not belong to an organisation yet.");
        var mine = db.Notifications.Where(n => n.Id == command.Id && n.RecipientId == personId);
        if (!await mine.AnyAsync(cancellationToken))
            throw new NotFoundException("Notification", command.Id);
        var now = clock.UtcNow;
        await mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return Unit.Value;
    }
}
