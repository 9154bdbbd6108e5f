using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Work;

namespace Okr.Api.GraphQL.Types;

public sealed class AnnotationGraphType : ObjectGraphType<AnnotationView>
{
    public AnnotationGraphType()
    {
        Name = "Annotation";
        Description = "A dated note of a change in the world, shown on charts so cause and effect can be read.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<DateOnlyGraphType>>("date").Resolve(c => c.Source.Date);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<EnumerationGraphType<AnnotationKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<PersonGraphType>("author").Resolve(c => c.Person(c.Source.AuthorId));
    }
}
