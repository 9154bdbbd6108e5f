namespace Okr.Domain.Webhooks;

/// <summary>The event types a webhook subscription can listen to: the <c>type</c> of each payload (ADR 0030).</summary>
public static class WebhookEventTypes
{
    public const string CheckInRecorded = "check_in.recorded";
    public const string KeyResultStatusChanged = "key_result.status_changed";
    public const string ObjectiveCreated = "objective.created";
    public const string ObjectiveActivated = "objective.activated";
    public const string ObjectiveClosed = "objective.closed";
    public const string ObjectiveGraded = "objective.graded";
    public const string AlignmentChanged = "alignment.changed";
    public const string CommentCreated = "comment.created";
    /// <summary>Sent only by "send a test event", to the one subscription asked.</summary>
    public const string Test = "webhook.test";

    /// <summary>The types a subscription may name.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CheckInRecorded, KeyResultStatusChanged, ObjectiveCreated, ObjectiveActivated, ObjectiveClosed, ObjectiveGraded, AlignmentChanged,
        CommentCreated,
    ];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
