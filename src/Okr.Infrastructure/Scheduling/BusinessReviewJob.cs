using Okr.Infrastructure.Reviews;
using Quartz;

namespace Okr.Infrastructure.Scheduling;

/// <summary>
/// Scheduled business reviews, every hour (a review is computed as of its scheduled instant, so an hour late changes
/// nothing in it). One run at a time in the cluster; the reviews' unique key makes a doubled run harmless (ADR 0029).
/// </summary>
[DisallowConcurrentExecution]
public sealed class BusinessReviewJob(BusinessReviewRun run) : IJob
{
    public static readonly JobKey Key = new("business-reviews", QuartzScheduling.Group);
    public const string Schedule = "0 5 * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await run.RunAsync(cancellationToken);
}
