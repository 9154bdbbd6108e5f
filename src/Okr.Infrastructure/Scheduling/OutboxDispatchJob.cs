using Okr.Infrastructure.Messaging;
using Quartz;

namespace Okr.Infrastructure.Scheduling;

/// <summary>
/// Sends what the outbox holds, every <c>Outbox:PollSeconds</c>. One run at a time in the cluster; the rows' leases
/// keep a message from going twice even if two runs overlapped (ADR 0021).
/// </summary>
[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("outbox-dispatch", QuartzScheduling.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await dispatcher.DispatchDueAsync(cancellationToken);
}
