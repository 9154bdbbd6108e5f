using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.Objectives.Dtos;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.Email;

/// <summary>
/// Notifications by email (ADR 0028), received by the real SMTP server: one message per notification whose recipient
/// wants it by email, never twice, with a link back to what it is about and to the preferences; none once turned off.
/// </summary>
public sealed class NotificationEmailTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private SmtpServer Smtp => fixture.Smtp;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_mention_is_mailed_once_with_links_back_and_not_once_the_person_turned_mention_emails_off(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "notify-mail");
        using var lead = await demo.SignInAsync(host, "lead");
        using var member = await demo.SignInAsync(host, "member");
        using var nina = await demo.SignInAsync(host, "nina");
        var organizationName = $"Acme copy {demo.Prefix.TrimEnd('.')}";
        // Every provider's copy of the demo mails the same addresses through one SMTP server: a message is this copy's by its signature.
        List<MimeMessage> To(string who, string kind) =>
            Smtp.MessagesTo($"{who}@acme.test", kind).Where(m => m.TextBody?.Contains(organizationName, StringComparison.Ordinal) == true).ToList();

        var objective = await (await lead.PostAsJsonAsync("/api/objectives", new
        {
            periodId = demo.CurrentPeriodId, owningUnitId = demo.Units["Product Management"], title = "Make onboarding effortless",
        })).ReadAsync<ObjectiveDto>();
        (await member.PostAsJsonAsync("/api/comments", new { objectiveId = objective.Id, text = "@Nina Kowalski could you add the baseline?" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        await host.DispatchOutboxAsync();
        await host.DispatchOutboxAsync();

        var mail = To("nina", "notification-mention").Should().ContainSingle("one message per notification, sent once").Subject;
        mail.Subject.Should().Be("Morgan Member mentioned you on Make onboarding effortless: “@Nina Kowalski could you add the baseline?”");
        mail.TextBody.Should().Contain($"http://okr.test/objectives/{objective.Id}#comments")
            .And.Contain("http://okr.test/settings#notification-preferences");
        mail.HtmlBody.Should().Contain($"href=\"http://okr.test/objectives/{objective.Id}#comments\"");
        To("lead", "notification-comment").Should().BeEmpty("a comment is in the app only by default");
        To("member", "notification-mention").Should().BeEmpty("the author is never told");

        // Nina keeps mentions in the app but not by email.
        var changed = await nina.SendJsonAsync(HttpMethod.Put, "/api/people/me/notification-preferences",
            new { preferences = new[] { new { kind = "MENTION", inApp = true, email = false } } });
        changed.StatusCode.Should().Be(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        (await member.PostAsJsonAsync("/api/comments", new { objectiveId = objective.Id, text = "@Nina Kowalski ping" })).StatusCode.Should().Be(HttpStatusCode.Created);
        await host.DispatchOutboxAsync();
        To("nina", "notification-mention").Should().ContainSingle("her second mention is in the app only");
        var mentions = await demo.ReadAsync(host, db => db.Notifications.CountAsync(n => n.Kind == Okr.Domain.Notifications.NotificationKind.Mention));
        mentions.Should().Be(2);
    }
}
