using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Views;

namespace Okr.Api.GraphQL.Types;

public sealed class RetrospectiveGraphType : ObjectGraphType<RetrospectiveView>
{
    public RetrospectiveGraphType()
    {
        Name = "Retrospective";
        Description = "What the team wrote at close.";
        Field<StringGraphType>("wentWell").Resolve(c => c.Source.WentWell);
        Field<StringGraphType>("learned").Resolve(c => c.Source.Learned);
        Field<StringGraphType>("improve").Resolve(c => c.Source.Improve);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("writtenAt").Resolve(c => c.Source.WrittenAt);
        Field<PersonGraphType>("writtenBy").Resolve(c => c.Person(c.Source.WrittenById));
    }
}
