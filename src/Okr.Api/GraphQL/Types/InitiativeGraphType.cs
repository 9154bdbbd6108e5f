using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Work;

namespace Okr.Api.GraphQL.Types;

public sealed class InitiativeGraphType : ObjectGraphType<InitiativeView>
{
    public InitiativeGraphType()
    {
        Name = "Initiative";
        Description = "Work that should move key results: a project, a sprint, a deliverable. Its status is the current one.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<EnumerationGraphType<InitiativeStatus>>>("status").Resolve(c => c.Source.Status);
        Field<PersonGraphType>("owner").Resolve(c => c.Source.OwnerId is { } id ? c.Person(id) : null);
        Field<OrgUnitGraphType>("unit").Resolve(c => c.Source.UnitId is { } id ? c.Unit(id) : null);
        Field<DateOnlyGraphType>("startDate").Resolve(c => c.Source.StartDate);
        Field<DateOnlyGraphType>("dueDate").Resolve(c => c.Source.DueDate);
        Field<ExternalReferenceGraphType>("externalReference").Resolve(c => c.Source.ExternalSystem is null ? null : c.Source);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KeyResultGraphType>>>>("keyResults")
            .Description("The key results it is linked to that the caller can see.")
            .WithComplexityImpact(1, ListSizes.KeyResults)
            .Resolve(c => c.KeyResults(c.Source.KeyResultIds, asOf: null));
    }
}
