using GraphQL;
using GraphQL.Types;
using Okr.Application.Reviews;

namespace Okr.Api.GraphQL.Types;

public sealed class ReviewInitiativeGraphType : ObjectGraphType<ReviewInitiative>
{
    public ReviewInitiativeGraphType()
    {
        Name = "ReviewInitiative";
        Description = "A blocked initiative at the review's instant.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<StringGraphType>("ownerName").Resolve(c => c.Source.OwnerName);
        Field<DateOnlyGraphType>("dueDate").Resolve(c => c.Source.DueDate);
        Field<StringGraphType>("externalSystem").Resolve(c => c.Source.ExternalSystem);
        Field<StringGraphType>("externalKey").Resolve(c => c.Source.ExternalKey);
        Field<StringGraphType>("externalUrl").Resolve(c => c.Source.ExternalUrl);
    }
}
