using Okr.Application.Invitations.Commands.AcceptInvitation;
using Okr.Application.Invitations.Commands.CreateInvitation;
using Okr.Application.Organizations.Commands.CreateOrganization;
using Okr.Domain.Organizations;

namespace Okr.Application.IntegrationTests.Organizations;

/// <summary>A sign-in identity the test can act as.</summary>
public sealed record Caller(Guid UserId, string Email, Guid PersonId);

/// <summary>Arranges an organisation through the product's own commands: a founder (admin) and invited people.</summary>
public static class OrganizationBuilder
{
    public static void ActAs(this TestScope test, Caller caller) => test.ActAs(caller.UserId, caller.Email);

    /// <summary>A user signs up and creates Globex; they are its admin and the lead of its company unit.</summary>
    public static async Task<(Caller Admin, OrganizationCreated Organization)> FoundAsync(this TestScope test, string email = "founder@example.com")
    {
        var userId = await test.SignUpAsync(email);
        var created = await test.SendAsync(new CreateOrganization("Globex", "Founder"));
        return (new Caller(userId, email, created.PersonId), created);
    }

    /// <summary>The admin invites <paramref name="email"/>, who signs up and accepts. Leaves the test acting as the admin.</summary>
    public static async Task<Caller> JoinAsync(this TestScope test, Caller admin, string email, OrganizationRole role = OrganizationRole.Member)
    {
        test.ActAs(admin);
        var invitation = await test.SendAsync(new CreateInvitation { Email = email, Role = role });
        var userId = await test.SignUpAsync(email);
        var person = await test.SendAsync(new AcceptInvitation { Token = invitation.Token });
        test.ActAs(admin);
        return new Caller(userId, email, person.Id);
    }
}
