using GraphQL;
using GraphQL.Types;
using Okr.Application.Reviews;

namespace Okr.Api.GraphQL.Types;

public sealed class ReviewHelpRequestGraphType : ObjectGraphType<ReviewHelpRequest>
{
    public ReviewHelpRequestGraphType()
    {
        Name = "ReviewHelpRequest";
        Description = "Help or a decision an owner asked for: the blockers of a key result's latest check-in, with the next steps.";
        Field<NonNullGraphType<IdGraphType>>("keyResultId").Resolve(c => c.Source.KeyResultId);
        Field<NonNullGraphType<StringGraphType>>("keyResultTitle").Resolve(c => c.Source.KeyResultTitle);
        Field<StringGraphType>("ownerName").Resolve(c => c.Source.OwnerName);
        Field<OkrStatusGraphType>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<StringGraphType>>("blockers").Resolve(c => c.Source.Blockers);
        Field<StringGraphType>("nextSteps").Resolve(c => c.Source.NextSteps);
        Field<NonNullGraphType<DateOnlyGraphType>>("checkInDate").Resolve(c => c.Source.CheckInDate);
    }
}
