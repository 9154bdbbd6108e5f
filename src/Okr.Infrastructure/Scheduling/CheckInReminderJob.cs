using Okr.Infrastructure.Reminders;
using Quartz;

namespace Okr.Infrastructure.Scheduling;

/// <summary>
/// Check-in reminders, every 15 minutes (each person's day and hour come in their own zone, so the job looks often).
/// One run at a time in the cluster; a run missed while every replica was down runs once on return (ADR 0025).
/// </summary>
[DisallowConcurrentExecution]
public sealed class CheckInReminderJob(CheckInReminderRun run) : IJob
{
    public static readonly JobKey Key = new("check-in-reminders", QuartzScheduling.Group);
    public const string Schedule = "0 0/15 * * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await run.RunAsync(cancellationToken);
}
