using GraphQL;
using GraphQL.Types;
using Okr.Application.OkrGraph.Views;

namespace Okr.Api.GraphQL.Types;

public sealed class ReminderPreferencesGraphType : ObjectGraphType<ReminderPreferencesView>
{
    public ReminderPreferencesGraphType()
    {
        Name = "ReminderPreferences";
        Description = "The caller's own reminder preferences; change them with REST PUT /api/people/me/reminder-preferences.";
        Field<NonNullGraphType<LongGraphType>>("version").Description("The caller's person's REST ETag: send it in If-Match.").Resolve(c => c.Source.Version);
        Field<StringGraphType>("timeZone").Description("The caller's time zone (IANA id); null: the organisation's.").Resolve(c => c.Source.TimeZone);
        Field<DateOnlyGraphType>("remindersPausedUntil").Description("No check-in reminders until this date, inclusive (on holiday); null: not paused.")
            .Resolve(c => c.Source.RemindersPausedUntil);
    }
}
