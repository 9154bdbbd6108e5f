using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.KeyResults;

namespace Okr.Api.GraphQL.Types;

public sealed class CheckInGraphType : ObjectGraphType<CheckInView>
{
    public CheckInGraphType()
    {
        Name = "CheckIn";
        Description = "A dated update of a key result. Immutable: a correction is a new check-in.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<DecimalGraphType>>("value").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<FloatGraphType>>("progress").Description("The key result's progress at this value.").Resolve(c => c.Source.Progress);
        Field<NonNullGraphType<IntGraphType>>("confidence").Description("0 to 10.").Resolve(c => c.Source.Confidence);
        Field<EnumerationGraphType<ReportedStatus>>("reportedStatus").Description("What the owner said, next to the computed status.").Resolve(c => c.Source.ReportedStatus);
        Field<StringGraphType>("narrative").Resolve(c => c.Source.Narrative);
        Field<StringGraphType>("blockers").Resolve(c => c.Source.Blockers);
        Field<StringGraphType>("nextSteps").Resolve(c => c.Source.NextSteps);
        Field<PersonGraphType>("author").Resolve(c => c.Person(c.Source.AuthorId));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("recordedAt").Resolve(c => c.Source.RecordedAt);
        Field<NonNullGraphType<DateOnlyGraphType>>("effectiveDate").Description("The day the value was true.").Resolve(c => c.Source.EffectiveDate);
    }
}
