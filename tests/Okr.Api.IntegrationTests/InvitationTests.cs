using System.Net;
using System.Net.Http.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.Invitations.Commands.CreateInvitation;
using Okr.Application.Invitations.Dtos;
using Okr.Application.People.Dtos;
using Okr.Domain.Organizations;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests;

/// <summary>/api/invitations: invite by email, accept with the one-time token, revoke.</summary>
[Collection(ApiTests.Name)]
public sealed class InvitationTests(ApiFixture fixture)
{
    private static string NewEmail() => $"invitee-{Guid.NewGuid():N}@example.com";

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_admin_invites_and_the_invitee_registers_and_accepts_once(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        using var own = await host.NewOrganizationAsync();
        var email = NewEmail();

        var created = await own.Admin.PostAsJsonAsync("/api/invitations", new { email = email.ToUpperInvariant(), role = "Admin" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var invitation = await created.ReadAsync<InvitationCreated>();
        created.Headers.Location!.ToString().Should().Be($"/api/invitations/{invitation.Id}");
        created.ETagVersion().Should().Be(1);
        invitation.AcceptUrl.Should().Be($"/accept-invitation?token={invitation.Token}");
        var pending = await (await own.Admin.GetAsync($"/api/invitations/{invitation.Id}")).ReadAsync<InvitationDto>();
        pending.Should().BeEquivalentTo(new { Email = email, Role = OrganizationRole.Admin, Status = InvitationStatus.Pending });

        using var invitee = await host.NewUserAsync(email);
        var accepted = await invitee.PostAsJsonAsync("/api/invitations/accept", new { token = invitation.Token, displayName = "Ada Lovelace" });

        accepted.StatusCode.Should().Be(HttpStatusCode.Created);
        var person = await accepted.ReadAsync<PersonDto>();
        accepted.Headers.Location!.ToString().Should().Be($"/api/people/{person.Id}");
        person.Should().BeEquivalentTo(new { DisplayName = "Ada Lovelace", Email = email, Role = OrganizationRole.Admin, IsActive = true });
        (await (await invitee.GetAsync($"/api/organizations/{own.OrganizationId}")).ReadAsync<Application.Organizations.Dtos.OrganizationDto>())
            .Name.Should().Be("Globex", "the invitee now belongs to the organisation");
        await (await invitee.PostAsJsonAsync("/api/invitations/accept", new { token = invitation.Token }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "organization.already_member");
        (await (await own.Admin.GetAsync($"/api/invitations/{invitation.Id}")).ReadAsync<InvitationDto>()).Status.Should().Be(InvitationStatus.Accepted);
    }

    [Fact]
    public async Task Without_a_mail_server_the_invitation_is_written_to_the_pickup_folder_as_an_eml_file()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();
        var email = NewEmail();
        var invitation = await (await own.Admin.PostAsJsonAsync("/api/invitations", new { email })).ReadAsync<InvitationCreated>();

        await host.DispatchOutboxAsync();

        var mail = Directory.GetFiles(host.PickupFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Should().ContainSingle(m => m.To.Mailboxes.Any(a => a.Address == email)).Subject;
        mail.Subject.Should().EndWith("invited you to Globex on Okr");
        mail.TextBody.Should().Contain($"/accept-invitation?token={invitation.Token}");
    }

    [Fact]
    public async Task Accepting_needs_the_invited_email_and_a_live_invitation()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();
        var email = NewEmail();
        var invitation = await (await own.Admin.PostAsJsonAsync("/api/invitations", new { email })).ReadAsync<InvitationCreated>();

        using var stranger = await host.NewUserAsync();
        await (await stranger.PostAsJsonAsync("/api/invitations/accept", new { token = invitation.Token }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await stranger.PostAsJsonAsync("/api/invitations/accept", new { token = "no-such-token" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        (await own.Admin.DeleteAsync($"/api/invitations/{invitation.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await (await own.Admin.GetAsync($"/api/invitations/{invitation.Id}")).ReadAsync<InvitationDto>()).Status.Should().Be(InvitationStatus.Revoked);
        using var invitee = await host.NewUserAsync(email);
        await (await invitee.PostAsJsonAsync("/api/invitations/accept", new { token = invitation.Token }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "invitation.revoked");
        using var anonymous = host.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/invitations/accept", new { token = invitation.Token })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Inviting_a_member_or_a_pending_invitee_again_is_a_409()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();
        var (colleague, colleagueId) = await host.JoinAsync(own);
        using var _ = colleague;
        var colleagueEmail = (await (await own.Admin.GetAsync($"/api/people/{colleagueId}")).ReadAsync<PersonDto>()).Email;
        var email = NewEmail();
        (await own.Admin.PostAsJsonAsync("/api/invitations", new { email })).EnsureSuccessStatusCode();

        await (await own.Admin.PostAsJsonAsync("/api/invitations", new { email = colleagueEmail }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "invitation.already_member");
        await (await own.Admin.PostAsJsonAsync("/api/invitations", new { email }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "invitation.pending");
    }

    [Fact]
    public async Task A_bad_email_or_role_is_a_validation_problem_naming_the_field()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();

        var email = await own.Admin.PostAsJsonAsync("/api/invitations", new { email = "not an email" });
        var token = await own.Admin.PostAsJsonAsync("/api/invitations/accept", new { token = "" });

        (await email.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors").TryGetProperty("email", out _).Should().BeTrue();
        (await token.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors").TryGetProperty("token", out _).Should().BeTrue();
        (await (await own.Admin.PostAsJsonAsync("/api/invitations", new { email = "ada lovelace@example.com" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION")).GetProperty("errors").TryGetProperty("email", out _).Should().BeTrue();
        await (await own.Admin.PostAsJsonAsync("/api/invitations", new { email = NewEmail(), role = "Owner" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
    }

    [Fact]
    public async Task Members_and_leads_cannot_invite_read_or_revoke_invitations()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();
        var invitation = await (await own.Admin.PostAsJsonAsync("/api/invitations", new { email = NewEmail() })).ReadAsync<InvitationCreated>();

        foreach (var email in new[] { "member@acme.test", "lead@acme.test" })
        {
            using var client = await host.SignedInAsync(email);
            await (await client.PostAsJsonAsync("/api/invitations", new { email = NewEmail() })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await client.GetAsync($"/api/invitations/{invitation.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await client.DeleteAsync($"/api/invitations/{invitation.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }
        var (member, _) = await host.JoinAsync(own);
        using (member)
            await (await member.PostAsJsonAsync("/api/invitations", new { email = NewEmail() })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Another_organisations_invitation_and_an_unknown_id_are_not_found()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();
        using var other = await host.NewOrganizationAsync("Initech");
        var invitation = await (await own.Admin.PostAsJsonAsync("/api/invitations", new { email = NewEmail() })).ReadAsync<InvitationCreated>();

        await (await other.Admin.GetAsync($"/api/invitations/{invitation.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await other.Admin.DeleteAsync($"/api/invitations/{invitation.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await own.Admin.GetAsync($"/api/invitations/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        (await (await own.Admin.GetAsync($"/api/invitations/{invitation.Id}")).ReadAsync<InvitationDto>()).Status.Should().Be(InvitationStatus.Pending);
    }

    [Fact]
    public async Task A_stale_If_Match_on_revoke_is_a_412_and_changes_nothing()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var own = await host.NewOrganizationAsync();
        var invitation = await (await own.Admin.PostAsJsonAsync("/api/invitations", new { email = NewEmail() })).ReadAsync<InvitationCreated>();

        var stale = await own.Admin.SendAsync(HttpMethod.Delete, $"/api/invitations/{invitation.Id}", ifMatch: invitation.Version + 1);

        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "CONFLICT");
        (await (await own.Admin.GetAsync($"/api/invitations/{invitation.Id}")).ReadAsync<InvitationDto>()).Status.Should().Be(InvitationStatus.Pending);
        (await own.Admin.SendAsync(HttpMethod.Delete, $"/api/invitations/{invitation.Id}", ifMatch: invitation.Version)).StatusCode
            .Should().Be(HttpStatusCode.NoContent);
    }
}
