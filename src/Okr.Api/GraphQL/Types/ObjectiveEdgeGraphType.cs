using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Queries.FindObjectives;

namespace Okr.Api.GraphQL.Types;

public sealed class ObjectiveEdgeGraphType : ObjectGraphType<ObjectiveEdge>
{
    public ObjectiveEdgeGraphType()
    {
        Name = "ObjectiveEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Opaque; pass it back as after.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<ObjectiveGraphType>>("node").Resolve(c => c.Source.Node);
    }
}
