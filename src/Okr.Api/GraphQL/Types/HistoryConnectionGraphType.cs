using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Queries.ObjectiveHistory;

namespace Okr.Api.GraphQL.Types;

public sealed class HistoryConnectionGraphType : ObjectGraphType<HistoryPage>
{
    public HistoryConnectionGraphType()
    {
        Name = "HistoryConnection";
        Description = "A page of an objective's history, newest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HistoryEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HistoryEntryGraphType>>>>("nodes").Resolve(c => c.Source.Edges.Select(e => e.Node).ToList());
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source);
    }
}

public sealed class HistoryEdgeGraphType : ObjectGraphType<HistoryEdge>
{
    public HistoryEdgeGraphType()
    {
        Name = "HistoryEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Opaque; pass it back as after.").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<HistoryEntryGraphType>>("node").Resolve(c => c.Source.Node);
    }
}
