using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Units;

namespace Okr.Api.GraphQL.Types;

public sealed class UnitMemberGraphType : ObjectGraphType<UnitMemberView>
{
    public UnitMemberGraphType()
    {
        Name = "UnitMember";
        Description = "A person's membership of a unit.";
        Field<NonNullGraphType<PersonGraphType>>("person").Resolve(c => c.Person(c.Source.PersonId));
        Field<NonNullGraphType<EnumerationGraphType<UnitRole>>>("role").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<OrgUnitGraphType>>("unit").Resolve(c => c.Unit(c.Source.UnitId));
    }
}
