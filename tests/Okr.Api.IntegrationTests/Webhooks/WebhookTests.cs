using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.Messaging;
using Okr.Domain.Objectives;
using Okr.Domain.Webhooks;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Infrastructure.Webhooks;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.Webhooks;

/// <summary>
/// One host per provider whose webhooks may go to the test's receiver on 127.0.0.1 over http (the allow-list settings),
/// a strict host that permits nothing private, and the receiver (node with the npm standardwebhooks package).
/// </summary>
public sealed class WebhookFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, OkrApiFactory> _hosts = [];
    private readonly List<OkrApiFactory> _strict = [];

    public WebhookReceiver Receiver { get; } = new();

    public Task InitializeAsync() => Receiver.InitializeAsync();

    public async Task<OkrApiFactory> HostAsync(DatabaseProvider provider)
    {
        if (!_hosts.TryGetValue(provider, out var host))
        {
            host = new OkrApiFactory(await TestDatabase.CreateAsync(provider), settings: new Dictionary<string, string?>
            {
                ["Webhooks:AllowInsecure"] = "true",
                ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
                ["Webhooks:PollSeconds"] = "0",
                ["App:BaseUrl"] = "http://okr.test",
            });
            _ = host.Server;
            _hosts[provider] = host;
        }
        return host;
    }

    /// <summary>A host with the default settings: HTTPS to public addresses only.</summary>
    public async Task<OkrApiFactory> StrictHostAsync()
    {
        if (_strict.Count == 0)
        {
            var host = new OkrApiFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), settings: new Dictionary<string, string?> { ["Webhooks:PollSeconds"] = "0" });
            _ = host.Server;
            _strict.Add(host);
        }
        return _strict[0];
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Values.Concat(_strict))
            await host.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}

/// <summary>
/// Outbound webhooks end to end over real HTTP on 127.0.0.1 (ADR 0030): events written with the change, delivered by
/// the dispatcher, signed as Standard Webhooks say and verified by an independent implementation, retried with the same
/// webhook-id, in order per resource, disabled after a day of failures, kept within their organisation, and secrets
/// rotated with an overlap during which both signatures verify.
/// </summary>
public sealed class WebhookTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    private static readonly string[] ObjectiveCreatedOnly = ["objective.created"];
    private static readonly string[] UnknownType = ["objective.exploded"];
    private static readonly bool[] Verifies = [true];
    private static readonly bool[] BothVerify = [true, true];
    private static readonly bool[] OnlyTheFirst = [true, false];
    private static readonly bool[] OnlyTheSecond = [false, true];

    private WebhookReceiver Receiver => fixture.Receiver;

    private static Task<int> DispatchAsync(OkrApiFactory host) =>
        host.Services.GetRequiredService<WebhookDispatcher>().DispatchDueAsync(CancellationToken.None);

    private sealed record Subscription(Guid Id, long Version, string Secret);

    private static async Task<Subscription> SubscribeAsync(HttpClient admin, string url, params string[] eventTypes)
    {
        var response = await admin.PostAsJsonAsync("/api/webhook-subscriptions", new { url, description = "Test receiver", eventTypes });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, text);
        var body = JsonDocument.Parse(text).RootElement;
        var subscription = body.GetProperty("subscription");
        return new Subscription(subscription.GetProperty("id").GetGuid(), subscription.GetProperty("version").GetInt64(), body.GetProperty("secret").GetString()!);
    }

    private static async Task<JsonElement[]> DeliveriesAsync(HttpClient admin, Guid subscriptionId)
    {
        var response = await admin.GetAsync($"/api/webhook-subscriptions/{subscriptionId}/deliveries");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    /// <summary>Key results of active objectives in the copy's current period, with a check-in any value accepts (a narrative).</summary>
    private static Task<List<Guid>> ActiveKeyResultsAsync(OkrApiFactory host, PrivateDemo demo) =>
        demo.ReadAsync(host, db => (from k in db.KeyResults
                                    join o in db.Objectives on k.ObjectiveId equals o.Id
                                    where o.State == ObjectiveState.Active && o.PeriodId == demo.CurrentPeriodId
                                    orderby k.Id
                                    select k.Id).ToListAsync());

    private static async Task<Guid> CheckInAsync(HttpClient client, Guid keyResultId, decimal value)
    {
        var response = await client.PostAsJsonAsync($"/api/key-results/{keyResultId}/check-ins",
            new { value, confidence = 6, narrative = "From the webhook tests." });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static JsonElement Payload(WebhookReceiver.Delivery delivery) => JsonDocument.Parse(delivery.Body).RootElement;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_signed_event_is_retried_after_a_failure_with_the_same_webhook_id_until_the_receiver_takes_it(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "webhooks-retry");
        using var admin = await demo.SignInAsync(host);
        var path = $"/retry-{provider}";
        var subscription = await SubscribeAsync(admin, Receiver.Url(path), WebhookEventTypes.CheckInRecorded);
        subscription.Secret.Should().StartWith("whsec_");
        await Receiver.SetAsync(500, subscription.Secret);
        var start = host.Clock.UtcNow;
        try
        {
            var keyResult = (await ActiveKeyResultsAsync(host, demo))[0];
            var checkIn = await CheckInAsync(admin, keyResult, 3);

            (await DispatchAsync(host)).Should().Be(0, "the receiver answers 500");
            var first = (await Receiver.ReceivedAsync(path)).Should().ContainSingle().Subject;
            first.Verified.Should().Equal(Verifies, "the npm standardwebhooks package verifies the signature: " + string.Join("; ", first.Errors));
            first.ContentType.Should().StartWith("application/json");
            var log = (await DeliveriesAsync(admin, subscription.Id)).Should().ContainSingle().Subject;
            log.GetProperty("state").GetString().Should().Be("PENDING");
            log.GetProperty("attempts").GetInt32().Should().Be(1);
            log.GetProperty("responseStatus").GetInt32().Should().Be(500);
            log.GetProperty("responseBody").GetString().Should().Be("failing on purpose (500)");
            log.GetProperty("nextAttemptAt").GetDateTimeOffset().Should().Be(start + WebhookDelivery.RetrySchedule[0]);
            log.GetProperty("messageId").GetString().Should().Be(first.Id);

            // Not due yet: nothing goes, whatever the receiver would say.
            await Receiver.AnswerAsync(200);
            await DispatchAsync(host);
            (await Receiver.ReceivedAsync(path)).Should().HaveCount(1);

            host.Clock.UtcNow = start + WebhookDelivery.RetrySchedule[0] + TimeSpan.FromSeconds(1);
            (await DispatchAsync(host)).Should().Be(1);
            var received = await Receiver.ReceivedAsync(path);
            received.Should().HaveCount(2);
            received[1].Id.Should().Be(first.Id, "a retry is the same message");
            received[1].Verified.Should().Equal(true);
            received[1].Body.Should().Be(first.Body);

            var payload = Payload(received[1]);
            payload.GetProperty("type").GetString().Should().Be("check_in.recorded");
            payload.GetProperty("version").GetInt32().Should().Be(1);
            payload.GetProperty("organizationId").GetGuid().Should().Be(demo.OrganizationId);
            payload.GetProperty("timestamp").GetDateTimeOffset().Should().Be(start);
            var data = payload.GetProperty("data");
            data.GetProperty("checkInId").GetGuid().Should().Be(checkIn);
            data.GetProperty("keyResultId").GetGuid().Should().Be(keyResult);
            data.GetProperty("url").GetString().Should().Be($"http://okr.test/api/check-ins/{checkIn}");

            log = (await DeliveriesAsync(admin, subscription.Id)).Should().ContainSingle().Subject;
            log.GetProperty("state").GetString().Should().Be("DELIVERED");
            log.GetProperty("attempts").GetInt32().Should().Be(2);
            log.GetProperty("responseStatus").GetInt32().Should().Be(200);

            // Delivered once: later runs send nothing again.
            (await DispatchAsync(host)).Should().Be(0);
            (await Receiver.ReceivedAsync(path)).Should().HaveCount(2);

            // Redeliver: the same message again, once.
            var redeliver = await admin.PostAsync($"/api/webhook-subscriptions/{subscription.Id}/deliveries/{log.GetProperty("id").GetGuid()}/redeliver", null);
            redeliver.StatusCode.Should().Be(HttpStatusCode.OK, await redeliver.Content.ReadAsStringAsync());
            (await DispatchAsync(host)).Should().Be(1);
            (await Receiver.ReceivedAsync(path)).Select(r => r.Id).Should().Equal(first.Id, first.Id, first.Id);
        }
        finally
        {
            host.Clock.UtcNow = start;
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Events_of_one_resource_arrive_in_order_a_later_one_waiting_while_an_earlier_one_is_retried(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "webhooks-order");
        using var admin = await demo.SignInAsync(host);
        var path = $"/order-{provider}";
        var subscription = await SubscribeAsync(admin, Receiver.Url(path), WebhookEventTypes.CheckInRecorded);
        await Receiver.SetAsync(500, subscription.Secret);
        var start = host.Clock.UtcNow;
        try
        {
            var keyResults = await ActiveKeyResultsAsync(host, demo);
            var (one, other) = (keyResults[0], keyResults[1]);
            var first = await CheckInAsync(admin, one, 4);
            var second = await CheckInAsync(admin, one, 5);
            var elsewhere = await CheckInAsync(admin, other, 6);

            await DispatchAsync(host);
            static Guid CheckInOf(WebhookReceiver.Delivery d) => Payload(d).GetProperty("data").GetProperty("checkInId").GetGuid();
            (await Receiver.ReceivedAsync(path)).Select(CheckInOf).Should().BeEquivalentTo(new[] { first, elsewhere },
                "the second check-in of a key result waits behind its first; another key result's does not");

            await Receiver.AnswerAsync(200);
            host.Clock.UtcNow = start + WebhookDelivery.RetrySchedule[0] + TimeSpan.FromSeconds(1);
            (await DispatchAsync(host)).Should().Be(3);
            var received = await Receiver.ReceivedAsync(path);
            received.Where(d => Payload(d).GetProperty("data").GetProperty("keyResultId").GetGuid() == one).Select(CheckInOf)
                .Should().Equal(first, first, second);
            received.Should().OnlyContain(d => d.Verified.Single());
            (await DeliveriesAsync(admin, subscription.Id)).Should().OnlyContain(d => d.GetProperty("state").GetString() == "DELIVERED");
        }
        finally
        {
            host.Clock.UtcNow = start;
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_subscription_whose_deliveries_fail_for_a_day_is_disabled_and_the_admins_are_mailed(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "webhooks-disable");
        using var admin = await demo.SignInAsync(host);
        var path = $"/disable-{provider}";
        var subscription = await SubscribeAsync(admin, Receiver.Url(path), WebhookEventTypes.CheckInRecorded);
        await Receiver.SetAsync(503, subscription.Secret);
        var start = host.Clock.UtcNow;
        try
        {
            var keyResult = (await ActiveKeyResultsAsync(host, demo))[0];
            await CheckInAsync(admin, keyResult, 2);
            await DispatchAsync(host);
            foreach (var wait in WebhookDelivery.RetrySchedule)
            {
                (await admin.GetFromJsonAsync<JsonElement[]>("/api/webhook-subscriptions"))!.Single(s => s.GetProperty("id").GetGuid() == subscription.Id)
                    .GetProperty("disabledAt").ValueKind.Should().Be(JsonValueKind.Null, "it is disabled only after the last attempt");
                host.Clock.Advance(wait + TimeSpan.FromSeconds(1));
                await DispatchAsync(host);
            }
            (host.Clock.UtcNow - start).Should().BeGreaterThan(TimeSpan.FromDays(1));

            var received = await Receiver.ReceivedAsync(path);
            received.Should().HaveCount(WebhookDelivery.MaxAttempts);
            received.Select(r => r.Id).Distinct().Should().ContainSingle();
            var log = (await DeliveriesAsync(admin, subscription.Id)).Should().ContainSingle().Subject;
            log.GetProperty("state").GetString().Should().Be("FAILED");
            log.GetProperty("attempts").GetInt32().Should().Be(WebhookDelivery.MaxAttempts);
            log.GetProperty("lastError").GetString().Should().Be("HTTP 503");
            var listed = (await admin.GetFromJsonAsync<JsonElement[]>("/api/webhook-subscriptions"))!.Single(s => s.GetProperty("id").GetGuid() == subscription.Id);
            listed.GetProperty("disabledAt").GetDateTimeOffset().Should().Be(host.Clock.UtcNow);
            listed.GetProperty("disabledReason").GetString().Should().Contain("failed");

            var mails = await host.WithDbAsync(db => db.OutboxMessages
                .Where(m => m.Kind == Emails.WebhookDisabledKind && m.OrganizationId == demo.OrganizationId).ToListAsync());
            var adminEmails = await demo.ReadAsync(host, db => db.People.Where(p => p.Role == Okr.Domain.Organizations.OrganizationRole.Admin && p.IsActive)
                .Select(p => p.Email).ToListAsync());
            mails.Select(m => m.Recipient).Should().BeEquivalentTo(adminEmails);
            mails.Should().OnlyContain(m => m.Subject.StartsWith("A webhook was disabled", StringComparison.Ordinal) && m.TextBody.Contains(Receiver.Url(path)));

            // Disabled: a new event is not sent to it, however often the dispatcher runs.
            await Receiver.AnswerAsync(200);
            await CheckInAsync(admin, keyResult, 3);
            await DispatchAsync(host);
            (await Receiver.ReceivedAsync(path)).Should().HaveCount(WebhookDelivery.MaxAttempts);
        }
        finally
        {
            host.Clock.UtcNow = start;
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_organisation_never_receives_or_sees_another_organisations_events(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var a = await PrivateDemo.GetAsync(host, "webhooks-tenant-a");
        var b = await PrivateDemo.GetAsync(host, "webhooks-tenant-b");
        using var adminA = await a.SignInAsync(host);
        using var adminB = await b.SignInAsync(host);
        var (pathA, pathB) = ($"/tenant-a-{provider}", $"/tenant-b-{provider}");
        var subscriptionA = await SubscribeAsync(adminA, Receiver.Url(pathA), WebhookEventTypes.CheckInRecorded);
        var subscriptionB = await SubscribeAsync(adminB, Receiver.Url(pathB), WebhookEventTypes.CheckInRecorded);
        await Receiver.SetAsync(200, subscriptionA.Secret, subscriptionB.Secret);

        var checkIn = await CheckInAsync(adminA, (await ActiveKeyResultsAsync(host, a))[0], 7);
        await DispatchAsync(host);

        var toA = (await Receiver.ReceivedAsync(pathA)).Should().ContainSingle().Subject;
        Payload(toA).GetProperty("data").GetProperty("checkInId").GetGuid().Should().Be(checkIn);
        toA.Verified.Should().Equal(OnlyTheFirst, "signed with A's secret only");
        (await Receiver.ReceivedAsync(pathB)).Should().BeEmpty();
        (await DeliveriesAsync(adminB, subscriptionB.Id)).Should().BeEmpty();

        (await adminB.GetFromJsonAsync<JsonElement[]>("/api/webhook-subscriptions"))!.Select(s => s.GetProperty("id").GetGuid())
            .Should().Equal(subscriptionB.Id);
        (await adminB.GetAsync($"/api/webhook-subscriptions/{subscriptionA.Id}/deliveries")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await adminB.PostAsync($"/api/webhook-subscriptions/{subscriptionA.Id}/test", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await adminB.SendAsync(HttpMethod.Delete, $"/api/webhook-subscriptions/{subscriptionA.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var graph = (await adminB.GraphQLAsync("{ webhookSubscriptions { id } }")).ShouldSucceed();
        graph.GetProperty("webhookSubscriptions").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).Should().Equal(subscriptionB.Id);
        (await adminB.GraphQLAsync("query($id: ID!) { webhookDeliveries(subscriptionId: $id) { id } }", new { id = subscriptionA.Id }))
            .ShouldFailWith("NOT_FOUND");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task During_a_rotations_overlap_both_signatures_verify_and_after_it_only_the_new_one(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "webhooks-rotate");
        using var admin = await demo.SignInAsync(host);
        var path = $"/rotate-{provider}";
        var subscription = await SubscribeAsync(admin, Receiver.Url(path), WebhookEventTypes.ObjectiveActivated);
        var start = host.Clock.UtcNow;
        try
        {
            var rotate = await admin.SendAsync(HttpMethod.Post, $"/api/webhook-subscriptions/{subscription.Id}/rotate-secret", new { overlapHours = 24 },
                subscription.Version);
            var text = await rotate.Content.ReadAsStringAsync();
            rotate.StatusCode.Should().Be(HttpStatusCode.OK, text);
            var rotated = JsonDocument.Parse(text).RootElement;
            var newSecret = rotated.GetProperty("secret").GetString()!;
            newSecret.Should().StartWith("whsec_").And.NotBe(subscription.Secret);
            rotated.GetProperty("subscription").GetProperty("previousSecretExpiresAt").GetDateTimeOffset().Should().Be(start.AddHours(24));
            await Receiver.SetAsync(200, subscription.Secret, newSecret);

            (await admin.PostAsync($"/api/webhook-subscriptions/{subscription.Id}/test", null)).StatusCode.Should().Be(HttpStatusCode.Created);
            await DispatchAsync(host);
            var during = (await Receiver.ReceivedAsync(path)).Should().ContainSingle().Subject;
            Payload(during).GetProperty("type").GetString().Should().Be("webhook.test");
            during.Signature.Split(' ').Should().HaveCount(2).And.OnlyContain(s => s.StartsWith("v1,", StringComparison.Ordinal));
            during.Verified.Should().Equal(BothVerify, "the old secret and the new one both verify during the overlap");

            host.Clock.UtcNow = start.AddHours(24).AddMinutes(1);
            (await admin.PostAsync($"/api/webhook-subscriptions/{subscription.Id}/test", null)).StatusCode.Should().Be(HttpStatusCode.Created);
            await DispatchAsync(host);
            var after = (await Receiver.ReceivedAsync(path))[1];
            after.Signature.Split(' ').Should().ContainSingle();
            after.Verified.Should().Equal(OnlyTheSecond, "after the overlap only the new secret signs");
        }
        finally
        {
            host.Clock.UtcNow = start;
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Secrets_are_shown_once_and_never_in_lists_GraphQL_history_or_in_clear_in_the_database(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "webhooks-secrets");
        using var admin = await demo.SignInAsync(host);
        var subscription = await SubscribeAsync(admin, Receiver.Url($"/secrets-{provider}"), WebhookEventTypes.All.ToArray());
        var rotated = JsonDocument.Parse(await (await admin.SendAsync(HttpMethod.Post, $"/api/webhook-subscriptions/{subscription.Id}/rotate-secret",
            new { overlapHours = 1 }, subscription.Version)).Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString()!;
        var secrets = new[] { subscription.Secret, rotated };
        static string Bare(string secret) => secret["whsec_".Length..];

        var list = await admin.GetStringAsync("/api/webhook-subscriptions");
        var graph = await admin.GraphQLAsync("{ webhookSubscriptions { id url eventTypes enabled secretRotatedAt previousSecretExpiresAt } }");
        graph.ShouldSucceed();
        var stored = await demo.ReadAsync(host, db => db.WebhookSubscriptions.SingleAsync(s => s.Id == subscription.Id));
        var audit = await demo.ReadAsync(host, db => db.AuditEvents.Where(e => e.EntityId == subscription.Id).ToListAsync());
        audit.Should().NotBeEmpty("creating and rotating are audited");
        foreach (var bare in secrets.Select(Bare))
        {
            list.Should().NotContain(bare);
            graph.Text.Should().NotContain(bare);
            stored.ProtectedSecret.Should().NotContain(bare);
            stored.PreviousProtectedSecret.Should().NotContain(bare);
            audit.Should().OnlyContain(e => !(e.Before ?? "").Contains(bare) && !(e.After ?? "").Contains(bare));
        }
        audit.Should().OnlyContain(e => !(e.After ?? "").Contains(stored.ProtectedSecret) && !(e.After ?? "").Contains("Secret\":\""),
            "not even the encrypted secret reaches the audit trail");
    }

    [Fact]
    public async Task Private_loopback_link_local_and_plain_http_targets_are_refused_naming_the_field()
    {
        var host = await fixture.StrictHostAsync();
        using var organization = await host.NewOrganizationAsync();
        foreach (var url in new[]
                 {
                     "http://example.com/hooks", "https://127.0.0.1/hooks", "https://localhost/hooks", "https://10.1.2.3/hooks",
                     "https://192.168.1.20/hooks", "https://169.254.169.254/latest/meta-data", "https://[::1]/hooks", "https://[fd00::1]/hooks",
                     "https://user:password@example.com/hooks", "ftp://example.com/hooks",
                 })
        {
            await (await organization.Admin.PostAsJsonAsync("/api/webhook-subscriptions", new { url, eventTypes = ObjectiveCreatedOnly }))
                .ShouldNameFieldsAsync("url");
        }
        await (await organization.Admin.PostAsJsonAsync("/api/webhook-subscriptions", new { url = "https://example.com/hooks", eventTypes = UnknownType }))
            .ShouldNameFieldsAsync("eventTypes");
        (await host.WithDbAsync(db => db.WebhookSubscriptions.IgnoreQueryFilters().CountAsync(s => s.OrganizationId == organization.OrganizationId)))
            .Should().Be(0, "nothing refused was stored");

        // The permissive host allows 127.0.0.1 over http, and nothing else private.
        var permissive = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var other = await permissive.NewOrganizationAsync();
        var loopback = await other.Admin.PostAsJsonAsync("/api/webhook-subscriptions", new { url = "http://127.0.0.2/hooks", eventTypes = ObjectiveCreatedOnly });
        loopback.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await other.Admin.PostAsJsonAsync("/api/webhook-subscriptions", new { url = Receiver.Url("/allowed"), eventTypes = ObjectiveCreatedOnly }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_objectives_life_sends_each_event_type_with_its_ids_and_a_link(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "webhooks-types");
        using var admin = await demo.SignInAsync(host);
        var path = $"/types-{provider}";
        var subscription = await SubscribeAsync(admin, Receiver.Url(path), WebhookEventTypes.All.ToArray());
        await Receiver.SetAsync(200, subscription.Secret);

        var unit = demo.Units.First().Value;
        var objective = await PrivateDemo.CreateAsync(admin, "/api/objectives", new
        {
            periodId = demo.CurrentPeriodId, owningUnitId = unit, title = "Make webhooks tell the warehouse", visibility = "Public",
        });
        var keyResult = await PrivateDemo.CreateAsync(admin, "/api/key-results", new
        {
            objectiveId = objective, title = "Events delivered", metricKind = "Percentage", direction = "Increase", baseline = 0, target = 100,
            baselineMethod = "Delivery log",
        });
        var version = (await admin.GetAsync($"/api/objectives/{objective}")).ETagVersion();
        (await admin.SendAsync(HttpMethod.Post, $"/api/objectives/{objective}/activate", null, version)).StatusCode.Should().Be(HttpStatusCode.OK);
        var alignment = await PrivateDemo.CreateAsync(admin, $"/api/objectives/{objective}/alignments",
            new { parentObjectiveId = demo.Objective(PrivateDemo.CompanyObjective) });
        var comment = await PrivateDemo.CreateAsync(admin, "/api/comments", new { objectiveId = objective, text = "Wired to the warehouse." });
        var checkIn = await CheckInAsync(admin, keyResult, 50);
        await DispatchAsync(host);

        var received = (await Receiver.ReceivedAsync(path)).Select(Payload).ToList();
        // The objective's events in the order they happened (its comment and alignment are its resource's too); the key
        // result's check-in is another resource's, so it need not wait for them.
        received.Select(p => p.GetProperty("type").GetString()).Where(t => t != "check_in.recorded" && t != "key_result.status_changed")
            .Should().Equal("objective.created", "objective.activated", "alignment.changed", "comment.created");
        received.Select(p => p.GetProperty("type").GetString()).Should().Contain("check_in.recorded");
        JsonElement Data(string type) => received.Single(p => p.GetProperty("type").GetString() == type).GetProperty("data");
        Data("objective.created").GetProperty("objectiveId").GetGuid().Should().Be(objective);
        Data("objective.activated").GetProperty("url").GetString().Should().Be($"http://okr.test/api/objectives/{objective}");
        Data("alignment.changed").GetProperty("alignmentId").GetGuid().Should().Be(alignment);
        Data("alignment.changed").GetProperty("change").GetString().Should().Be("ADDED");
        Data("comment.created").GetProperty("url").GetString().Should().Be($"http://okr.test/api/comments/{comment}");
        Data("check_in.recorded").GetProperty("checkInId").GetGuid().Should().Be(checkIn);
        // Its first check-in moves the key result from stale (nothing since activation is fine) or not started to a status by progress.
        received.Where(p => p.GetProperty("type").GetString() == "key_result.status_changed")
            .Should().OnlyContain(p => p.GetProperty("data").GetProperty("keyResultId").GetGuid() == keyResult
                && p.GetProperty("data").GetProperty("from").GetString() != p.GetProperty("data").GetProperty("to").GetString());
        received.Should().OnlyContain(p => p.GetProperty("organizationId").GetGuid() == demo.OrganizationId);
    }

    [Fact]
    public async Task Only_admins_manage_webhooks()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await PrivateDemo.GetAsync(host, "webhooks-rights");
        using var member = await demo.SignInAsync(host, "member");
        (await member.PostAsJsonAsync("/api/webhook-subscriptions", new { url = Receiver.Url("/member"), eventTypes = ObjectiveCreatedOnly }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await member.GetAsync("/api/webhook-subscriptions")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await member.GraphQLAsync("{ webhookSubscriptions { id } }")).ShouldFailWith("FORBIDDEN");
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.16.5.4", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    public void Only_public_addresses_receive_webhooks(string address, bool isPublic) =>
        WebhookTargets.IsPublic(IPAddress.Parse(address)).Should().Be(isPublic);
}
