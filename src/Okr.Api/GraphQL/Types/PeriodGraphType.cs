using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Execution;
using Okr.Api.GraphQL.Loading;
using Okr.Application.Common.Interfaces;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Computations;
using Okr.Domain.Periods;

namespace Okr.Api.GraphQL.Types;

public sealed class PeriodGraphType : ObjectGraphType<PeriodView>
{
    public PeriodGraphType()
    {
        Name = "Period";
        Description = "A planning cycle: a year, or a quarter inside a year. Dates are inclusive calendar days (UTC).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<LongGraphType>>("version").Description("The REST ETag: send it in If-Match to change the period or its checkpoints.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<EnumerationGraphType<PeriodKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<EnumerationGraphType<PeriodState>>>("state").Resolve(c => c.Source.State);
        Field<NonNullGraphType<DateOnlyGraphType>>("start").Resolve(c => c.Source.Start);
        Field<NonNullGraphType<DateOnlyGraphType>>("end").Resolve(c => c.Source.End);
        Field<PeriodGraphType>("parent").Description("The year a quarter belongs to.")
            .Resolve(c => c.Source.ParentId is { } id ? c.Period(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CheckpointGraphType>>>>("checkpoints").Description("The roadmap, by date.")
            .WithComplexityImpact(1, ListSizes.Checkpoints)
            .Resolve(c => c.Source.Checkpoints);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FocusAreaGraphType>>>>("focusAreas")
            .WithComplexityImpact(1, ListSizes.Work)
            .Resolve(c => c.PeriodFocusAreas(c.Source.Id));
        Field<NonNullGraphType<FloatGraphType>>("expectedProgress")
            .Description("The share of the period elapsed, 0 to 1, now or at asOf.")
            .Argument<DateTimeOffsetGraphType>("asOf", "An instant in the past (ISO 8601); default now.")
            .Resolve(c =>
            {
                var at = c.AsOf() ?? c.RequestServices!.GetRequiredService<IClock>().UtcNow;
                return ExpectedProgress.Compute(at, c.Source.StartsAt, c.Source.EndsAt);
            });
    }
}
