using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Loading;
using Okr.Application.OkrGraph.Views;

namespace Okr.Api.GraphQL.Types;

public sealed class OrganizationGraphType : ObjectGraphType<OrganizationView>
{
    public OrganizationGraphType()
    {
        Name = "Organization";
        Description = "The caller's organisation (the tenant): nothing of another organisation is ever visible.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<LongGraphType>>("version").Description("The REST ETag: send it in If-Match to change the name or settings.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<OrganizationSettingsGraphType>>("settings").Resolve(c => c.Source.Settings);
        Field<NonNullGraphType<ReminderSettingsGraphType>>("reminders").Description("The weekly check-in reminders to DRIs.").Resolve(c => c.Source.Reminders);
        Field<OrgUnitGraphType>("company").Description("The root of the unit tree.").Resolve(c => c.Units().Then(u => u.Company));
    }
}
