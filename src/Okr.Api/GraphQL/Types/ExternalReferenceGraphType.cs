using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Views;

namespace Okr.Api.GraphQL.Types;

public sealed class ExternalReferenceGraphType : ObjectGraphType<InitiativeView>
{
    public ExternalReferenceGraphType()
    {
        Name = "ExternalReference";
        Description = "Where the work lives elsewhere: a Jira issue, a GitHub project, …";
        Field<NonNullGraphType<StringGraphType>>("system").Resolve(c => c.Source.ExternalSystem);
        Field<NonNullGraphType<StringGraphType>>("key").Resolve(c => c.Source.ExternalKey);
        Field<StringGraphType>("url").Resolve(c => c.Source.ExternalUrl);
    }
}
