using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.Invitations.Commands.CreateInvitation;
using Okr.Application.Messaging;
using Okr.Domain.Messaging;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.Email;

/// <summary>The hosts of the email tests: their mail goes over SMTP to a real server on loopback.</summary>
public sealed class MailFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, OkrApiFactory> _hosts = [];

    public SmtpServer Smtp { get; } = new();

    public Task InitializeAsync() => Smtp.InitializeAsync();

    public async Task<OkrApiFactory> HostAsync(DatabaseProvider provider)
    {
        if (!_hosts.TryGetValue(provider, out var host))
        {
            host = new OkrApiFactory(await TestDatabase.CreateMigratedAsync(provider), settings: Smtp.Settings, cheapPasswordHashes: true);
            _ = host.Server;
            _hosts[provider] = host;
        }
        return host;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Values)
            await host.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>Every kind of mail, received by a real SMTP server, with the links that complete its flow.</summary>
public sealed partial class EmailTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private SmtpServer Smtp => fixture.Smtp;

    private static string NewEmail() => $"mail-{Guid.NewGuid():N}@example.com";

    /// <summary>The link into the SPA that a mail carries, the same in its text and its HTML.</summary>
    private static Uri LinkIn(MimeMessage message)
    {
        var link = SpaLink().Match(message.TextBody ?? string.Empty).Value;
        link.Should().NotBeEmpty("the mail links back into the SPA");
        message.HtmlBody.Should().Contain($"href=\"{WebUtility.HtmlEncode(link)}\"");
        return new Uri(link);
    }

    private static Dictionary<string, string> QueryOf(Uri link) =>
        QueryHelpers.ParseQuery(link.Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    [GeneratedRegex(@"http://okr\.test/\S+")]
    private static partial Regex SpaLink();

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_invitation_mails_the_invitee_once_with_the_organisation_and_a_link_that_accepts_it(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        using var own = await host.NewOrganizationAsync("Initech");
        var email = NewEmail();

        (await own.Admin.PostAsJsonAsync("/api/invitations", new { email })).StatusCode.Should().Be(HttpStatusCode.Created);
        await host.DispatchOutboxAsync();
        await host.DispatchOutboxAsync();

        var mail = Smtp.MessagesTo(email, Emails.InvitationKind).Should().ContainSingle().Subject;
        mail.Subject.Should().EndWith("invited you to Initech on Okr");
        mail.From.Mailboxes.Single().Address.Should().Be("okr@okr.test");
        mail.TextBody.Should().Contain("join Initech on Okr as a member");
        var link = LinkIn(mail);
        link.AbsolutePath.Should().Be("/accept-invitation");

        using var invitee = await host.NewUserAsync(email);
        var accepted = await invitee.PostAsJsonAsync("/api/invitations/accept", new { token = QueryOf(link)["token"] });
        accepted.StatusCode.Should().Be(HttpStatusCode.Created, "the token from the mail accepts the invitation");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Registering_mails_a_confirmation_link_and_forgot_password_mails_a_code_that_resets_the_password(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        using var client = host.CreateClient();
        var email = NewEmail();
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = ApiFixture.DemoPassword })).EnsureSuccessStatusCode();
        await host.DispatchOutboxAsync();

        var confirmation = LinkIn(Smtp.MessagesTo(email, Emails.EmailConfirmationKind).Should().ContainSingle().Subject);
        confirmation.AbsolutePath.Should().Be("/confirm-email");
        var confirm = QueryOf(confirmation);
        (await client.GetAsync(QueryHelpers.AddQueryString("/api/auth/confirmEmail",
            new Dictionary<string, string?> { ["userId"] = confirm["userId"], ["code"] = confirm["code"] }))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await client.PostAsJsonAsync("/api/auth/forgotPassword", new { email })).StatusCode.Should().Be(HttpStatusCode.OK);
        await host.DispatchOutboxAsync();
        var reset = LinkIn(Smtp.MessagesTo(email, Emails.PasswordResetKind).Should().ContainSingle().Subject);
        reset.AbsolutePath.Should().Be("/reset-password");
        var query = QueryOf(reset);
        query["email"].Should().Be(email);
        const string newPassword = "Another-Okr-2027";
        (await client.PostAsJsonAsync("/api/auth/resetPassword", new { email, resetCode = query["code"], newPassword }))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        (await client.PostAsJsonAsync("/api/auth/login", new { email, password = newPassword })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.DemoPassword })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Forgot_password_for_an_unknown_address_answers_the_same_and_mails_nothing()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var client = host.CreateClient();
        var email = NewEmail();

        (await client.PostAsJsonAsync("/api/auth/forgotPassword", new { email })).StatusCode.Should().Be(HttpStatusCode.OK);
        await host.DispatchOutboxAsync();

        Smtp.MessagesTo(email).Should().BeEmpty();
    }

    [Fact]
    public async Task Resending_an_invitation_mails_a_new_link_and_the_old_one_stops_working()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();
        var email = NewEmail();
        var invitation = await (await own.Admin.PostAsJsonAsync("/api/invitations", new { email })).ReadAsync<InvitationCreated>();

        await (await own.Admin.PostAsync($"/api/invitations/{invitation.Id}/resend", null))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "invitation.resent_recently");
        using (var member = await host.SignedInAsync("member@acme.test"))
            await (await member.PostAsync($"/api/invitations/{invitation.Id}/resend", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        host.Clock.Advance(Domain.Organizations.Invitation.ResendInterval);
        var resent = await own.Admin.PostAsync($"/api/invitations/{invitation.Id}/resend", null);
        resent.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.DispatchOutboxAsync();

        var mails = Smtp.MessagesTo(email, Emails.InvitationKind);
        mails.Should().HaveCount(2);
        var tokens = mails.Select(m => QueryOf(LinkIn(m))["token"]).ToList();
        tokens.Should().Contain([invitation.Token, (await resent.ReadAsync<InvitationCreated>()).Token]);
        using var invitee = await host.NewUserAsync(email);
        await (await invitee.PostAsJsonAsync("/api/invitations/accept", new { token = invitation.Token })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        (await invitee.PostAsJsonAsync("/api/invitations/accept", new { token = tokens.Single(t => t != invitation.Token) }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_mail_server_that_refuses_is_tried_again_later_and_the_mail_is_sent_once()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var email = NewEmail();
        await using (var refusing = new RefusingSmtpServer())
        await using (var host = new OkrApiFactory(database, settings: new Dictionary<string, string?>(Smtp.Settings)
                     {
                         ["Email:Port"] = refusing.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     }, ownsDatabase: false))
        {
            using var own = await host.NewOrganizationAsync();
            (await own.Admin.PostAsJsonAsync("/api/invitations", new { email })).EnsureSuccessStatusCode();

            (await host.DispatchOutboxAsync()).Should().Be(0);

            refusing.Connections.Should().Be(2, "one attempt for the admin's confirmation mail, one for the invitation");
            var failed = await host.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Recipient == email));
            failed.Should().BeEquivalentTo(new { State = OutboxState.Pending, Attempts = 1, NextAttemptAt = host.Clock.UtcNow.AddMinutes(1) });
            failed.LastError.Should().Be("SMTP 421 okr.test Service not available, closing transmission channel");
        }

        // The server is back (another replica, after a restart): the message is due a minute later and goes once.
        await using var recovered = new OkrApiFactory(database, settings: Smtp.Settings);
        (await recovered.DispatchOutboxAsync()).Should().Be(0, "the next attempt is not due yet");
        recovered.Clock.Advance(TimeSpan.FromMinutes(1));
        (await recovered.DispatchOutboxAsync()).Should().Be(2);
        (await recovered.DispatchOutboxAsync()).Should().Be(0);

        Smtp.MessagesTo(email, Emails.InvitationKind).Should().ContainSingle();
        (await recovered.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Recipient == email)))
            .Should().BeEquivalentTo(new { State = OutboxState.Sent, Attempts = 2, SentAt = (DateTimeOffset?)recovered.Clock.UtcNow });
    }
}
