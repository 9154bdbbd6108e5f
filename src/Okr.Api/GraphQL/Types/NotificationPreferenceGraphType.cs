using GraphQL;
using GraphQL.Types;
using Okr.Application.Notifications.Queries.GetMyNotificationPreferences;

namespace Okr.Api.GraphQL.Types;

public sealed class NotificationPreferenceGraphType : ObjectGraphType<NotificationPreferenceView>
{
    public NotificationPreferenceGraphType()
    {
        Name = "NotificationPreference";
        Description = "Where one kind of notification reaches the caller; change it with REST PUT /api/people/me/notification-preferences.";
        Field<NonNullGraphType<NotificationKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<BooleanGraphType>>("inApp").Description("In the app's inbox.").Resolve(c => c.Source.InApp);
        Field<NonNullGraphType<BooleanGraphType>>("email").Description("By email.").Resolve(c => c.Source.Email);
        Field<NonNullGraphType<BooleanGraphType>>("isDefault").Description("Nothing chosen yet: the product's default.").Resolve(c => c.Source.IsDefault);
    }
}
