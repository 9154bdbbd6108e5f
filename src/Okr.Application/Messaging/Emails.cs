using System.Globalization;
using System.Net;
using Okr.Application.Reviews;
using Okr.Domain.Messaging;
using Okr.Domain.Organizations;

namespace Okr.Application.Messaging;

/// <summary>
/// The emails the product sends, each as plain text and HTML with the same words, carrying the organisation's name
/// where there is one and an absolute link back into the SPA. A message is an <see cref="OutboxMessage"/>: add it in
/// the same save as the change that causes it.
/// </summary>
public static class Emails
{
    public const string InvitationKind = "invitation";
    public const string EmailConfirmationKind = "email-confirmation";
    public const string PasswordResetKind = "password-reset";
    public const string CheckInReminderKind = "check-in-reminder";
    public const string CheckInNudgeKind = "check-in-nudge";
    public const string CheckInEscalationKind = "check-in-escalation";
    /// <summary>A notification by email (ADR 0028): the kind is this prefix and the notification's kind, e.g. <c>notification-mention</c>.</summary>
    public const string NotificationKindPrefix = "notification-";

    /// <summary>One notification by email: its words, a link to what it is about, and a link to the preferences that sent it.</summary>
    public static OutboxMessage Notification(string email, string displayName, Guid organizationId, string organizationName, string kind,
        string text, string subjectUrl, string preferencesUrl, DateTimeOffset now) =>
        Compose(NotificationKindPrefix + kind, email, organizationName, organizationId, now,
            subject: text.Length <= 120 ? text : text[..119].TrimEnd() + "…",
            paragraphs: [$"{displayName},", text],
            action: ("Open in Okr", subjectUrl),
            footer: "You get this because of your notification preferences in Okr.",
            preferences: ("Notification preferences or unsubscribe", preferencesUrl));

    public const string BusinessReviewKind = "business-review";

    /// <summary>What each kind of subscribed mail is called where a person unsubscribes from it.</summary>
    public static string? SubscriptionName(string kind) => kind switch
    {
        BusinessReviewKind => "business reviews",
        _ => null,
    };

    /// <summary>
    /// A unit's business review, published: the headline numbers, what needs attention, and links to the review and to
    /// unsubscribe (the page, and one-click for mail clients: RFC 8058).
    /// </summary>
    public static OutboxMessage BusinessReview(Person person, string organizationName, BusinessReviewSummary review, string reviewUrl,
        string unsubscribePageUrl, string oneClickUnsubscribeUrl, DateTimeOffset now) =>
        Compose(BusinessReviewKind, person.Email, organizationName, person.OrganizationId, now,
            subject: $"Business review: {review.UnitName}, {review.PeriodName} in {organizationName}",
            paragraphs:
            [
                $"{person.DisplayName}, the business review of {review.UnitName} for {review.PeriodName} is published (as of {review.AsOf.UtcDateTime.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)} UTC).",
                $"Progress {Percent(review.Progress)} against {Percent(review.ExpectedProgress)} expected by now"
                    + (review.ProgressDelta is { } delta ? $" ({(delta >= 0 ? "+" : "−")}{Math.Abs(Math.Round(delta * 100)).ToString("0", CultureInfo.InvariantCulture)} points since the last review)." : "."),
                review.NeedsAttention == 0
                    ? "Nothing is off track, at risk or stale."
                    : $"Needs attention: {Count(review.NeedsAttention, "key result")} off track, at risk or stale. Help or a decision asked for: {Count(review.HelpRequested, "key result")}.",
            ],
            action: ("Read the review", reviewUrl),
            footer: $"You get this because you are a member of {review.UnitName}.",
            preferences: ("Unsubscribe from business reviews", unsubscribePageUrl))
        .WithListUnsubscribe(oneClickUnsubscribeUrl);

    private static string Percent(double share) => Math.Round(share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
    public const string WebhookDisabledKind = "webhook-disabled";

    /// <summary>A DRI's reminder (or, a day later, the nudge) listing all their due key results, with a link to My week.</summary>
    public static OutboxMessage CheckInReminder(Person person, string organizationName, IReadOnlyList<string> dueKeyResults, bool nudge,
        string myWeekUrl, string preferencesUrl, DateTimeOffset now) =>
        Compose(nudge ? CheckInNudgeKind : CheckInReminderKind, person.Email, organizationName, person.OrganizationId, now,
            subject: nudge
                ? $"Still to check in: {Count(dueKeyResults.Count)} in {organizationName}"
                : $"Time to check in: {Count(dueKeyResults.Count)} in {organizationName}",
            paragraphs:
            [
                nudge
                    ? $"{person.DisplayName}, these key results still have no check-in this week:"
                    : $"{person.DisplayName}, it is check-in time. These key results have no check-in this week:",
                .. dueKeyResults.Select(title => $"• {title}"),
            ],
            action: ("Check in on My week", myWeekUrl),
            footer: "You get this because you own these key results or lead the unit that does.",
            preferences: ("Reminder preferences, pause or unsubscribe", preferencesUrl));

    /// <summary>To a unit's lead: a DRI's key results that went the set number of cycles without a check-in.</summary>
    public static OutboxMessage CheckInEscalation(Person lead, Person dri, string organizationName, IReadOnlyList<string> lateKeyResults,
        int escalateAfter, string myWeekUrl, string preferencesUrl, DateTimeOffset now) =>
        Compose(CheckInEscalationKind, lead.Email, organizationName, lead.OrganizationId, now,
            subject: $"{dri.DisplayName} has missed {escalateAfter} check-ins in {organizationName}",
            paragraphs:
            [
                $"{lead.DisplayName}, {dri.DisplayName} has not checked in on these key results for {escalateAfter} cycles or more:",
                .. lateKeyResults.Select(title => $"• {title}"),
            ],
            action: ("Open Okr", myWeekUrl),
            footer: "You get this because you lead the unit that owns these key results.",
            preferences: ("Reminder preferences, pause or unsubscribe", preferencesUrl));

    /// <summary>To each admin: a webhook subscription was disabled after its deliveries failed for a day (ADR 0030).</summary>
    public static OutboxMessage WebhookDisabled(Person admin, string organizationName, string endpoint, string lastError, string integrationsUrl,
        DateTimeOffset now) =>
        Compose(WebhookDisabledKind, admin.Email, organizationName, admin.OrganizationId, now,
            subject: $"A webhook was disabled in {organizationName}",
            paragraphs:
            [
                $"{admin.DisplayName}, the webhook endpoint {endpoint} failed every attempt to deliver an event for more than a day, so Okr stopped sending to it.",
                $"The last error: {lastError}",
                "The deliveries already queued for it wait: fix the endpoint, then enable the subscription again in Admin → Integrations, and they go in order (the failed one can be redelivered from its log). Events raised while it is disabled are not sent to it.",
            ],
            action: ("Open Integrations", integrationsUrl),
            footer: "You get this because you are an admin of this organisation.");

    private static string Count(int keyResults) => keyResults == 1 ? "1 key result" : $"{keyResults} key results";

    public static OutboxMessage Invitation(Invitation invitation, string organizationName, string invitedBy, string acceptUrl, DateTimeOffset now)
    {
        var role = invitation.Role == OrganizationRole.Admin ? "an admin" : "a member";
        var expires = invitation.ExpiresAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        return Compose(InvitationKind, invitation.Email, organizationName, invitation.OrganizationId, now,
            subject: $"{invitedBy} invited you to {organizationName} on Okr",
            paragraphs:
            [
                $"{invitedBy} invited you to join {organizationName} on Okr as {role}.",
                $"Accept the invitation with this address ({invitation.Email}): register or sign in with it, then accept. The link works until {expires}.",
            ],
            action: ("Accept the invitation", acceptUrl),
            footer: "If you did not expect this invitation, ignore this email: nothing happens unless you accept it.");
    }

    public static OutboxMessage EmailConfirmation(string email, string? organizationName, string confirmUrl, DateTimeOffset now) =>
        Compose(EmailConfirmationKind, email, organizationName, null, now,
            subject: "Confirm your email address for Okr",
            paragraphs: [$"Confirm that {email} is your address to finish setting up your Okr account."],
            action: ("Confirm my email", confirmUrl),
            footer: "If you did not create an Okr account, ignore this email.");

    public static OutboxMessage PasswordReset(string email, string? organizationName, string resetUrl, DateTimeOffset now) =>
        Compose(PasswordResetKind, email, organizationName, null, now,
            subject: "Reset your Okr password",
            paragraphs: [$"Someone asked to reset the password of the Okr account {email}. Choose a new password with this link."],
            action: ("Choose a new password", resetUrl),
            footer: "If you did not ask for this, ignore this email: your password stays as it is.");

    private static OutboxMessage Compose(string kind, string to, string? organizationName, Guid? organizationId, DateTimeOffset now,
        string subject, IReadOnlyList<string> paragraphs, (string Label, string Url) action, string footer,
        (string Label, string Url)? preferences = null)
    {
        var signature = organizationName is { Length: > 0 } ? $"Okr · {organizationName}" : "Okr";
        var text = string.Join("\n\n", paragraphs) + $"\n\n{action.Label}:\n{action.Url}\n\n-- \n{footer}\n"
            + (preferences is { } p ? $"{p.Label}: {p.Url}\n" : "") + $"{signature}\n";
        static string E(string value) => WebUtility.HtmlEncode(value);
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{E(subject)}</title></head>
            <body style="font-family: system-ui, sans-serif; color: #1f2937; line-height: 1.5; max-width: 36rem; margin: 0 auto; padding: 1.5rem;">
            {string.Concat(paragraphs.Select(p => $"<p>{E(p)}</p>\n"))}<p><a href="{E(action.Url)}" style="display: inline-block; background: #2563eb; color: #ffffff; padding: 0.6rem 1.2rem; border-radius: 6px; text-decoration: none;">{E(action.Label)}</a></p>
            <p style="font-size: 0.85rem; color: #4b5563;">Or open this link: <a href="{E(action.Url)}">{E(action.Url)}</a></p>
            <hr style="border: none; border-top: 1px solid #e5e7eb;">
            <p style="font-size: 0.85rem; color: #4b5563;">{E(footer)}<br>{(preferences is { } link ? $"<a href=\"{E(link.Url)}\">{E(link.Label)}</a><br>" : "")}{E(signature)}</p>
            </body></html>
            """;
        return new OutboxMessage(kind, to, subject, text, html, organizationId, now);
    }
}
