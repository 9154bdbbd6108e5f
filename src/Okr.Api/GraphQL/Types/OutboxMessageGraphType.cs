using GraphQL;
using GraphQL.Types;
using Okr.Application.Administration.Queries;
using Okr.Domain.Messaging;

namespace Okr.Api.GraphQL.Types;

public sealed class OutboxMessageGraphType : ObjectGraphType<OutboxMessageView>
{
    public OutboxMessageGraphType()
    {
        Name = "OutboxMessage";
        Description = "An email of the outbox: who, what and where it stands (its body is never shown).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("recipient").Resolve(c => c.Source.Recipient);
        Field<NonNullGraphType<StringGraphType>>("subject").Resolve(c => c.Source.Subject);
        Field<NonNullGraphType<EnumerationGraphType<OutboxState>>>("state").Resolve(c => c.Source.State);
        Field<NonNullGraphType<IntGraphType>>("attempts").Resolve(c => c.Source.Attempts);
        Field<StringGraphType>("lastError").Resolve(c => c.Source.LastError);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("nextAttemptAt").Resolve(c => c.Source.NextAttemptAt);
        Field<DateTimeOffsetGraphType>("sentAt").Resolve(c => c.Source.SentAt);
    }
}
