using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;

namespace Okr.Application.Administration.Commands.RetryOutboxMessage;

/// <summary>
/// Sends a failed (or waiting) message of the organisation's outbox again at the next dispatch, instead of after its
/// backoff (admins). A sent message is not sent twice: 422 <c>outbox.already_sent</c>.
/// </summary>
public sealed record RetryOutboxMessage(Guid Id) : ICommand, IAdminRequest;

public sealed class RetryOutboxMessageHandler(IOkrDbContext db, ICurrentUser user, IClock clock) : ICommandHandler<RetryOutboxMessage>
{
    public async ValueTask<Unit> Handle(RetryOutboxMessage command, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == command.Id && m.OrganizationId == user.OrganizationId, cancellationToken)
            ?? throw new NotFoundException("OutboxMessage", command.Id);
        message.RetryNow(clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
