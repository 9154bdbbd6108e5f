using Microsoft.EntityFrameworkCore;
using Okr.Application.Common.Exceptions;
using Okr.Application.IntegrationTests.Organizations;
using Okr.Application.Invitations;
using Okr.Application.Invitations.Commands.AcceptInvitation;
using Okr.Application.Invitations.Commands.CreateInvitation;
using Okr.Application.Invitations.Commands.RevokeInvitation;
using Okr.Application.Invitations.Dtos;
using Okr.Application.Invitations.Queries.GetInvitation;
using Okr.Domain.Common;
using Okr.Domain.Organizations;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Application.IntegrationTests.Invitations;

public sealed class InvitationTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_invitee_accepts_with_their_email_and_joins_with_the_invitations_role(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var (admin, organization) = await test.FoundAsync();

        var invitation = await test.SendAsync(new CreateInvitation { Email = " Ada@Example.com ", Role = OrganizationRole.Admin });
        var stored = await test.WithDbAsync(db => db.Invitations.IgnoreQueryFilters().SingleAsync());
        stored.TokenHash.Should().Be(InvitationTokens.Hash(invitation.Token)).And.NotContain(invitation.Token, "only the hash is stored");
        invitation.Email.Should().Be("ada@example.com");
        invitation.AcceptUrl.Should().Be($"/accept-invitation?token={invitation.Token}");
        invitation.Token.Length.Should().BeGreaterThanOrEqualTo(43, "256 random bits");

        var userId = await test.SignUpAsync("ADA@example.COM");
        var person = await test.SendAsync(new AcceptInvitation { Token = invitation.Token });

        person.Role.Should().Be(OrganizationRole.Admin);
        person.DisplayName.Should().Be("ada");
        person.Email.Should().Be("ada@example.com");
        var joined = await test.WithDbAsync(db => db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == person.Id));
        (joined.OrganizationId, joined.UserId).Should().Be((organization.OrganizationId, userId));
        test.ActAs(admin);
        var accepted = await test.SendAsync(new GetInvitation(invitation.Id));
        accepted.Status.Should().Be(InvitationStatus.Accepted);
        accepted.AcceptedByPersonId.Should().Be(person.Id);
        var audit = await test.WithDbAsync(db => db.AuditEvents.IgnoreQueryFilters().Where(a => a.Action == nameof(AcceptInvitation)).ToListAsync());
        audit.Select(a => a.EntityType).Should().BeEquivalentTo(["Person", "Invitation"]);
        audit.Should().OnlyContain(a => a.OrganizationId == organization.OrganizationId);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Someone_signed_in_with_another_email_cannot_accept(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        await test.FoundAsync();
        var invitation = await test.SendAsync(new CreateInvitation { Email = "ada@example.com" });
        await test.SignUpAsync("mallory@example.com");

        var accept = () => test.SendAsync(new AcceptInvitation { Token = invitation.Token, DisplayName = "Ada" });

        await accept.Should().ThrowAsync<ForbiddenException>();
        (await test.WithDbAsync(db => db.People.IgnoreQueryFilters().CountAsync())).Should().Be(1);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_expired_a_revoked_and_a_used_invitation_are_refused_with_their_codes(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var (admin, _) = await test.FoundAsync();
        var expiring = await test.SendAsync(new CreateInvitation { Email = "late@example.com" });
        var revoked = await test.SendAsync(new CreateInvitation { Email = "revoked@example.com" });
        await test.SendAsync(new RevokeInvitation(revoked.Id, revoked.Version));
        var used = await test.SendAsync(new CreateInvitation { Email = "used@example.com" });
        await test.SignUpAsync("used@example.com");
        await test.SendAsync(new AcceptInvitation { Token = used.Token });

        await test.SignUpAsync("someone-else@example.com");
        var again = () => test.SendAsync(new AcceptInvitation { Token = used.Token });
        (await again.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("invitation.already_accepted");

        await test.SignUpAsync("revoked@example.com");
        var afterRevocation = () => test.SendAsync(new AcceptInvitation { Token = revoked.Token });
        (await afterRevocation.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("invitation.revoked");

        test.Clock.Advance(Invitation.Lifetime);
        await test.SignUpAsync("late@example.com");
        var tooLate = () => test.SendAsync(new AcceptInvitation { Token = expiring.Token });
        (await tooLate.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("invitation.expired");
        test.ActAs(admin);
        (await test.SendAsync(new GetInvitation(expiring.Id))).Status.Should().Be(InvitationStatus.Expired);
        (await test.WithDbAsync(db => db.People.IgnoreQueryFilters().CountAsync())).Should().Be(2);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Someone_who_belongs_to_an_organisation_cannot_accept_and_an_unknown_token_is_not_found(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        await test.FoundAsync();
        var invitation = await test.SendAsync(new CreateInvitation { Email = "rival@example.com" });
        await test.FoundAsync("rival@example.com");

        var member = () => test.SendAsync(new AcceptInvitation { Token = invitation.Token });
        (await member.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("organization.already_member");

        await test.SignUpAsync("newcomer@example.com");
        var unknown = () => test.SendAsync(new AcceptInvitation { Token = "not-a-token" });
        await unknown.Should().ThrowAsync<NotFoundException>();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_member_or_a_pending_invitee_is_not_invited_twice(DatabaseProvider provider)
    {
        await using var test = await fixture.StartAsync(provider);
        var (admin, _) = await test.FoundAsync();
        var pending = await test.SendAsync(new CreateInvitation { Email = "ada@example.com" });

        var member = () => test.SendAsync(new CreateInvitation { Email = "FOUNDER@example.com" });
        var twice = () => test.SendAsync(new CreateInvitation { Email = "ada@example.com" });

        (await member.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("invitation.already_member");
        (await twice.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("invitation.pending");
        await test.SendAsync(new RevokeInvitation(pending.Id));
        (await test.SendAsync(new CreateInvitation { Email = "ada@example.com" })).Token.Should().NotBe(pending.Token);

        var colleague = await test.JoinAsync(admin, "colleague@example.com");
        test.ActAs(colleague);
        var notAdmin = () => test.SendAsync(new CreateInvitation { Email = "grace@example.com" });
        await notAdmin.Should().ThrowAsync<ForbiddenException>();
    }
}
