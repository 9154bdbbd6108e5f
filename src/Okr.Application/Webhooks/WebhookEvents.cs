using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Okr.Domain.Common;
using Okr.Domain.Webhooks;

namespace Okr.Application.Webhooks;

/// <summary>An event as sent: its type, the resource whose events go in order, and the JSON body.</summary>
public sealed record WebhookEvent(string Type, string ResourceKey, string Payload);

/// <summary>
/// The payloads of webhook events (ADR 0030), as the Standard Webhooks specification shapes them:
/// <c>{"type", "timestamp", "data"}</c>, plus <c>version</c> (1: fields are only ever added within a version). The data
/// carries the ids and <c>url</c>, the REST address that reads the resource now (with the receiver's own API key).
/// </summary>
public static class WebhookEvents
{
    public const int PayloadVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The webhook event a domain fact gives, or null for a fact no subscription can receive.</summary>
    /// <param name="link">Makes an absolute URL of a path such as <c>/api/objectives/…</c>.</param>
    public static WebhookEvent? Describe(IDomainEvent fact, Func<string, string> link, DateTimeOffset now) => fact switch
    {
        CheckInRecorded e => Make(WebhookEventTypes.CheckInRecorded, KeyResult(e.KeyResultId), now,
            new { e.CheckInId, e.KeyResultId, e.ObjectiveId, url = link($"/api/check-ins/{e.CheckInId}") }, e.OrganizationId),
        KeyResultStatusChanged e => Make(WebhookEventTypes.KeyResultStatusChanged, KeyResult(e.KeyResultId), now,
            new { e.KeyResultId, e.ObjectiveId, e.From, e.To, url = link($"/api/key-results/{e.KeyResultId}") }, e.OrganizationId),
        ObjectiveCreated e => ObjectiveEvent(WebhookEventTypes.ObjectiveCreated, e.OrganizationId, e.ObjectiveId, link, now),
        ObjectiveActivated e => ObjectiveEvent(WebhookEventTypes.ObjectiveActivated, e.OrganizationId, e.ObjectiveId, link, now),
        ObjectiveClosed e => ObjectiveEvent(WebhookEventTypes.ObjectiveClosed, e.OrganizationId, e.ObjectiveId, link, now),
        ObjectiveGraded e => Make(WebhookEventTypes.ObjectiveGraded, Objective(e.ObjectiveId), now,
            new { e.ObjectiveId, e.FinalGrade, url = link($"/api/objectives/{e.ObjectiveId}") }, e.OrganizationId),
        // An objective's alignments change in order with the rest of its life.
        AlignmentChanged e => Make(WebhookEventTypes.AlignmentChanged, Objective(e.ChildObjectiveId), now,
            new { e.AlignmentId, e.ChildObjectiveId, e.ParentObjectiveId, e.ParentKeyResultId, e.Change, url = link($"/api/objectives/{e.ChildObjectiveId}") },
            e.OrganizationId),
        CommentCreated e => Make(WebhookEventTypes.CommentCreated, e.KeyResultId is { } k ? KeyResult(k) : Objective(e.ObjectiveId!.Value), now,
            new { e.CommentId, e.ObjectiveId, e.KeyResultId, url = link($"/api/comments/{e.CommentId}") }, e.OrganizationId),
        _ => null,
    };

    /// <summary>The event "send a test event" sends to one subscription.</summary>
    public static WebhookEvent Test(Guid organizationId, Guid subscriptionId, DateTimeOffset now) =>
        Make(WebhookEventTypes.Test, $"webhook:{subscriptionId:N}", now, new { subscriptionId, message = "A test event from Okr." }, organizationId);

    /// <summary>A new signing secret: <c>whsec_</c> and 32 random bytes in base64, as the specification writes them.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static WebhookEvent ObjectiveEvent(string type, Guid organizationId, Guid objectiveId, Func<string, string> link, DateTimeOffset now) =>
        Make(type, Objective(objectiveId), now, new { objectiveId, url = link($"/api/objectives/{objectiveId}") }, organizationId);

    private static string Objective(Guid id) => $"objective:{id:N}";

    private static string KeyResult(Guid id) => $"key_result:{id:N}";

    private static WebhookEvent Make(string type, string resourceKey, DateTimeOffset now, object data, Guid organizationId)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = type,
            ["timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = PayloadVersion,
            ["organizationId"] = organizationId,
            ["data"] = data,
        };
        return new WebhookEvent(type, resourceKey, JsonSerializer.Serialize(body, Json));
    }
}

/// <summary>
/// The order of webhook events: increasing within a process however fast they come (the machine's ticks, or one more
/// than the last), and across replicas as far as their clocks agree. Not a rule's time, so not the product clock.
/// </summary>
public static class WebhookSequence
{
    private static long _last;

    public static long Next()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(last + 1, DateTime.UtcNow.Ticks);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
                return next;
        }
    }
}
