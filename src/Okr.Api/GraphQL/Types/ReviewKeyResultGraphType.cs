using GraphQL;
using GraphQL.Types;
using Okr.Application.Reviews;

namespace Okr.Api.GraphQL.Types;

public sealed class ReviewKeyResultGraphType : ObjectGraphType<ReviewKeyResult>
{
    public ReviewKeyResultGraphType()
    {
        Name = "ReviewKeyResult";
        Description = "A key result as a business review recorded it, with what changed since the previous review.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<StringGraphType>("ownerName").Resolve(c => c.Source.OwnerName);
        Field<DecimalGraphType>("currentValue").Resolve(c => c.Source.CurrentValue);
        Field<DecimalGraphType>("target").Resolve(c => c.Source.Target);
        Field<StringGraphType>("unitLabel").Resolve(c => c.Source.UnitLabel);
        Field<NonNullGraphType<FloatGraphType>>("progress").Resolve(c => c.Source.Progress);
        Field<OkrStatusGraphType>("status").Resolve(c => c.Source.Status);
        Field<IntGraphType>("confidence").Description("The latest confidence (0–10).").Resolve(c => c.Source.Confidence);
        Field<NonNullGraphType<BooleanGraphType>>("isNew").Resolve(c => c.Source.IsNew);
        Field<ReviewChangeGraphType>("change").Resolve(c => c.Source.Change);
    }
}
