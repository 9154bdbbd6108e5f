using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Work;

namespace Okr.Api.GraphQL.Types;

public sealed class KpiGraphType : ObjectGraphType<KpiView>
{
    public KpiGraphType()
    {
        Name = "Kpi";
        Description = "A health metric a team watches continuously, shown next to the key results it drives: you can meet your KPIs and still miss the key result.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<StringGraphType>("unitLabel").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<OrgUnitGraphType>>("owningUnit").Resolve(c => c.Unit(c.Source.OwningUnitId));
        Field<NonNullGraphType<EnumerationGraphType<KpiDirection>>>("direction").Resolve(c => c.Source.Direction);
        Field<DecimalGraphType>("healthyMin").Resolve(c => c.Source.HealthyMin);
        Field<DecimalGraphType>("healthyMax").Resolve(c => c.Source.HealthyMax);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiValueGraphType>>>>("values")
            .Description("Dated values known at asOf, oldest first.")
            .Argument<IntGraphType>("last", "Only the most recent ones.")
            .WithComplexityImpact(1, ListSizes.KpiValues)
            .Resolve(c =>
            {
                var last = c.GetArgument<int?>("last");
                return c.KpiValues(c.Source.Id, c.Source.AsOf).Then(all => last is { } n ? all.Skip(Math.Max(0, all.Count - n)).ToList() : all);
            });
        Field<KpiValueGraphType>("latestValue").Resolve(c => c.KpiValues(c.Source.Id, c.Source.AsOf).Then(all => all.Count > 0 ? all[^1] : null));
    }
}
