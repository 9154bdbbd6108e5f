using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Organizations;

namespace Okr.Api.GraphQL.Types;

public sealed class InvitationGraphType : ObjectGraphType<InvitationView>
{
    public InvitationGraphType()
    {
        Name = "Invitation";
        Description = "An invitation to join the organisation. Its one-time token was shown once, when it was created, and is never shown again.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<LongGraphType>>("version").Description("The REST ETag.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("email").Resolve(c => c.Source.Email);
        Field<NonNullGraphType<EnumerationGraphType<OrganizationRole>>>("role").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<EnumerationGraphType<InvitationState>>>("state").Resolve(c => c.Source.State);
        Field<PersonGraphType>("invitedBy").Resolve(c => c.Person(c.Source.InvitedById));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Resolve(c => c.Source.ExpiresAt);
        Field<DateTimeOffsetGraphType>("acceptedAt").Resolve(c => c.Source.AcceptedAt);
        Field<PersonGraphType>("acceptedBy").Resolve(c => c.Source.AcceptedByPersonId is { } id ? c.Person(id) : null);
        Field<DateTimeOffsetGraphType>("revokedAt").Resolve(c => c.Source.RevokedAt);
    }
}
