using System.Net;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>What the SPA's reminder forms read: the organisation's reminder settings and the caller's own preferences.</summary>
[Collection(ApiTests.Name)]
public sealed class ReminderSettingsReadTests(ApiFixture fixture)
{
    private const string Query = """
        { organization { version reminders { enabled dayOfWeek hour secondNudge escalateAfterMissedCycles timeZone } }
          me { reminderPreferences { version timeZone remindersPausedUntil } } }
        """;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Reminder_settings_and_the_callers_own_preferences_read_back_what_was_saved(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "reminder-reads");
        using var admin = await demo.SignInAsync(host);
        using var member = await demo.SignInAsync(host, "member");

        var before = (await member.GraphQLAsync(Query)).ShouldSucceed();
        var reminders = before.GetProperty("organization").GetProperty("reminders");
        reminders.GetProperty("dayOfWeek").GetString().Should().Be("MONDAY");
        var preferences = before.GetProperty("me").GetProperty("reminderPreferences");
        preferences.GetProperty("timeZone").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "a person follows the organisation's zone until they choose one");

        var organizationVersion = before.GetProperty("organization").GetProperty("version").GetInt64();
        (await admin.SendJsonAsync(HttpMethod.Put, $"/api/organizations/{demo.OrganizationId}/reminder-settings", new
        {
            enabled = true, dayOfWeek = "THURSDAY", hour = 16, secondNudge = false, escalateAfterMissedCycles = 3, timeZone = "Europe/Paris",
        }, $"\"{organizationVersion}\"")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await member.SendJsonAsync(HttpMethod.Put, "/api/people/me/reminder-preferences", new { timeZone = "Asia/Tokyo", remindersPausedUntil = "2026-12-24" },
            $"\"{preferences.GetProperty("version").GetInt64()}\"")).StatusCode.Should().Be(HttpStatusCode.OK);

        var after = (await member.GraphQLAsync(Query)).ShouldSucceed();
        reminders = after.GetProperty("organization").GetProperty("reminders");
        reminders.GetProperty("enabled").GetBoolean().Should().BeTrue();
        reminders.GetProperty("dayOfWeek").GetString().Should().Be("THURSDAY");
        reminders.GetProperty("hour").GetInt32().Should().Be(16);
        reminders.GetProperty("secondNudge").GetBoolean().Should().BeFalse();
        reminders.GetProperty("escalateAfterMissedCycles").GetInt32().Should().Be(3);
        reminders.GetProperty("timeZone").GetString().Should().Be("Europe/Paris");
        preferences = after.GetProperty("me").GetProperty("reminderPreferences");
        preferences.GetProperty("timeZone").GetString().Should().Be("Asia/Tokyo");
        preferences.GetProperty("remindersPausedUntil").GetString().Should().Be("2026-12-24");

        // Each person reads their own preferences only: the admin still follows the organisation's zone.
        var adminView = (await admin.GraphQLAsync(Query)).ShouldSucceed().GetProperty("me").GetProperty("reminderPreferences");
        adminView.GetProperty("timeZone").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }
}
