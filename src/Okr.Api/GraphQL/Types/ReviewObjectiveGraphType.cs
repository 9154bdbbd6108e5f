using GraphQL;
using GraphQL.Types;
using Okr.Application.Reviews;
using Okr.Domain.Objectives;

namespace Okr.Api.GraphQL.Types;

public sealed class ReviewObjectiveGraphType : ObjectGraphType<ReviewObjective>
{
    public ReviewObjectiveGraphType()
    {
        Name = "ReviewObjective";
        Description = "An objective as a business review recorded it, with what changed since the previous review.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("unitName").Resolve(c => c.Source.UnitName);
        Field<StringGraphType>("ownerName").Resolve(c => c.Source.OwnerName);
        Field<NonNullGraphType<EnumerationGraphType<ObjectiveState>>>("state").Resolve(c => c.Source.State);
        Field<NonNullGraphType<FloatGraphType>>("progress").Resolve(c => c.Source.Progress);
        Field<NonNullGraphType<FloatGraphType>>("expectedProgress").Resolve(c => c.Source.ExpectedProgress);
        Field<OkrStatusGraphType>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("isNew").Description("Not in the previous review (there was one).").Resolve(c => c.Source.IsNew);
        Field<ReviewChangeGraphType>("change").Description("Since the previous review; null when new or for the first review.").Resolve(c => c.Source.Change);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ReviewKeyResultGraphType>>>>("keyResults").Resolve(c => c.Source.KeyResults);
    }
}
