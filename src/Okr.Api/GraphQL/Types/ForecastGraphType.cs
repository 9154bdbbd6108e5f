using GraphQL;
using GraphQL.Types;
using Okr.Domain.Computations;

namespace Okr.Api.GraphQL.Types;

public sealed class ForecastGraphType : ObjectGraphType<ForecastResult>
{
    public ForecastGraphType()
    {
        Name = "Forecast";
        Description = "An ordinary least-squares line through the period's check-ins, projected to the period's end.";
        Field<NonNullGraphType<FloatGraphType>>("projectedValue").Description("The value the trend reaches at the period's end.").Resolve(c => c.Source.ProjectedValue);
        Field<NonNullGraphType<FloatGraphType>>("projectedProgress").Description("That value's progress, 0 to 1.").Resolve(c => c.Source.ProjectedProgress);
        Field<NonNullGraphType<BooleanGraphType>>("trendingToMiss").Description("The projection falls short of the target.").Resolve(c => c.Source.TrendingToMiss);
        Field<NonNullGraphType<FloatGraphType>>("slopePerDay").Description("The trend, in the metric's units per day.").Resolve(c => c.Source.SlopePerDay);
    }
}
