using GraphQL.Types;
using Okr.Application.OkrGraph.Queries.ObjectiveHistory;

namespace Okr.Api.GraphQL.Types;

public sealed class FieldChangeGraphType : ObjectGraphType<FieldChangeView>
{
    public FieldChangeGraphType()
    {
        Name = "FieldChange";
        Description = "One changed value, as text.";
        Field<NonNullGraphType<StringGraphType>>("field").Description("The field's name, e.g. title, target, state.").Resolve(c => c.Source.Field);
        Field<StringGraphType>("before").Description("Null when it had no value (or did not exist yet).").Resolve(c => c.Source.Before);
        Field<StringGraphType>("after").Description("Null when it has no value (or no longer exists).").Resolve(c => c.Source.After);
    }
}
