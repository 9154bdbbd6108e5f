using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.Messaging;
using Okr.Domain.Messaging;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.Reviews;

/// <summary>
/// The admin page's reads of the engine (ADR 0029): the scheduler's jobs, the outbox with its failures and a retry, the
/// reminder deliveries and the mail files written without SMTP; admins only, each organisation its own.
/// </summary>
[Collection(ApiTests.Name)]
public sealed class BackgroundWorkAdminTests(ApiFixture fixture)
{
    private const string AdminQuery = """
        query Engine($state: OutboxState) {
          backgroundJobs { name description schedule state previousFireAt nextFireAt }
          outboxMessages(state: $state) { id kind recipient subject state attempts lastError createdAt nextAttemptAt sentAt }
          reminderDeliveries { id cycle kind state attempts recipient { displayName } }
          mailFiles { name size writtenAt to subject kind downloadUrl }
        }
        """;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Admins_see_the_jobs_the_outbox_and_their_own_mail_files_and_retry_a_failed_message(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "engine-admin");
        using var admin = await demo.SignInAsync(host);
        using var member = await demo.SignInAsync(host, "member");
        (await admin.PostAsJsonAsync("/api/business-reviews", new { unitId = demo.Units["Product Management"], periodId = demo.CurrentPeriodId }))
            .EnsureSuccessStatusCode();
        await host.DispatchOutboxAsync();

        var engine = (await admin.GraphQLAsync(AdminQuery)).ShouldSucceed();
        var jobs = engine.GetProperty("backgroundJobs").EnumerateArray().ToDictionary(j => j.GetProperty("name").GetString()!);
        jobs.Keys.Should().Contain(["business-reviews", "check-in-reminders"]);
        jobs["business-reviews"].GetProperty("schedule").GetString().Should().Contain("0 5 * * * ?");
        jobs["business-reviews"].GetProperty("nextFireAt").ValueKind.Should().Be(System.Text.Json.JsonValueKind.String);

        var sent = engine.GetProperty("outboxMessages").EnumerateArray().Where(m => m.GetProperty("kind").GetString() == Emails.BusinessReviewKind).ToList();
        sent.Select(m => m.GetProperty("recipient").GetString()).Should().BeEquivalentTo(["lead@acme.test", "nina@acme.test"]);
        sent.Should().OnlyContain(m => m.GetProperty("state").GetString() == "SENT" && m.GetProperty("attempts").GetInt32() == 1);

        // Without SMTP the mail went to files: this organisation's, listed and downloadable by its admin only.
        var files = engine.GetProperty("mailFiles").EnumerateArray().Where(f => f.GetProperty("kind").GetString() == Emails.BusinessReviewKind).ToList();
        files.Select(f => f.GetProperty("to").GetString()).Should().BeEquivalentTo(["lead@acme.test", "nina@acme.test"]);
        var download = await admin.GetAsync(files[0].GetProperty("downloadUrl").GetString());
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("message/rfc822");
        (await download.Content.ReadAsStringAsync()).Should().Contain("Business review: Product Management");
        using var outsider = await host.OutsiderAsync();
        (await outsider.GraphQLAsync("{ mailFiles { name } }")).ShouldSucceed().GetProperty("mailFiles").EnumerateArray()
            .Select(f => f.GetProperty("name").GetString()).Should().NotContain(files[0].GetProperty("name").GetString());
        await (await outsider.GetAsync(files[0].GetProperty("downloadUrl").GetString())).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await admin.GetAsync("/api/mail-files/..%2F..%2Fokr.db")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        // Admins only.
        (await member.GraphQLAsync("{ backgroundJobs { name } }")).ShouldFailWith("FORBIDDEN");
        (await member.GraphQLAsync("{ outboxMessages { id } }")).ShouldFailWith("FORBIDDEN");
        (await member.GraphQLAsync("{ mailFiles { name } }")).ShouldFailWith("FORBIDDEN");

        // A failed message: visible with its error; a retry makes it due now; a sent one is not sent again.
        var failed = new OutboxMessage("invitation", "someone@example.com", "A message that failed", "text", null, demo.OrganizationId, host.Clock.UtcNow);
        await host.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(failed);
            await db.SaveChangesAsync();
            return await db.OutboxMessages.Where(m => m.Id == failed.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.State, OutboxState.Failed).SetProperty(m => m.Attempts, OutboxMessage.MaxAttempts)
                .SetProperty(m => m.LastError, "SMTP 550 mailbox unavailable").SetProperty(m => m.NextAttemptAt, host.Clock.UtcNow.AddDays(1)));
        }, demo.OrganizationId);
        var listed = (await admin.GraphQLAsync(AdminQuery, new { state = "FAILED" })).ShouldSucceed().GetProperty("outboxMessages");
        listed.EnumerateArray().Should().ContainSingle(m => m.GetProperty("id").GetGuid() == failed.Id)
            .Which.GetProperty("lastError").GetString().Should().Be("SMTP 550 mailbox unavailable");
        await (await member.PostAsync($"/api/outbox-messages/{failed.Id}/retry", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await outsider.PostAsync($"/api/outbox-messages/{failed.Id}/retry", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        (await admin.PostAsync($"/api/outbox-messages/{failed.Id}/retry", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var retried = await demo.ReadAsync(host, db => db.OutboxMessages.SingleAsync(m => m.Id == failed.Id));
        retried.State.Should().Be(OutboxState.Pending);
        retried.NextAttemptAt.Should().Be(host.Clock.UtcNow);
        await (await admin.PostAsync($"/api/outbox-messages/{sent[0].GetProperty("id").GetGuid()}/retry", null))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "outbox.already_sent");
    }
}
