using Microsoft.EntityFrameworkCore;
using Okr.Application.IntegrationTests.Organizations;
using Okr.Application.Invitations.Commands.CreateInvitation;
using Okr.Application.Invitations.Commands.ResendInvitation;
using Okr.Application.Messaging;
using Okr.Domain.Common;
using Okr.Domain.Messaging;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Application.IntegrationTests.Invitations;

/// <summary>Invitations are mailed through the outbox, in the transaction that creates them.</summary>
public sealed class InvitationMailTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Creating_an_invitation_writes_one_mail_naming_the_organisation_and_the_inviter_with_the_accept_link(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var (_, organization) = await test.FoundAsync();

        var invitation = await test.SendAsync(new CreateInvitation { Email = "ada@example.com" });

        var mail = await test.WithDbAsync(db => db.OutboxMessages.SingleAsync());
        mail.Should().BeEquivalentTo(new
        {
            Kind = Emails.InvitationKind, Recipient = "ada@example.com", OrganizationId = (Guid?)organization.OrganizationId,
            State = OutboxState.Pending, NextAttemptAt = test.Clock.UtcNow,
        });
        mail.Subject.Should().Be("Founder invited you to Globex on Okr");
        mail.TextBody.Should().Contain("Founder invited you to join Globex on Okr as a member.").And.Contain($"http://localhost:5080/accept-invitation?token={invitation.Token}");
        mail.HtmlBody.Should().Contain($"href=\"http://localhost:5080/accept-invitation?token={invitation.Token}\"");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_invitation_rolled_back_leaves_no_mail(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        await test.FoundAsync();

        await test.SendAndRollBackAsync(new CreateInvitation { Email = "ada@example.com" });

        (await test.WithDbAsync(db => db.Invitations.IgnoreQueryFilters().CountAsync())).Should().Be(0);
        (await test.WithDbAsync(db => db.OutboxMessages.CountAsync())).Should().Be(0, "the mail is written in the same transaction as the invitation");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Resending_mails_a_new_link_at_most_every_five_minutes(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        await test.FoundAsync();
        var first = await test.SendAsync(new CreateInvitation { Email = "ada@example.com" });

        var tooSoon = () => test.SendAsync(new ResendInvitation(first.Id));
        (await tooSoon.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("invitation.resent_recently");
        test.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await test.SendAsync(new ResendInvitation(first.Id));

        second.Token.Should().NotBe(first.Token);
        second.ExpiresAt.Should().Be(test.Clock.UtcNow.AddDays(14));
        var mails = await test.WithDbAsync(db => db.OutboxMessages.OrderBy(m => m.CreatedAt).ToListAsync());
        mails.Should().HaveCount(2);
        mails[1].TextBody.Should().Contain(second.Token).And.NotContain(first.Token);
    }
}
