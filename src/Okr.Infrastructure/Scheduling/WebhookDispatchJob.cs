using Okr.Infrastructure.Webhooks;
using Quartz;

namespace Okr.Infrastructure.Scheduling;

/// <summary>
/// Sends webhooks every <c>Webhooks:PollSeconds</c>. One run at a time in the cluster; the deliveries' leases keep one
/// from going twice at once even if two runs overlapped (ADR 0030).
/// </summary>
[DisallowConcurrentExecution]
public sealed class WebhookDispatchJob(WebhookDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("webhook-dispatch", QuartzScheduling.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await dispatcher.DispatchDueAsync(cancellationToken);
}
