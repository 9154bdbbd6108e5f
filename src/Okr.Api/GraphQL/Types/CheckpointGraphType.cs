using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Views;

namespace Okr.Api.GraphQL.Types;

public sealed class CheckpointGraphType : ObjectGraphType<CheckpointView>
{
    public CheckpointGraphType()
    {
        Name = "Checkpoint";
        Description = "A dated milestone of the cycle's roadmap (company OKRs published, team drafts due, mid-quarter review, grading due, …).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<DateOnlyGraphType>>("date").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<BooleanGraphType>>("done").Resolve(c => c.Source.Done);
    }
}
