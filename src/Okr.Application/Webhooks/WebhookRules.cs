using FluentValidation;
using Okr.Domain.Common;
using Okr.Domain.Webhooks;

namespace Okr.Application.Webhooks;

/// <summary>The validation rules the subscription commands share.</summary>
public static class WebhookRules
{
    public static IRuleBuilderOptions<T, string> WebhookUrl<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Give the endpoint's URL.")
            .MaximumLength(TextLimits.Url)
            .Must(url => Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                         && string.IsNullOrEmpty(uri.UserInfo))
            .WithMessage("An absolute https:// URL, without a user or password in it.");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> WebhookEventTypes<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.NotEmpty().WithMessage("Choose at least one event type.")
            .Must(types => types.Count <= WebhookSubscription.MaxEventTypes).WithMessage("Too many event types.")
            .Must(types => types.All(t => Domain.Webhooks.WebhookEventTypes.IsKnown(t)))
            .WithMessage($"Each event type is one of: {string.Join(", ", Domain.Webhooks.WebhookEventTypes.All)}.");
}
