using GraphQL;
using System.Collections;
using GraphQL.Types;
using Okr.Application.Common;
using Okr.Application.OkrGraph.Queries.FindObjectives;
using Okr.Domain.Computations;
using Okr.Domain.Objectives;

namespace Okr.Api.GraphQL.Types;

public sealed class ObjectiveFilterInputGraphType : InputObjectGraphType<ObjectiveFilter>
{
    public ObjectiveFilterInputGraphType()
    {
        Name = "ObjectiveFilter";
        Description = "Every criterion is optional; they combine with AND.";
        Field<IdGraphType>("periodId");
        Field<IdGraphType>("unitId");
        Field<BooleanGraphType>("includeDescendants").Description("With unitId: the units below it too.").DefaultValue(false);
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<ObjectiveState>>>>("states");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<ObjectiveType>>>>("types");
        Field<ListGraphType<NonNullGraphType<OkrStatusGraphType>>>("statuses");
        Field<IdGraphType>("ownerId");
        Field<IdGraphType>("focusAreaId");
        Field<StringGraphType>("text").Description("Case-insensitive, in the title, description and success criteria.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ObjectiveFilter(
            Id(value, "periodId"), Id(value, "unitId"),
            value.TryGetValue("includeDescendants", out var descendants) && descendants is true,
            List<ObjectiveState>(value, "states"), List<ObjectiveType>(value, "types"), List<OkrStatus>(value, "statuses"),
            Id(value, "ownerId"), Id(value, "focusAreaId"),
            value.TryGetValue("text", out var text) ? text as string : null);
    }

    private static Guid? Id(IDictionary<string, object?> value, string name) =>
        !value.TryGetValue(name, out var raw) || raw is null ? null
        : raw is Guid id ? id
        : Guid.TryParse(raw.ToString(), out var parsed) ? parsed
        : throw Invalid.Field("filter." + name, $"{name} is not an id this API issued.");

    private static List<T>? List<T>(IDictionary<string, object?> value, string name) =>
        value.TryGetValue(name, out var raw) && raw is IEnumerable items ? items.OfType<T>().ToList() : null;
}
