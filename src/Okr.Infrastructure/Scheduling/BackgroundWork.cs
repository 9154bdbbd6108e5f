using MimeKit;
using Okr.Application.Common.Interfaces;
using Okr.Infrastructure.Messaging;
using Quartz;

namespace Okr.Infrastructure.Scheduling;

/// <summary>
/// The admin page's view of the engine (ADR 0029): the jobs and triggers of the clustered scheduler as its store has them
/// (a replica whose scheduler is in standby reads the same store), and the mail files of the pickup folder, each
/// organisation's own by the <see cref="OutboxDispatcher.OrganizationHeader"/> header it was written with.
/// </summary>
public sealed class BackgroundWork(ISchedulerFactory schedulers, IEmailTransport transport) : IBackgroundWork
{
    public async Task<IReadOnlyList<BackgroundJobView>> JobsAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobs = new List<BackgroundJobView>();
        foreach (var key in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(QuartzScheduling.Group), cancellationToken)).OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var detail = await scheduler.GetJobDetail(key, cancellationToken);
            var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken);
            if (triggers.Count == 0)
                jobs.Add(new BackgroundJobView(key.Name, detail?.Description, "not scheduled on this deployment", "NONE", null, null));
            foreach (var trigger in triggers)
            {
                var state = await scheduler.GetTriggerState(trigger.Key, cancellationToken);
                var schedule = trigger switch
                {
                    ICronTrigger cron => $"cron {cron.CronExpressionString} ({cron.TimeZone.Id})",
                    ISimpleTrigger simple => $"every {simple.RepeatInterval.TotalSeconds:0} s",
                    _ => trigger.GetType().Name,
                };
                jobs.Add(new BackgroundJobView(key.Name, detail?.Description, schedule, state.ToString().ToUpperInvariant(),
                    trigger.PreviousFireTimeUtc, trigger.NextFireTimeUtc));
            }
        }
        return jobs;
    }

    public async Task<IReadOnlyList<MailFileView>> MailFilesAsync(Guid organizationId, int limit, CancellationToken cancellationToken)
    {
        var files = new List<MailFileView>();
        foreach (var path in MailFilesNewestFirst())
        {
            if (files.Count >= limit) break;
            var headers = await ReadHeadersAsync(path, cancellationToken);
            if (headers is null || headers[OutboxDispatcher.OrganizationHeader] != organizationId.ToString("D"))
                continue;
            var info = new FileInfo(path);
            files.Add(new MailFileView(info.Name, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), headers[HeaderId.To],
                headers[HeaderId.Subject],
                headers[OutboxDispatcher.KindHeader]));
        }
        return files;
    }

    public async Task<byte[]?> MailFileAsync(Guid organizationId, string name, CancellationToken cancellationToken)
    {
        // Only a name the folder lists, never a path.
        var path = MailFilesNewestFirst().FirstOrDefault(p => string.Equals(Path.GetFileName(p), name, StringComparison.Ordinal));
        if (path is null || (await ReadHeadersAsync(path, cancellationToken))?[OutboxDispatcher.OrganizationHeader] != organizationId.ToString("D"))
            return null;
        return await File.ReadAllBytesAsync(path, cancellationToken);
    }

    private IEnumerable<string> MailFilesNewestFirst() =>
        transport is PickupFolderEmailTransport pickup && Directory.Exists(pickup.Folder)
            ? Directory.EnumerateFiles(pickup.Folder, "*.eml").OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
            : [];

    private static async Task<HeaderList?> ReadHeadersAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await HeaderList.LoadAsync(stream, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or FormatException or ParseException)
        {
            return null;
        }
    }
}
