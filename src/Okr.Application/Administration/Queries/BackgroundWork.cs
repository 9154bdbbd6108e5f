using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.Common.Interfaces;
using Okr.Application.Common.Security;
using Okr.Domain.Messaging;
using Okr.Domain.Reminders;

namespace Okr.Application.Administration.Queries;

/// <summary>The background engine's jobs with their last and next fire (admins).</summary>
public sealed record GetBackgroundJobs : IQuery<IReadOnlyList<BackgroundJobView>>, IAdminRequest;

public sealed class GetBackgroundJobsHandler(IBackgroundWork work) : IQueryHandler<GetBackgroundJobs, IReadOnlyList<BackgroundJobView>>
{
    public async ValueTask<IReadOnlyList<BackgroundJobView>> Handle(GetBackgroundJobs query, CancellationToken cancellationToken) =>
        await work.JobsAsync(cancellationToken);
}

/// <summary>A message of the outbox: who, what, and where it stands (never its body).</summary>
public sealed record OutboxMessageView(Guid Id, string Kind, string Recipient, string Subject, OutboxState State, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt);

/// <summary>The organisation's outbox, newest first: pending and failed messages with their attempts and last error, or those in one state (admins).</summary>
public sealed record GetOutboxMessages(OutboxState? State = null, int First = GetOutboxMessages.DefaultCount) : IQuery<IReadOnlyList<OutboxMessageView>>, IAdminRequest
{
    public const int DefaultCount = 50;
    public const int MaxCount = 500;
}

public sealed class GetOutboxMessagesHandler(IOkrDbContext db, ICurrentUser user) : IQueryHandler<GetOutboxMessages, IReadOnlyList<OutboxMessageView>>
{
    public async ValueTask<IReadOnlyList<OutboxMessageView>> Handle(GetOutboxMessages query, CancellationToken cancellationToken)
    {
        var organizationId = user.OrganizationId ?? throw new ForbiddenException("You do not belong to an organisation.");
        var messages = db.OutboxMessages.AsNoTracking().Where(m => m.OrganizationId == organizationId);
        if (query.State is { } state)
            messages = messages.Where(m => m.State == state);
        return await messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(Math.Clamp(query.First, 1, GetOutboxMessages.MaxCount))
            .Select(m => new OutboxMessageView(m.Id, m.Kind, m.Recipient, m.Subject, m.State, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, m.SentAt))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>A check-in reminder that went into the outbox, with the state of its message.</summary>
public sealed record ReminderDeliveryView(Guid Id, Guid RecipientId, Guid SubjectPersonId, DateOnly Cycle, ReminderKind Kind, DateTimeOffset CreatedAt,
    OutboxState? State, int Attempts, string? LastError, DateTimeOffset? SentAt);

/// <summary>The organisation's reminder deliveries, newest first (admins).</summary>
public sealed record GetReminderDeliveries(int First = GetOutboxMessages.DefaultCount) : IQuery<IReadOnlyList<ReminderDeliveryView>>, IAdminRequest;

public sealed class GetReminderDeliveriesHandler(IOkrDbContext db) : IQueryHandler<GetReminderDeliveries, IReadOnlyList<ReminderDeliveryView>>
{
    public async ValueTask<IReadOnlyList<ReminderDeliveryView>> Handle(GetReminderDeliveries query, CancellationToken cancellationToken) =>
        await (from d in db.ReminderDeliveries.AsNoTracking()
               join m in db.OutboxMessages.AsNoTracking() on d.OutboxMessageId equals m.Id into sent
               from m in sent.DefaultIfEmpty()
               orderby d.CreatedAt descending, d.Id descending
               select new ReminderDeliveryView(d.Id, d.RecipientId, d.SubjectPersonId, d.Cycle, d.Kind, d.CreatedAt,
                   m == null ? null : m.State, m == null ? 0 : m.Attempts, m == null ? null : m.LastError, m == null ? null : m.SentAt))
            .Take(Math.Clamp(query.First, 1, GetOutboxMessages.MaxCount))
            .ToListAsync(cancellationToken);
}

/// <summary>The mail files of the organisation, written when no SMTP server is configured, newest first (admins).</summary>
public sealed record GetMailFiles(int First = GetOutboxMessages.DefaultCount) : IQuery<IReadOnlyList<MailFileView>>, IAdminRequest;

public sealed class GetMailFilesHandler(IBackgroundWork work, ICurrentUser user) : IQueryHandler<GetMailFiles, IReadOnlyList<MailFileView>>
{
    public async ValueTask<IReadOnlyList<MailFileView>> Handle(GetMailFiles query, CancellationToken cancellationToken) =>
        await work.MailFilesAsync(user.OrganizationId ?? throw new ForbiddenException("You do not belong to an organisation."),
            Math.Clamp(query.First, 1, GetOutboxMessages.MaxCount), cancellationToken);
}

/// <summary>One mail file of the organisation, as written (admins).</summary>
public sealed record GetMailFile(string Name) : IQuery<byte[]>, IAdminRequest;

public sealed class GetMailFileHandler(IBackgroundWork work, ICurrentUser user) : IQueryHandler<GetMailFile, byte[]>
{
    public async ValueTask<byte[]> Handle(GetMailFile query, CancellationToken cancellationToken) =>
        await work.MailFileAsync(user.OrganizationId ?? throw new ForbiddenException("You do not belong to an organisation."), query.Name, cancellationToken)
        ?? throw new NotFoundException("MailFile", query.Name);
}
