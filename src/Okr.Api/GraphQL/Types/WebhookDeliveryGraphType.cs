using GraphQL.Types;
using Okr.Application.Webhooks.Dtos;
using Okr.Domain.Webhooks;

namespace Okr.Api.GraphQL.Types;

public sealed class WebhookDeliveryGraphType : ObjectGraphType<WebhookDeliveryDto>
{
    public WebhookDeliveryGraphType()
    {
        Name = "WebhookDelivery";
        Description = "One event's delivery to a subscription, and its log.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("subscriptionId").Resolve(c => c.Source.SubscriptionId);
        Field<NonNullGraphType<StringGraphType>>("messageId").Description("The webhook-id header: the same on every attempt and on a redelivery.")
            .Resolve(c => c.Source.MessageId);
        Field<NonNullGraphType<StringGraphType>>("eventType").Resolve(c => c.Source.EventType);
        Field<NonNullGraphType<StringGraphType>>("payload").Description("The JSON body sent.").Resolve(c => c.Source.Payload);
        Field<NonNullGraphType<EnumerationGraphType<WebhookDeliveryState>>>("state").Resolve(c => c.Source.State);
        Field<NonNullGraphType<IntGraphType>>("attempts").Resolve(c => c.Source.Attempts);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("lastAttemptAt").Resolve(c => c.Source.LastAttemptAt);
        Field<DateTimeOffsetGraphType>("nextAttemptAt").Description("When a pending delivery is tried next.").Resolve(c => c.Source.NextAttemptAt);
        Field<DateTimeOffsetGraphType>("deliveredAt").Resolve(c => c.Source.DeliveredAt);
        Field<IntGraphType>("responseStatus").Resolve(c => c.Source.ResponseStatus);
        Field<StringGraphType>("responseBody").Description("The start of the last answer's body.").Resolve(c => c.Source.ResponseBody);
        Field<StringGraphType>("lastError").Resolve(c => c.Source.LastError);
    }
}
