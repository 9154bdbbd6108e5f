using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Okr.Application.Common;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Application.Webhooks.Dtos;
using Okr.Domain.Webhooks;

namespace Okr.Application.Webhooks.Commands.RotateWebhookSecret;

/// <summary>
/// Makes a new signing secret, shown this once (admins). During the overlap every message carries two signatures, the
/// new secret's and the previous one's, so the receiver can switch without losing a message.
/// </summary>
public sealed record RotateWebhookSecret : ICommand<WebhookSecretIssued>, IExpectVersion, IAdminRequest
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public long? ExpectedVersion { get; init; }
    /// <summary>How long the previous secret keeps signing, in hours (0 to 168; 24 when omitted; 0 stops it at once).</summary>
    public int? OverlapHours { get; init; }
}

public sealed class RotateWebhookSecretValidator : AbstractValidator<RotateWebhookSecret>
{
    public RotateWebhookSecretValidator() =>
        RuleFor(c => c.OverlapHours).InclusiveBetween(0, (int)WebhookSubscription.LongestOverlap.TotalHours);
}

public sealed class RotateWebhookSecretHandler(IOkrDbContext db, IClock clock, IWebhookSecrets secrets)
    : ICommandHandler<RotateWebhookSecret, WebhookSecretIssued>
{
    public async ValueTask<WebhookSecretIssued> Handle(RotateWebhookSecret command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FindOrNotFoundAsync(command.Id, "WebhookSubscription", cancellationToken);
        subscription.EnsureVersion(command.ExpectedVersion);
        var secret = WebhookEvents.NewSecret();
        subscription.RotateSecret(secrets.Protect(secret), TimeSpan.FromHours(command.OverlapHours ?? 24), clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookSecretIssued(subscription.ToDto(), secret);
    }
}
