using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Objectives;

namespace Okr.Api.GraphQL.Types;

public sealed class RaciEntryGraphType : ObjectGraphType<RaciView>
{
    public RaciEntryGraphType()
    {
        Name = "RaciEntry";
        Description = "One person's part in an objective.";
        Field<NonNullGraphType<PersonGraphType>>("person").Resolve(c => c.Person(c.Source.PersonId));
        Field<NonNullGraphType<EnumerationGraphType<RaciRole>>>("role").Resolve(c => c.Source.Role);
    }
}
