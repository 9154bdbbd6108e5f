using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Okr.Infrastructure.Persistence;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Infrastructure.Scheduling;
using Okr.Testing;
using Quartz;

namespace Okr.Infrastructure.IntegrationTests;

/// <summary>
/// The clustered scheduler on the product's database, created by our migrations (ADR 0025): nodes sharing a database
/// run each fire once, and a schedule outlives the node that made it. Quartz times triggers with the machine's clock,
/// so these tests wait for real fires, with generous bounds.
/// </summary>
public sealed class SchedulerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>What ran where: each fire's scheduled time and the node that ran it.</summary>
    public sealed class Runs
    {
        public ConcurrentQueue<(DateTimeOffset Scheduled, string Node)> All { get; } = new();
    }

    [DisallowConcurrentExecution]
    public sealed class RecordingJob(Runs runs) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            runs.All.Enqueue((context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.Scheduler.SchedulerInstanceId));
            return ValueTask.CompletedTask;
        }
    }

    private static readonly JobKey Job = new("recording", "test");

    /// <summary>One replica's scheduler: the product's configuration, on the test database, as node <paramref name="node"/>.</summary>
    private static ServiceProvider Node(TestDatabase database, string node, Runs runs)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(runs);
        services.AddScoped<RecordingJob>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Outbox:PollSeconds"] = "0",
            ["Scheduler:MisfireThresholdSeconds"] = "1",
            ["Scheduler:ClusterCheckinSeconds"] = "1",
            ["Scheduler:ClusterCheckinMisfireSeconds"] = "2",
        }).Build();
        services.AddOkrScheduler(configuration, database.Provider, database.ConnectionString, quartz =>
            quartz.ConfigureOptions<QuartzSchedulerOptions>(o =>
            {
                o.InstanceId = node;
                o.GenerateInstanceId = false;
                // A node looks at the store often, so it sees triggers that another node scheduled.
                o.IdleWaitTime = TimeSpan.FromSeconds(1);
            }));
        return services.BuildServiceProvider();
    }

    private static async Task<TestDatabase> MigratedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var services = TestServices.Build(database);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OkrDbContext>().Database.MigrateAsync();
        return database;
    }

    private static Task<IScheduler> SchedulerOf(ServiceProvider node) =>
        node.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask();

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Patience)
                throw new TimeoutException($"Not done within {Patience.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }

    private static IJobDetail RecordingJobDetail() => JobBuilder.Create<RecordingJob>().WithIdentity(Job).StoreDurably().Build();

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Two_schedulers_on_one_database_run_each_fire_once(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        var runs = new Runs();
        await using var a = Node(database, "node-a", runs);
        await using var b = Node(database, "node-b", runs);
        var schedulerA = await SchedulerOf(a);
        var schedulerB = await SchedulerOf(b);
        const int fires = 6;
        await schedulerA.ScheduleJob(RecordingJobDetail(), TriggerBuilder.Create()
            .WithIdentity("every-half-second", "test")
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(1))
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromMilliseconds(500)).WithRepeatCount(fires - 1))
            .Build());

        await schedulerA.Start();
        await schedulerB.Start();
        await WaitUntilAsync(() => runs.All.Count >= fires);
        // Time for a doubled fire to show up, had the second node run one too.
        await Task.Delay(TimeSpan.FromSeconds(2));
        await schedulerA.Shutdown(waitForJobsToComplete: true);
        await schedulerB.Shutdown(waitForJobsToComplete: true);

        runs.All.Should().HaveCount(fires, "each fire runs on one node only");
        runs.All.Select(r => r.Scheduled).Should().OnlyHaveUniqueItems();
        runs.All.Select(r => r.Node).Should().OnlyContain(n => n == "node-a" || n == "node-b");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_schedule_survives_a_restart_and_a_fire_missed_while_down_runs_once(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        var runs = new Runs();
        DateTimeOffset due;
        await using (var before = Node(database, "node-a", runs))
        {
            // Scheduled from a node in standby that then shuts down: the schedule exists only in the database.
            var scheduler = await SchedulerOf(before);
            due = DateTimeOffset.UtcNow.AddSeconds(1);
            await scheduler.ScheduleJob(RecordingJobDetail(), TriggerBuilder.Create()
                .WithIdentity("once", "test")
                .StartAt(due)
                .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build());
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
        // Down past the fire time and the misfire threshold (1 s here).
        var downFor = due.AddSeconds(3) - DateTimeOffset.UtcNow;
        if (downFor > TimeSpan.Zero)
            await Task.Delay(downFor);

        await using var after = Node(database, "node-a-restarted", runs);
        var restarted = await SchedulerOf(after);
        await restarted.Start();
        await WaitUntilAsync(() => !runs.All.IsEmpty);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await restarted.Shutdown(waitForJobsToComplete: true);

        runs.All.Should().ContainSingle().Which.Node.Should().Be("node-a-restarted");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_outbox_job_is_stored_with_its_trigger_and_runs_one_at_a_time(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Outbox:PollSeconds"] = "7" }).Build();
        services.AddOkrScheduler(configuration, database.Provider, database.ConnectionString);
        await using var node = services.BuildServiceProvider();
        var scheduler = await SchedulerOf(node);

        var job = await scheduler.GetJobDetail(OutboxDispatchJob.Key);
        var trigger = await scheduler.GetTrigger(new TriggerKey("outbox-dispatch", QuartzScheduling.Group));

        job.Should().NotBeNull();
        job!.ConcurrentExecutionDisallowed.Should().BeTrue();
        var simple = trigger.Should().BeAssignableTo<ISimpleTrigger>().Subject;
        simple.RepeatInterval.Should().Be(TimeSpan.FromSeconds(7));
        simple.MisfireInstruction.Should().Be(SimpleTriggerMisfireInstruction.NextWithRemainingCount);
        (await scheduler.GetMetadata()).JobStoreClustered.Should().BeTrue();
    }
}
