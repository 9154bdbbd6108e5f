using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Views;

namespace Okr.Api.GraphQL.Types;

public sealed class FocusAreaGraphType : ObjectGraphType<FocusAreaView>
{
    public FocusAreaGraphType()
    {
        Name = "FocusArea";
        Description = "A strategic pillar between the company and its objectives.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<BooleanGraphType>>("isArchived").Resolve(c => c.Source.IsArchived);
        Field<NonNullGraphType<PeriodGraphType>>("period").Resolve(c => c.Period(c.Source.PeriodId));
    }
}
