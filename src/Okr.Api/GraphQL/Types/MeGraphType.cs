using GraphQL;
using GraphQL.Types;
using Okr.Api.GraphQL.Execution;
using Okr.Api.GraphQL.Loading;
using Okr.Application.Notifications.Queries.GetMyNotificationPreferences;
using Okr.Application.OkrGraph.Queries.Directory;
using Okr.Application.OkrGraph.Views;
using Okr.Domain.Organizations;

namespace Okr.Api.GraphQL.Types;

public sealed class MeGraphType : ObjectGraphType<MeView>
{
    public MeGraphType()
    {
        Name = "Me";
        Description = "Who is calling. A signed-in user who has not joined an organisation yet has no person, organisation or role.";
        Field<NonNullGraphType<IdGraphType>>("userId").Description("The sign-in identity.").Resolve(c => c.Source.UserId);
        Field<StringGraphType>("email").Resolve(c => c.Source.Email);
        Field<EnumerationGraphType<OrganizationRole>>("role").Resolve(c => c.Source.Role);
        Field<PersonGraphType>("person").Description("The caller as a person of their organisation.")
            .Resolve(c => c.Source.PersonId is { } id ? c.Person(id) : null);
        Field<ReminderPreferencesGraphType>("reminderPreferences").Description("The caller's own check-in reminder preferences; null without an organisation.")
            .ResolveAsync(async c => c.Source.PersonId is null ? null : await c.SendAsync(new GetMyReminderPreferences()));
        Field<ListGraphType<NonNullGraphType<NotificationPreferenceGraphType>>>("notificationPreferences")
            .Description("Where each kind of notification reaches the caller (their choices, else the defaults); null without an organisation.")
            .ResolveAsync(async c => c.Source.PersonId is null ? null : await c.SendAsync(new GetMyNotificationPreferences()));
        Field<OrganizationGraphType>("organization")
            .ResolveAsync(async c => c.Source.OrganizationId is null ? null : await c.SendAsync(new GetOrganization()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnitMemberGraphType>>>>("memberships")
            .Description("The units the caller belongs to, with their role.")
            .WithComplexityImpact(1, ListSizes.Units)
            .Resolve(c => c.Source.PersonId is { } id
                ? c.Units().Then(units => units.All.SelectMany(u => u.Members).Where(m => m.PersonId == id).ToList())
                : DataLoaderResults.FromValue(new List<UnitMemberView>()));
    }
}
