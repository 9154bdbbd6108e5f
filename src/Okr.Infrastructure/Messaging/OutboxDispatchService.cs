using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Okr.Infrastructure.Messaging;

/// <summary>Runs the <see cref="OutboxDispatcher"/> every <c>Outbox:PollSeconds</c> (0: not on this replica).</summary>
public sealed partial class OutboxDispatchService(OutboxDispatcher dispatcher, IOptions<OutboxOptions> options, TimeProvider time,
    ILogger<OutboxDispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.PollSeconds <= 0)
            return;
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be starting or briefly away: say so and look again at the next tick.
                LogDispatchFailed(logger, ex);
            }
            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox could not be dispatched")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);
}
