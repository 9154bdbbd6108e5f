using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Views;

namespace Okr.Api.GraphQL.Types;

public sealed class KpiValueGraphType : ObjectGraphType<KpiValueView>
{
    public KpiValueGraphType()
    {
        Name = "KpiValue";
        Field<NonNullGraphType<DateOnlyGraphType>>("date").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<DecimalGraphType>>("value").Resolve(c => c.Source.Value);
        Field<StringGraphType>("source").Resolve(c => c.Source.Source);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("recordedAt").Resolve(c => c.Source.RecordedAt);
        Field<NonNullGraphType<BooleanGraphType>>("healthy").Description("Inside the KPI's healthy band.").Resolve(c => c.Source.Healthy);
    }
}
