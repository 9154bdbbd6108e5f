using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Okr.Infrastructure.Messaging;
using Okr.Infrastructure.Persistence.Providers;
using Quartz;
using Quartz.Impl.AdoJobStore;
using Quartz.Impl.AdoJobStore.Common;

namespace Okr.Infrastructure.Scheduling;

/// <summary>
/// Background work on Quartz.NET: one clustered scheduler node per replica, its job store the QRTZ_ tables of the
/// product's own database (created by our migrations), so each fire of a trigger runs on exactly one replica and a
/// schedule survives restarts. Quartz times its triggers with the machine's clock; the jobs read the product's
/// <c>IClock</c> for every rule (ADR 0025).
/// </summary>
public static class QuartzScheduling
{
    /// <summary>The scheduler's name in the store: every replica of the product is a node of this one scheduler.</summary>
    public const string SchedulerName = "Okr";
    public const string Group = "okr";

    public static IServiceCollection AddOkrScheduler(this IServiceCollection services, IConfiguration configuration,
        DatabaseProvider provider, string connectionString, Action<IQuartzBuilder>? configure = null)
    {
        var options = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var outbox = configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>() ?? new OutboxOptions();
        var webhooks = configuration.GetSection(Webhooks.WebhookOptions.Section).Get<Webhooks.WebhookOptions>() ?? new Webhooks.WebhookOptions();
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.Section));

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureOptions<QuartzSchedulerOptions>(o =>
            {
                o.InstanceName = SchedulerName;
                o.GenerateInstanceId = true;
            });
            quartz.ConfigureOptions<ThreadPoolOptions>(o => o.MaxConcurrency = options.MaxConcurrency);
            quartz.ConfigureOptions<AdoJobStoreOptions>(o =>
            {
                o.MisfireThreshold = TimeSpan.FromSeconds(options.MisfireThresholdSeconds);
                // Job data as strings only: nothing of ours is serialised into the store.
                o.StoreJobDataAsStrings = true;
                // Our migrations create the tables; Quartz only checks that they are there.
                o.SchemaProvisioning = SchemaProvisioning.Validate;
                if (provider == DatabaseProvider.Sqlite)
                    o.AcquireTriggersWithinLock = true;
            });
            quartz.UsePersistentStore(store =>
            {
                store.UseClustering(cluster =>
                {
                    cluster.CheckinInterval = TimeSpan.FromSeconds(options.ClusterCheckinSeconds);
                    cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.ClusterCheckinMisfireSeconds);
                });
                switch (provider)
                {
                    case DatabaseProvider.Postgres:
                        store.UsePostgres(connectionString);
                        break;
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(connectionString);
                        break;
                    default:
                        // Quartz refuses clustering with its SQLite dialect; ours locks in the database (see ClusteredSqliteDialect).
                        store.UseGenericDatabase(SqliteProvider, connectionString);
                        store.UseDriverDelegate<ClusteredSqliteDialect>();
                        store.UseLockHandler(_ => new UpdateRowLockHandler(new DbProvider(SqliteProvider, connectionString)));
                        break;
                }
            });

            quartz.AddJob<OutboxDispatchJob>(job => job.WithIdentity(OutboxDispatchJob.Key).StoreDurably()
                .WithDescription("Sends what the outbox holds"));
            if (outbox.PollSeconds > 0)
                quartz.AddTrigger(trigger => trigger
                    .WithIdentity("outbox-dispatch", Group)
                    .ForJob(OutboxDispatchJob.Key)
                    .StartNow()
                    // A run sends everything due, so runs missed while every replica was down collapse into the next one.
                    .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromSeconds(outbox.PollSeconds)).RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

            quartz.AddJob<WebhookDispatchJob>(job => job.WithIdentity(WebhookDispatchJob.Key).StoreDurably()
                .WithDescription("Sends webhooks"));
            if (webhooks.PollSeconds > 0)
                quartz.AddTrigger(trigger => trigger
                    .WithIdentity("webhook-dispatch", Group)
                    .ForJob(WebhookDispatchJob.Key)
                    .StartNow()
                    // A run sends everything due, so runs missed while every replica was down collapse into the next one.
                    .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromSeconds(webhooks.PollSeconds)).RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

            // The reminder rules look at the whole day after a cycle starts, and reviews are computed as of their scheduled
            // instant: for both, one late run does exactly what the missed ones would have.
            AddCatchingUpCronJob<CheckInReminderJob>(quartz, CheckInReminderJob.Key, CheckInReminderJob.Schedule, "Reminds DRIs to check in");
            AddCatchingUpCronJob<BusinessReviewJob>(quartz, BusinessReviewJob.Key, BusinessReviewJob.Schedule,
                "Publishes the weekly and end-of-quarter business reviews");

            configure?.Invoke(quartz);
        });
        if (options.Enabled)
            services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>A durable job on a UTC cron trigger (named as the job) whose missed fires collapse into one run on return.</summary>
    private static void AddCatchingUpCronJob<TJob>(IQuartzBuilder quartz, JobKey key, string schedule, string description)
        where TJob : IJob
    {
        quartz.AddJob<TJob>(job => job.WithIdentity(key).StoreDurably().WithDescription(description));
        quartz.AddTrigger(trigger => trigger
            .WithIdentity(key.Name, Group)
            .ForJob(key)
            .WithSchedule(CronScheduleBuilder.Create(schedule).InTimeZone(TimeZoneInfo.Utc)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }

    /// <summary>Quartz's name for Microsoft.Data.Sqlite.</summary>
    private const string SqliteProvider = "SQLite-Microsoft";
}
