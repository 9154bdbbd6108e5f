using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Messaging;
using Okr.Infrastructure.Persistence;

namespace Okr.Infrastructure.Messaging;

/// <summary>
/// Sends what the outbox holds. Each message is first claimed with one conditional UPDATE (pending, due, and not
/// leased by anyone else: the row's lease becomes ours), so two replicas never both send it; then sent; then marked
/// sent, or failed with its error and a later next attempt. A dispatcher that dies mid-send leaves its lease to expire,
/// and the message is tried again by whoever comes next. Run by the scheduler's
/// <see cref="Scheduling.OutboxDispatchJob"/>; tests call <see cref="DispatchDueAsync"/> directly (ADR 0021, 0025).
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEmailTransport transport,
    IClock clock,
    IOptions<EmailOptions> email,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>The header naming a message's kind (<c>invitation</c>, <c>business-review</c>, …).</summary>
    public const string KindHeader = "X-Okr-Kind";

    /// <summary>The header naming the organisation a message speaks for: the admin page lists an organisation's own mail files by it.</summary>
    public const string OrganizationHeader = "X-Okr-Organization";

    /// <summary>This dispatcher's name on the rows it claims.</summary>
    public Guid Id { get; } = Guid.CreateVersion7();

    /// <summary>Sends the messages that are due, a batch at a time, until none is left; answers how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            // A full batch of candidates means more may be due, whether this dispatcher or another claimed them.
            var (candidates, delivered) = await DispatchBatchAsync(cancellationToken);
            sent += delivered;
            if (candidates < options.Value.BatchSize)
                return sent;
        }
    }

    private async Task<(int Candidates, int Sent)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
        var now = clock.UtcNow;
        var candidates = await Due(db.OutboxMessages, now)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var id in candidates)
        {
            now = clock.UtcNow;
            var leaseUntil = now.AddSeconds(options.Value.LeaseSeconds);
            // The claim: whoever's UPDATE finds the row still due and unleased takes it; the other finds nothing to update.
            var won = await Due(db.OutboxMessages.Where(m => m.Id == id), now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, Id).SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken);
            if (won == 0)
                continue;
            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
            if (await SendAsync(db, message, cancellationToken))
                sent++;
        }
        return (candidates.Count, sent);
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> messages, DateTimeOffset now) =>
        messages.Where(m => m.Channel == OutboxChannel.Email && m.State == OutboxState.Pending && m.NextAttemptAt <= now
            && (m.LeaseUntil == null || m.LeaseUntil <= now));

    private async Task<bool> SendAsync(OkrDbContext db, OutboxMessage message, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        var mine = db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedBy == Id);
        try
        {
            await transport.SendAsync(ToMime(message), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var now = clock.UtcNow;
            var (state, next) = OutboxMessage.AfterFailure(attempts, now);
            var error = OutboxMessage.ErrorText(Describe(ex));
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.State, state)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.ClaimedBy, (Guid?)null)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
            if (state == OutboxState.Failed)
                LogGivenUp(logger, message.Id, message.Kind, attempts, error);
            else
                LogFailed(logger, message.Id, message.Kind, attempts, error, next);
            return false;
        }

        // Sent: keep who, what and when; the bodies carry one-time links, so they go.
        var sentAt = clock.UtcNow;
        var recorded = await mine.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.State, OutboxState.Sent)
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.TextBody, string.Empty)
            .SetProperty(m => m.HtmlBody, (string?)null)
            .SetProperty(m => m.ListUnsubscribeUrl, (string?)null)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
        if (recorded == 0)
            LogLeaseLost(logger, message.Id);
        LogSent(logger, message.Id, message.Kind, attempts);
        return true;
    }

    /// <summary>What went wrong, with the server's reply code when it gave one.</summary>
    private static string Describe(Exception exception) => exception switch
    {
        MailKit.Net.Smtp.SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode} {smtp.Message}",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    /// <summary>The message as mail: plain text and HTML alternatives, and a Message-Id made of the outbox id.</summary>
    private MimeMessage ToMime(OutboxMessage message)
    {
        var from = MailboxAddress.Parse(email.Value.From);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = message.CreatedAt,
            MessageId = $"{message.Id:N}@{from.Domain}",
        };
        mime.From.Add(from);
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Headers.Add(KindHeader, message.Kind);
        if (message.OrganizationId is { } organizationId)
            mime.Headers.Add(OrganizationHeader, organizationId.ToString("D"));
        if (message.ListUnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: mail clients offer "Unsubscribe" and POST "List-Unsubscribe=One-Click" to the URL, no page to visit.
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} ({Kind}) sent on attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, Guid messageId, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Kind}) failed on attempt {Attempt}: {Error}; next attempt at {NextAttemptAt:O}")]
    private static partial void LogFailed(ILogger logger, Guid messageId, string kind, int attempt, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Kind}) failed on attempt {Attempt}: {Error}; given up")]
    private static partial void LogGivenUp(ILogger logger, Guid messageId, string kind, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} was sent after this dispatcher's lease ran out; another dispatcher may send it again. Raise Outbox:LeaseSeconds above Email:TimeoutSeconds.")]
    private static partial void LogLeaseLost(ILogger logger, Guid messageId);
}
