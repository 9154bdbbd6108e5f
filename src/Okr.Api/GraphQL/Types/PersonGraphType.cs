using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Organizations;

namespace Okr.Api.GraphQL.Types;

public sealed class PersonGraphType : ObjectGraphType<PersonView>
{
    public PersonGraphType()
    {
        Name = "Person";
        Description = "A person of the organisation.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<LongGraphType>>("version").Description("The REST ETag: send it in If-Match to change the person's role or activity.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("displayName").Resolve(c => c.Source.DisplayName);
        Field<NonNullGraphType<StringGraphType>>("email").Resolve(c => c.Source.Email);
        Field<NonNullGraphType<EnumerationGraphType<OrganizationRole>>>("role").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<BooleanGraphType>>("isActive").Resolve(c => c.Source.IsActive);
    }
}
