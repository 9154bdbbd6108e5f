using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;

namespace Okr.Application.Webhooks.Commands.DeleteWebhookSubscription;

/// <summary>Deletes a subscription and its delivery log; nothing more is sent to it (admins).</summary>
public sealed record DeleteWebhookSubscription(Guid Id, long? ExpectedVersion = null) : ICommand, IExpectVersion, IAdminRequest;

public sealed class DeleteWebhookSubscriptionHandler(IOkrDbContext db) : ICommandHandler<DeleteWebhookSubscription>
{
    public async ValueTask<Unit> Handle(DeleteWebhookSubscription command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FindOrNotFoundAsync(command.Id, "WebhookSubscription", cancellationToken);
        subscription.EnsureVersion(command.ExpectedVersion);
        // Its deliveries go with it (the foreign key cascades), without loading the log.
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
