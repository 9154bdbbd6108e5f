using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.Administration.Queries;
using Okr.Domain.Messaging;
using Okr.Domain.Reminders;

namespace Okr.Api.GraphQL.Types;

public sealed class ReminderDeliveryGraphType : ObjectGraphType<ReminderDeliveryView>
{
    public ReminderDeliveryGraphType()
    {
        Name = "ReminderDelivery";
        Description = "A check-in reminder, nudge or escalation written to the outbox, with the state of its email.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<PersonGraphType>("recipient").Resolve(c => c.Person(c.Source.RecipientId));
        Field<PersonGraphType>("subjectPerson").Description("The DRI the reminder is about (the recipient but for escalations).").Resolve(c => c.Person(c.Source.SubjectPersonId));
        Field<NonNullGraphType<DateOnlyGraphType>>("cycle").Resolve(c => c.Source.Cycle);
        Field<NonNullGraphType<EnumerationGraphType<ReminderKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<EnumerationGraphType<OutboxState>>("state").Resolve(c => c.Source.State);
        Field<NonNullGraphType<IntGraphType>>("attempts").Resolve(c => c.Source.Attempts);
        Field<StringGraphType>("lastError").Resolve(c => c.Source.LastError);
        Field<DateTimeOffsetGraphType>("sentAt").Resolve(c => c.Source.SentAt);
    }
}
