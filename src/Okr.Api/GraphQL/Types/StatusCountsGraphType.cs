using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Queries.GetDashboard;

namespace Okr.Api.GraphQL.Types;

public sealed class StatusCountsGraphType : ObjectGraphType<StatusCountsView>
{
    public StatusCountsGraphType()
    {
        Name = "StatusCounts";
        Description = "How many are in each status (restricted objectives included).";
        Field<NonNullGraphType<IntGraphType>>("notStarted").Resolve(c => c.Source.NotStarted);
        Field<NonNullGraphType<IntGraphType>>("onTrack").Resolve(c => c.Source.OnTrack);
        Field<NonNullGraphType<IntGraphType>>("atRisk").Resolve(c => c.Source.AtRisk);
        Field<NonNullGraphType<IntGraphType>>("offTrack").Resolve(c => c.Source.OffTrack);
        Field<NonNullGraphType<IntGraphType>>("stale").Resolve(c => c.Source.Stale);
        Field<NonNullGraphType<IntGraphType>>("achieved").Resolve(c => c.Source.Achieved);
        Field<NonNullGraphType<IntGraphType>>("missed").Resolve(c => c.Source.Missed);
    }
}
