using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.Messaging;
using Okr.Domain.Objectives;
using Okr.Domain.Periods;
using Okr.Domain.Reminders;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Infrastructure.Reminders;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.Email;

/// <summary>
/// Check-in reminders end to end (ADR 0025): the product clock moves, the reminder job's pass runs, and the real SMTP
/// server receives one message per DRI and cycle, in each person's zone, with links to My week and the preferences.
/// </summary>
public sealed class ReminderTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private SmtpServer Smtp => fixture.Smtp;

    private static Task<int> RunRemindersAsync(OkrApiFactory host) =>
        host.Services.GetRequiredService<CheckInReminderRun>().RunAsync(CancellationToken.None);

    /// <summary>The titles of the key results due for a person at a cycle start, read from the database.</summary>
    private static Task<List<string>> DueTitlesAsync(OkrApiFactory host, PrivateDemo demo, string who, DateTimeOffset cycleStart) =>
        demo.ReadAsync(host, async db =>
        {
            var person = await db.People.SingleAsync(p => p.Email == Email(demo, who));
            var led = await db.UnitMemberships.Where(m => m.PersonId == person.Id && m.Role == Okr.Domain.Units.UnitRole.Lead).Select(m => m.UnitId).ToListAsync();
            var countFrom = cycleStart.AddDays(-7);
            var rows = await (from k in db.KeyResults
                              join o in db.Objectives on k.ObjectiveId equals o.Id
                              join p in db.Periods on o.PeriodId equals p.Id
                              where o.State == ObjectiveState.Active && p.State == PeriodState.Active
                                    && (k.OwnerId == person.Id || (k.OwnerId == null && led.Contains(k.OwningUnitId)))
                              select new { k.Title, k.LastCheckInAt }).ToListAsync();
            return rows.Where(r => r.LastCheckInAt is null || r.LastCheckInAt < countFrom).Select(r => r.Title).ToList();
        });

    /// <summary>A demo person's address (their sign-in carries the copy's prefix; the person, and so the mail, does not).</summary>
    private static string Email(PrivateDemo demo, string who) => $"{who}@acme.test";

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Each_DRI_gets_one_reminder_per_cycle_in_their_own_zone_then_a_nudge_and_their_leads_hear_of_late_key_results(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "reminders");
        using var admin = await demo.SignInAsync(host);
        using var member = await demo.SignInAsync(host, "member");
        using var lead = await demo.SignInAsync(host, "lead");
        var organization = await admin.GetAsync($"/api/organizations/{demo.OrganizationId}");
        var settings = await admin.SendAsync(HttpMethod.Put, $"/api/organizations/{demo.OrganizationId}/reminder-settings", new
        {
            enabled = true, dayOfWeek = "MONDAY", hour = 9, secondNudge = true, escalateAfterMissedCycles = 2, timeZone = "Europe/Paris",
        }, organization.ETagVersion());
        settings.StatusCode.Should().Be(HttpStatusCode.OK, await settings.Content.ReadAsStringAsync());
        // The member works from Tokyo: Monday 09:00 there is Sunday 24:00 UTC, eight hours before Paris.
        var me = await member.GetAsync($"/api/people/{await demo.ReadAsync(host, db => db.People.Where(p => p.Email == Email(demo, "member")).Select(p => p.Id).SingleAsync())}");
        (await member.SendAsync(HttpMethod.Put, "/api/people/me/reminder-preferences", new { timeZone = "Asia/Tokyo" }, me.ETagVersion()))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        // The admin is on holiday until Monday (their local date).
        var adminMe = await admin.GetAsync($"/api/people/{await demo.ReadAsync(host, db => db.People.Where(p => p.Email == Email(demo, "admin")).Select(p => p.Id).SingleAsync())}");
        (await admin.SendAsync(HttpMethod.Put, "/api/people/me/reminder-preferences", new { remindersPausedUntil = "2026-12-07" }, adminMe.ETagVersion()))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        // Every provider's copy of the demo mails the same addresses through one SMTP server: a message is this copy's by its organisation.
        var organizationName = $"Acme copy {demo.Prefix.TrimEnd('.')}";
        List<MimeMessage> To(string who, string? kind = null) =>
            Smtp.MessagesTo(Email(demo, who), kind).Where(m => m.Subject?.EndsWith($" in {organizationName}", StringComparison.Ordinal) == true).ToList();
        var before = host.Clock.UtcNow;
        try
        {
            var tokyoCycle = DateTimeOffset.Parse("2026-12-07T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
            var parisCycle = DateTimeOffset.Parse("2026-12-07T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
            var memberDue = await DueTitlesAsync(host, demo, "member", tokyoCycle);
            var leadDue = await DueTitlesAsync(host, demo, "lead", parisCycle);
            memberDue.Should().NotBeEmpty("two weeks after the demo was seeded, the member has key results without a check-in since the previous cycle");
            leadDue.Should().NotBeEmpty("and so has the lead");

            // Sunday 23:55 UTC: nobody's Monday 09:00 yet.
            host.Clock.UtcNow = tokyoCycle.AddMinutes(-5);
            (await RunRemindersAsync(host)).Should().Be(0);

            // Monday 00:10 UTC: 09:10 in Tokyo, 01:10 in Paris. Two replicas' passes (or a retry) write the member's reminder
            // (and the escalations of their late key results) once.
            host.Clock.UtcNow = tokyoCycle.AddMinutes(10);
            (await RunRemindersAsync(host)).Should().BePositive();
            (await RunRemindersAsync(host)).Should().Be(0);
            await host.DispatchOutboxAsync();
            var reminder = To("member", Emails.CheckInReminderKind).Should().ContainSingle().Subject;
            reminder.Subject.Should().Be($"Time to check in: {(memberDue.Count == 1 ? "1 key result" : $"{memberDue.Count} key results")} in {organizationName}");
            foreach (var title in memberDue)
                reminder.TextBody.Should().Contain(title);
            reminder.TextBody.Should().Contain("http://okr.test/my-week\n").And.Contain("http://okr.test/settings#reminder-preferences");
            reminder.HtmlBody.Should().Contain("href=\"http://okr.test/my-week\"").And.Contain("href=\"http://okr.test/settings#reminder-preferences\"");
            To("lead", Emails.CheckInReminderKind).Should().BeEmpty("it is 01:10 in Paris");

            // Monday 08:05 UTC: 09:05 in Paris. The lead is reminded; the admin is on holiday; the member already was.
            host.Clock.UtcNow = parisCycle.AddMinutes(5);
            await RunRemindersAsync(host);
            await host.DispatchOutboxAsync();
            var leadReminder = To("lead", Emails.CheckInReminderKind).Should().ContainSingle().Subject;
            foreach (var title in leadDue)
                leadReminder.TextBody.Should().Contain(title);
            To("admin", Emails.CheckInReminderKind).Should().BeEmpty("the admin is on holiday until Monday");
            To("member", Emails.CheckInReminderKind).Should().ContainSingle();

            // Key results late for two cycles or more reach the lead of their unit (not the DRI themself), once.
            var escalations = await demo.ReadAsync(host, db => db.ReminderDeliveries.Where(d => d.Kind == ReminderKind.Escalation).ToListAsync());
            escalations.Should().OnlyContain(d => d.RecipientId != d.SubjectPersonId);
            escalations.Should().NotBeEmpty("the demo's key results were last checked in two weeks before this cycle");
            foreach (var toLead in escalations.GroupBy(d => d.RecipientId))
            {
                var to = await demo.ReadAsync(host, db => db.People.Where(p => p.Id == toLead.Key).Select(p => p.Email).SingleAsync());
                Smtp.MessagesTo(to, Emails.CheckInEscalationKind).Where(m => m.Subject?.EndsWith($" in {organizationName}", StringComparison.Ordinal) == true)
                    .Should().HaveCount(toLead.Count(), "one escalation per lead, DRI and cycle");
            }

            // The member checks in on one key result; a day later the nudge lists only what is still due.
            var checkedIn = demo.KeyResult(memberDue[0]);
            host.Clock.UtcNow = tokyoCycle.AddHours(2);
            var checkIn = await member.PostAsJsonAsync($"/api/key-results/{checkedIn}/check-ins", new { value = 1, confidence = 7, narrative = "Checked in after the reminder." }); // a narrative whichever way the value moves
            checkIn.IsSuccessStatusCode.Should().BeTrue(await checkIn.Content.ReadAsStringAsync());
            host.Clock.UtcNow = tokyoCycle.AddDays(1).AddMinutes(10);
            await RunRemindersAsync(host);
            (await RunRemindersAsync(host)).Should().Be(0);
            await host.DispatchOutboxAsync();
            var stillDue = memberDue.Skip(1).ToList();
            var nudges = To("member", Emails.CheckInNudgeKind);
            if (stillDue.Count == 0)
                nudges.Should().BeEmpty("nothing is due any more");
            else
            {
                var nudge = nudges.Should().ContainSingle().Subject;
                nudge.Subject.Should().StartWith("Still to check in");
                foreach (var title in stillDue)
                    nudge.TextBody.Should().Contain(title);
            }

            // The next week: a new cycle, a new reminder.
            host.Clock.UtcNow = tokyoCycle.AddDays(7).AddMinutes(10);
            await RunRemindersAsync(host);
            await host.DispatchOutboxAsync();
            To("member", Emails.CheckInReminderKind).Should().HaveCount(2);
        }
        finally
        {
            host.Clock.UtcNow = before;
        }
    }
}
