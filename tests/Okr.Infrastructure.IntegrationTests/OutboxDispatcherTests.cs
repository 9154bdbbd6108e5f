using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Okr.Domain.Messaging;
using Okr.Infrastructure.Messaging;
using Okr.Infrastructure.Persistence;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Infrastructure.IntegrationTests;

/// <summary>The outbox's dispatcher: claims, sends once, retries with backoff, records the outcome (ADR 0021).</summary>
public sealed class OutboxDispatcherTests
{
    private sealed class Setup(ServiceProvider services, TestDatabase database, FakeClock clock) : IAsyncDisposable
    {
        public ServiceProvider Services { get; } = services;
        public FakeClock Clock { get; } = clock;

        public OutboxDispatcher Dispatcher(IEmailTransport transport) => new(Services.GetRequiredService<IServiceScopeFactory>(), transport, Clock,
            Options.Create(new EmailOptions()), Options.Create(new OutboxOptions { BatchSize = 5 }), NullLogger<OutboxDispatcher>.Instance);

        public async Task<List<Guid>> WriteAsync(int count)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OkrDbContext>();
            var messages = Enumerable.Range(0, count)
                .Select(i => new OutboxMessage("test", $"person{i}@example.com", $"Message {i}", $"Body {i}", $"<p>Body {i}</p>", null, Clock.UtcNow))
                .ToList();
            db.OutboxMessages.AddRange(messages);
            await db.SaveChangesAsync();
            return messages.Select(m => m.Id).ToList();
        }

        public async Task<List<OutboxMessage>> ReadAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OkrDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
        }

        public async Task UpdateAsync(Func<OkrDbContext, Task> update)
        {
            await using var scope = Services.CreateAsyncScope();
            await update(scope.ServiceProvider.GetRequiredService<OkrDbContext>());
        }

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private static async Task<Setup> Migrated(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new FakeClock();
        var services = TestServices.Build(database, clock);
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OkrDbContext>().Database.MigrateAsync();
        return new Setup(services, database, clock);
    }

    /// <summary>Records what it is given; fails the first <c>failures</c> times.</summary>
    private sealed class RecordingTransport(int failures = 0, TimeSpan? delay = null) : IEmailTransport
    {
        private int _calls;
        public ConcurrentBag<string> Sent { get; } = [];
        public int Calls => _calls;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _calls) <= failures)
                throw new InvalidOperationException("421 Service not available\r\nclosing");
            if (delay is { } wait)
                await Task.Delay(wait, cancellationToken);
            Sent.Add(message.MessageId ?? "");
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Two_dispatchers_racing_over_the_same_messages_send_each_exactly_once(DatabaseProvider provider)
    {
        await using var setup = await Migrated(provider);
        var ids = await setup.WriteAsync(40);
        var transport = new RecordingTransport(delay: TimeSpan.FromMilliseconds(2));
        var first = setup.Dispatcher(transport);
        var second = setup.Dispatcher(transport);

        var sent = await Task.WhenAll(Task.Run(() => first.DispatchDueAsync(CancellationToken.None)), Task.Run(() => second.DispatchDueAsync(CancellationToken.None)));

        Console.WriteLine($"Outbox race on {provider}: first dispatcher sent {sent[0]}, second {sent[1]}");
        transport.Sent.Should().HaveCount(40).And.OnlyHaveUniqueItems();
        transport.Sent.Select(id => Guid.ParseExact(id.Split('@')[0], "N")).Should().BeEquivalentTo(ids);
        sent.Sum().Should().Be(40);
        var rows = await setup.ReadAsync();
        rows.Should().AllSatisfy(m =>
        {
            m.State.Should().Be(OutboxState.Sent);
            m.Attempts.Should().Be(1);
            m.SentAt.Should().Be(setup.Clock.UtcNow);
            m.LeaseUntil.Should().BeNull();
        });
        rows.Select(m => m.ClaimedBy).Should().BeSubsetOf([first.Id, second.Id]);
        (await first.DispatchDueAsync(CancellationToken.None)).Should().Be(0, "a sent message is never sent again");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_failed_send_is_recorded_and_tried_again_after_a_growing_delay_then_sent_once(DatabaseProvider provider)
    {
        await using var setup = await Migrated(provider);
        await setup.WriteAsync(1);
        var transport = new RecordingTransport(failures: 2);
        var dispatcher = setup.Dispatcher(transport);
        var start = setup.Clock.UtcNow;

        (await dispatcher.DispatchDueAsync(CancellationToken.None)).Should().Be(0);
        (await setup.ReadAsync()).Single().Should().BeEquivalentTo(new
        {
            State = OutboxState.Pending, Attempts = 1, NextAttemptAt = start.AddMinutes(1), SentAt = (DateTimeOffset?)null,
            LastError = "InvalidOperationException: 421 Service not available closing", LeaseUntil = (DateTimeOffset?)null,
        });

        setup.Clock.Advance(TimeSpan.FromSeconds(59));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        transport.Calls.Should().Be(1, "the message is not due before its next attempt");

        setup.Clock.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        (await setup.ReadAsync()).Single().Should().BeEquivalentTo(new { State = OutboxState.Pending, Attempts = 2, NextAttemptAt = start.AddMinutes(3) });

        setup.Clock.Advance(TimeSpan.FromMinutes(2));
        (await dispatcher.DispatchDueAsync(CancellationToken.None)).Should().Be(1);
        (await dispatcher.DispatchDueAsync(CancellationToken.None)).Should().Be(0);
        transport.Sent.Should().ContainSingle();
        (await setup.ReadAsync()).Single().Should().BeEquivalentTo(new
        {
            State = OutboxState.Sent, Attempts = 3, SentAt = start.AddMinutes(3), TextBody = "", HtmlBody = (string?)null,
            Subject = "Message 0", Recipient = "person0@example.com",
        }, "a sent message keeps who, what and when, and loses the bodies that carried its links");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_message_leased_by_a_dispatcher_that_died_waits_for_the_lease_to_run_out(DatabaseProvider provider)
    {
        await using var setup = await Migrated(provider);
        var id = (await setup.WriteAsync(1)).Single();
        var leaseUntil = setup.Clock.UtcNow.AddMinutes(5);
        await setup.UpdateAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimedBy, Guid.NewGuid()).SetProperty(m => m.LeaseUntil, leaseUntil)));
        var transport = new RecordingTransport();
        var dispatcher = setup.Dispatcher(transport);

        (await dispatcher.DispatchDueAsync(CancellationToken.None)).Should().Be(0, "another dispatcher holds it");
        setup.Clock.Advance(TimeSpan.FromMinutes(5));
        (await dispatcher.DispatchDueAsync(CancellationToken.None)).Should().Be(1);
        transport.Sent.Should().ContainSingle().Which.Should().StartWith(id.ToString("N"));
    }

    [Fact]
    public async Task After_its_last_attempt_a_message_is_failed_for_good_and_keeps_its_error()
    {
        await using var setup = await Migrated(DatabaseProvider.Sqlite);
        await setup.WriteAsync(1);
        await setup.UpdateAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, OutboxMessage.MaxAttempts - 1)));
        var transport = new RecordingTransport(failures: int.MaxValue);
        var dispatcher = setup.Dispatcher(transport);

        await dispatcher.DispatchDueAsync(CancellationToken.None);
        setup.Clock.Advance(TimeSpan.FromDays(1));
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        transport.Calls.Should().Be(1);
        (await setup.ReadAsync()).Single().Should().BeEquivalentTo(new { State = OutboxState.Failed, Attempts = OutboxMessage.MaxAttempts, TextBody = "Body 0" });
    }
}
