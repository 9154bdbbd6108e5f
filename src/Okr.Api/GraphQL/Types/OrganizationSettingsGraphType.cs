using GraphQL;
using GraphQL.Types;
using Okr.Domain.Organizations;

namespace Okr.Api.GraphQL.Types;

public sealed class OrganizationSettingsGraphType : ObjectGraphType<OrganizationSettings>
{
    public OrganizationSettingsGraphType()
    {
        Name = "OrganizationSettings";
        Description = "The rules of the practice the organisation chose; statuses, grades and staleness are computed with them.";
        Field<NonNullGraphType<IntGraphType>>("fiscalYearStartMonth").Description("1 = January.").Resolve(c => c.Source.FiscalYearStartMonth);
        Field<NonNullGraphType<IntGraphType>>("checkInCadenceDays").Description("How often key results are checked in (7: weekly).").Resolve(c => c.Source.CheckInCadenceDays);
        Field<NonNullGraphType<IntGraphType>>("stalenessGraceDays").Description("Days beyond the cadence before a key result is stale.").Resolve(c => c.Source.StalenessGraceDays);
        Field<NonNullGraphType<FloatGraphType>>("aspirationalSuccessThreshold").Description("Grade at which an aspirational key result succeeds.").Resolve(c => c.Source.AspirationalSuccessThreshold);
        Field<NonNullGraphType<FloatGraphType>>("committedSuccessThreshold").Description("Grade at which a committed key result succeeds.").Resolve(c => c.Source.CommittedSuccessThreshold);
        Field<NonNullGraphType<FloatGraphType>>("financialSuccessThreshold").Description("Grade at which a financial key result succeeds.").Resolve(c => c.Source.FinancialSuccessThreshold);
        Field<NonNullGraphType<FloatGraphType>>("onTrackRatio").Description("On track when progress is at least this share of expected progress.").Resolve(c => c.Source.OnTrackRatio);
        Field<NonNullGraphType<FloatGraphType>>("atRiskRatio").Description("At risk (rather than off track) when progress is at least this share of expected progress.").Resolve(c => c.Source.AtRiskRatio);
        Field<NonNullGraphType<IntGraphType>>("lowConfidence").Description("A latest confidence at or below this lowers on track to at risk.").Resolve(c => c.Source.LowConfidence);
    }
}
