using GraphQL.Types;
using Okr.Application.Webhooks.Dtos;

namespace Okr.Api.GraphQL.Types;

public sealed class WebhookSubscriptionGraphType : ObjectGraphType<WebhookSubscriptionDto>
{
    public WebhookSubscriptionGraphType()
    {
        Name = "WebhookSubscription";
        Description = "An HTTPS endpoint that receives the organisation's events, signed as Standard Webhooks say. Its secret was shown once and is never readable again.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<LongGraphType>>("version").Description("The REST ETag.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(c => c.Source.Url);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("eventTypes")
            .Description("check_in.recorded, key_result.status_changed, objective.created, objective.activated, objective.closed, objective.graded, alignment.changed, comment.created.")
            .Resolve(c => c.Source.EventTypes);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<BooleanGraphType>>("enabled").Resolve(c => c.Source.DisabledAt is null);
        Field<DateTimeOffsetGraphType>("disabledAt").Resolve(c => c.Source.DisabledAt);
        Field<StringGraphType>("disabledReason").Description("Why it stopped: an admin, or a day of failed deliveries.").Resolve(c => c.Source.DisabledReason);
        Field<DateTimeOffsetGraphType>("secretRotatedAt").Resolve(c => c.Source.SecretRotatedAt);
        Field<DateTimeOffsetGraphType>("previousSecretExpiresAt").Description("After a rotation, until when the previous secret also signs.")
            .Resolve(c => c.Source.PreviousSecretExpiresAt);
    }
}
