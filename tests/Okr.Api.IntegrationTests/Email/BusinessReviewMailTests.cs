using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.Messaging;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.Email;

/// <summary>
/// A published business review reaches its unit's members and leads once, through the outbox and the real SMTP server,
/// with a link to the review and an unsubscribe link (and RFC 8058's one-click headers) that turns the kind off (ADR 0029).
/// </summary>
public sealed class BusinessReviewMailTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private SmtpServer Smtp => fixture.Smtp;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_review_is_mailed_once_to_the_units_members_with_links_and_one_click_unsubscribe_that_only_a_good_token_uses(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "review-mail");
        using var lead = await demo.SignInAsync(host, "lead");
        var organizationName = $"Acme copy {demo.Prefix.TrimEnd('.')}";
        List<MimeMessage> To(string who) => Smtp.MessagesTo($"{who}@acme.test", Emails.BusinessReviewKind)
            .Where(m => m.Subject?.EndsWith($" in {organizationName}", StringComparison.Ordinal) == true).ToList();
        var unit = demo.Units["Product Management"];
        var before = host.Clock.UtcNow;
        try
        {
            var created = await lead.PostAsJsonAsync("/api/business-reviews", new { unitId = unit, periodId = demo.CurrentPeriodId });
            created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var reviewId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            await host.DispatchOutboxAsync();
            await host.DispatchOutboxAsync();

            // Product Management's lead and member, once each; the members of the units below it are not its subscribers.
            var toLead = To("lead").Should().ContainSingle().Subject;
            var toNina = To("nina").Should().ContainSingle().Subject;
            To("member").Should().BeEmpty();
            To("admin").Should().BeEmpty();
            toLead.Subject.Should().StartWith("Business review: Product Management, ");
            toLead.TextBody.Should().Contain($"http://okr.test/reviews/{reviewId}\n").And.Contain("http://okr.test/unsubscribe?token=");
            toLead.HtmlBody.Should().Contain($"href=\"http://okr.test/reviews/{reviewId}\"");
            toNina.Headers["List-Unsubscribe-Post"].Should().Be("List-Unsubscribe=One-Click");
            var header = toNina.Headers["List-Unsubscribe"]!;
            header.Should().StartWith("<http://okr.test/api/unsubscribe?token=").And.EndWith(">");
            var oneClick = new Uri(header.Trim('<', '>'));
            toLead.Headers["List-Unsubscribe"].Should().NotBe(header, "each link names its own person");

            // Bad tokens: refused, nothing changes.
            using var anonymous = host.CreateClient();
            var token = Uri.UnescapeDataString(oneClick.Query["?token=".Length..]);
            var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
            foreach (var bad in new[] { tampered, "not-a-token", token[..(token.Length / 2)] })
                await (await anonymous.PostAsync($"/api/unsubscribe?token={Uri.EscapeDataString(bad)}", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
            await (await anonymous.PostAsync("/api/unsubscribe", null)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
            (await demo.ReadAsync(host, db => db.EmailOptOuts.CountAsync())).Should().Be(0);

            // A mail client's one-click POST (RFC 8058), twice: one opt-out, for that person and kind.
            for (var i = 0; i < 2; i++)
            {
                var response = await anonymous.PostAsync(oneClick.PathAndQuery,
                    new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]));
                response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("kind").GetString().Should().Be(Emails.BusinessReviewKind);
            }
            var optOuts = await demo.ReadAsync(host, db => db.EmailOptOuts.ToListAsync());
            var nina = await demo.ReadAsync(host, db => db.People.Where(p => p.Email == "nina@acme.test").Select(p => p.Id).SingleAsync());
            optOuts.Should().ContainSingle().Which.Should().Match<Okr.Domain.Messaging.EmailOptOut>(o => o.PersonId == nina && o.Kind == Emails.BusinessReviewKind);

            // The next review goes to the lead only.
            host.Clock.Advance(TimeSpan.FromHours(1));
            (await lead.PostAsJsonAsync("/api/business-reviews", new { unitId = unit, periodId = demo.CurrentPeriodId })).EnsureSuccessStatusCode();
            await host.DispatchOutboxAsync();
            To("lead").Should().HaveCount(2);
            To("nina").Should().ContainSingle("nina unsubscribed from business reviews");
        }
        finally
        {
            host.Clock.UtcNow = before;
        }
    }
}
