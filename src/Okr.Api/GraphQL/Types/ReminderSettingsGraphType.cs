using GraphQL;
using GraphQL.Types;
using Okr.Domain.Organizations;

namespace Okr.Api.GraphQL.Types;

public sealed class ReminderSettingsGraphType : ObjectGraphType<ReminderSettings>
{
    public ReminderSettingsGraphType()
    {
        Name = "ReminderSettings";
        Description = "The organisation's weekly check-in reminders to DRIs (ADR 0025); change them with REST PUT /api/organizations/{id}/reminder-settings.";
        Field<NonNullGraphType<BooleanGraphType>>("enabled").Description("Whether reminders go.").Resolve(c => c.Source.Enabled);
        Field<NonNullGraphType<EnumerationGraphType<DayOfWeek>>>("dayOfWeek").Description("The day they go, in each person's time zone.").Resolve(c => c.Source.DayOfWeek);
        Field<NonNullGraphType<IntGraphType>>("hour").Description("The local hour they go, 0 to 23.").Resolve(c => c.Source.Hour);
        Field<NonNullGraphType<BooleanGraphType>>("secondNudge").Description("A second nudge a day later to DRIs still due.").Resolve(c => c.Source.SecondNudge);
        Field<NonNullGraphType<IntGraphType>>("escalateAfterMissedCycles").Description("Missed cycles before the unit's lead is told (0: never).").Resolve(c => c.Source.EscalateAfterMissedCycles);
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("The organisation's time zone (IANA id), for people who have not chosen one.").Resolve(c => c.Source.TimeZone);
    }
}
