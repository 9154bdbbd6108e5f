using System.Reflection;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Interfaces;
using Okr.Domain.Audit;

namespace Okr.Application.Common.Behaviours;

/// <summary>
/// Commands run in one database transaction: their changes and their audit events commit together or not
/// at all. Queries pass straight through. Also names the action the audit trail records.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(IOkrDbContext db, AuditScope audit)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly AuditKind Kind = typeof(TMessage).GetCustomAttribute<AuditedAsAttribute>()?.Kind ?? AuditKind.Change;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || db.Database.CurrentTransaction is not null)
            return await next(message, cancellationToken);

        audit.Action = typeof(TMessage).Name;
        audit.Kind = Kind;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var response = await next(message, ct);
            await transaction.CommitAsync(ct);
            return response;
        }, cancellationToken);
    }
}

/// <summary>The name and kind of the command being handled, for the audit events written by the persistence layer.</summary>
public sealed class AuditScope
{
    public string? Action { get; set; }
    public AuditKind Kind { get; set; }
}

/// <summary>Gives a command's audit events a <see cref="AuditKind"/> other than <see cref="AuditKind.Change"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditedAsAttribute(AuditKind kind) : Attribute
{
    public AuditKind Kind { get; } = kind;
}
