using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using Okr.Application.Common.Interfaces;

namespace Okr.Application.Common.Behaviours;

/// <summary>Outermost: one structured log line per request, with who asked and how long it took.</summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger, ICurrentUser user)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    /// <summary>Requests slower than this are logged as warnings.</summary>
    public static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(500);

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > SlowThreshold)
                LogSlow(name, user.UserId, user.OrganizationId, elapsed.TotalMilliseconds);
            else
                LogHandled(name, user.UserId, user.OrganizationId, elapsed.TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var error = ex.GetType().Name;
            LogFailed(name, user.UserId, user.OrganizationId, error, elapsedMs);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} handled for user {UserId} in organisation {OrganizationId} in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string request, Guid? userId, Guid? organizationId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Request} was slow for user {UserId} in organisation {OrganizationId}: {ElapsedMs:0.0} ms")]
    private partial void LogSlow(string request, Guid? userId, Guid? organizationId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} failed for user {UserId} in organisation {OrganizationId} with {Error} after {ElapsedMs:0.0} ms")]
    private partial void LogFailed(string request, Guid? userId, Guid? organizationId, string error, double elapsedMs);
}
