using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mediator;

namespace Okr.Application.Common.Behaviours;

/// <summary>Records each request's duration as a histogram (okr.request.duration), for dashboards and alerts.</summary>
public sealed class TimingBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public const string MeterName = "Okr.Application";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("okr.request.duration", "ms", "Time to handle a command or query.");

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            return await next(message, cancellationToken);
        }
        catch
        {
            outcome = "error";
            throw;
        }
        finally
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                new KeyValuePair<string, object?>("request", typeof(TMessage).Name),
                new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
