using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Views;

namespace Okr.Api.GraphQL.Types;

public sealed class CommentGraphType : ObjectGraphType<CommentView>
{
    public CommentGraphType()
    {
        Name = "Comment";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<LongGraphType>>("version").Description("The REST ETag: send it in If-Match to edit or delete the comment.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text);
        Field<PersonGraphType>("author").Resolve(c => c.Person(c.Source.AuthorId));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("editedAt").Resolve(c => c.Source.EditedAt);
    }
}
