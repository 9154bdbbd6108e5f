using GraphQL;
using GraphQL.Types;
using Okr.Application.Common.Interfaces;

namespace Okr.Api.GraphQL.Types;

public sealed class BackgroundJobGraphType : ObjectGraphType<BackgroundJobView>
{
    public BackgroundJobGraphType()
    {
        Name = "BackgroundJob";
        Description = "A job of the clustered scheduler and its trigger, as the shared store has them.";
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<StringGraphType>>("schedule").Resolve(c => c.Source.Schedule);
        Field<NonNullGraphType<StringGraphType>>("state").Description("The trigger's state: NORMAL, PAUSED, BLOCKED (running), ERROR, COMPLETE, NONE.").Resolve(c => c.Source.State);
        Field<DateTimeOffsetGraphType>("previousFireAt").Resolve(c => c.Source.PreviousFireAt);
        Field<DateTimeOffsetGraphType>("nextFireAt").Resolve(c => c.Source.NextFireAt);
    }
}
