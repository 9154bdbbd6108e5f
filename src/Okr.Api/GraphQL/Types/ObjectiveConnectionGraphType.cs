using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Queries.FindObjectives;

namespace Okr.Api.GraphQL.Types;

public sealed class ObjectiveConnectionGraphType : ObjectGraphType<ObjectivePage>
{
    public ObjectiveConnectionGraphType()
    {
        Name = "ObjectiveConnection";
        Description = "A page of objectives, in creation order.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ObjectiveEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ObjectiveGraphType>>>>("nodes").Resolve(c => c.Source.Edges.Select(e => e.Node).ToList());
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Matches across all pages.").Resolve(c => c.Source.TotalCount);
    }
}
