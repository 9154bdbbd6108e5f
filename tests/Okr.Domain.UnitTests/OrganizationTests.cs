using Okr.Domain.Organizations;

namespace Okr.Domain.UnitTests;

public class InvitationTests
{
    private static readonly DateTimeOffset Sent = TestData.Utc(2026, 8, 1, 9);

    private static Invitation Invite() => new(TestData.OrgId, " Ada@Example.COM ", OrganizationRole.Member, "hash", TestData.PersonId, Sent);

    [Fact]
    public void An_invitation_is_pending_for_fourteen_days_with_a_normalised_email()
    {
        var invitation = Invite();

        invitation.Email.Should().Be("ada@example.com");
        invitation.ExpiresAt.Should().Be(Sent.AddDays(14));
        invitation.IsPending(Sent.AddDays(14).AddSeconds(-1)).Should().BeTrue();
        invitation.IsPending(Sent.AddDays(14)).Should().BeFalse();
    }

    [Fact]
    public void Accepting_records_who_and_when()
    {
        var invitation = Invite();
        var person = Guid.CreateVersion7();

        invitation.Accept(person, Sent.AddDays(13));

        (invitation.AcceptedAt, invitation.AcceptedByPersonId).Should().Be((Sent.AddDays(13), person));
        invitation.IsPending(Sent.AddDays(13)).Should().BeFalse();
    }

    [Fact]
    public void An_invitation_expires_after_fourteen_days()
    {
        var act = () => Invite().Accept(Guid.CreateVersion7(), Sent.AddDays(14));

        act.ShouldBeRefusedWith("invitation.expired");
    }

    [Fact]
    public void An_invitation_is_accepted_once()
    {
        var invitation = Invite();
        invitation.Accept(Guid.CreateVersion7(), Sent.AddDays(1));

        ((Action)(() => invitation.Accept(Guid.CreateVersion7(), Sent.AddDays(2)))).ShouldBeRefusedWith("invitation.already_accepted");
        ((Action)(() => invitation.Revoke(Sent.AddDays(2)))).ShouldBeRefusedWith("invitation.already_accepted");
    }

    [Fact]
    public void A_revoked_invitation_cannot_be_accepted_and_keeps_its_first_revocation_time()
    {
        var invitation = Invite();
        invitation.Revoke(Sent.AddDays(1));
        invitation.Revoke(Sent.AddDays(2));

        var act = () => invitation.Accept(Guid.CreateVersion7(), Sent.AddDays(3));

        act.ShouldBeRefusedWith("invitation.revoked");
        invitation.RevokedAt.Should().Be(Sent.AddDays(1));
        invitation.IsPending(Sent.AddDays(1)).Should().BeFalse();
    }

    [Theory]
    [InlineData("ada")]
    [InlineData("@example.com")]
    [InlineData("ada@@example.com")]
    [InlineData("ada lovelace@example.com")]
    public void An_invitation_needs_a_valid_email(string email)
    {
        var act = () => { _ = new Invitation(TestData.OrgId, email, OrganizationRole.Member, "hash", TestData.PersonId, Sent); };

        act.ShouldBeRefusedWith("validation.email");
    }
}

public class OrganizationSettingsTests
{
    [Fact]
    public void The_defaults_follow_the_domain()
    {
        var settings = OrganizationSettings.Default;

        settings.EnsureValid();
        settings.Should().BeEquivalentTo(new
        {
            FiscalYearStartMonth = 1,
            CheckInCadenceDays = 7,
            StalenessGraceDays = 3,
            AspirationalSuccessThreshold = 0.7,
            CommittedSuccessThreshold = 0.85,
            FinancialSuccessThreshold = 1.0,
            OnTrackRatio = 0.9,
            AtRiskRatio = 0.7,
            LowConfidence = 3,
        });
        settings.StalenessWindow.Should().Be(TimeSpan.FromDays(10));
    }

    private static OrganizationSettings With(string field, double value) => field switch
    {
        "FiscalYearStartMonth" => OrganizationSettings.Default with { FiscalYearStartMonth = (int)value },
        "CheckInCadenceDays" => OrganizationSettings.Default with { CheckInCadenceDays = (int)value },
        "StalenessGraceDays" => OrganizationSettings.Default with { StalenessGraceDays = (int)value },
        "LowConfidence" => OrganizationSettings.Default with { LowConfidence = (int)value },
        "AspirationalSuccessThreshold" => OrganizationSettings.Default with { AspirationalSuccessThreshold = value },
        "CommittedSuccessThreshold" => OrganizationSettings.Default with { CommittedSuccessThreshold = value },
        "FinancialSuccessThreshold" => OrganizationSettings.Default with { FinancialSuccessThreshold = value },
        "OnTrackRatio" => OrganizationSettings.Default with { OnTrackRatio = value },
        "AtRiskRatio" => OrganizationSettings.Default with { AtRiskRatio = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Theory]
    [InlineData("FiscalYearStartMonth", 0, "settings.invalid")]
    [InlineData("CheckInCadenceDays", 0, "settings.invalid")]
    [InlineData("StalenessGraceDays", -1, "settings.invalid")]
    [InlineData("LowConfidence", 11, "settings.invalid")]
    [InlineData("CommittedSuccessThreshold", 1.01, "validation.out_of_range")]
    [InlineData("FinancialSuccessThreshold", -0.1, "validation.out_of_range")]
    [InlineData("AspirationalSuccessThreshold", double.NaN, "validation.out_of_range")]
    [InlineData("AtRiskRatio", 0.95, "settings.invalid")]
    public void Invalid_settings_are_refused(string field, double value, string code)
    {
        var organization = new Organization("Acme");

        var act = () => organization.ChangeSettings(With(field, value));

        act.ShouldBeRefusedWith(code);
        organization.Settings.Should().Be(OrganizationSettings.Default);
    }

    [Theory]
    [InlineData("FiscalYearStartMonth", 12)]
    [InlineData("CheckInCadenceDays", 92)]
    [InlineData("StalenessGraceDays", 0)]
    [InlineData("AtRiskRatio", 0.9)]
    public void Settings_at_their_limits_are_accepted(string field, double value)
    {
        var organization = new Organization("Acme");
        var settings = With(field, value);

        organization.ChangeSettings(settings);

        organization.Settings.Should().Be(settings);
    }
}

public class PersonTests
{
    private static Person Admin() => new(TestData.OrgId, Guid.CreateVersion7(), "Avery", "avery@example.com", OrganizationRole.Admin);

    [Fact]
    public void The_last_active_admin_cannot_step_down()
    {
        var admin = Admin();

        ((Action)(() => admin.ChangeRole(OrganizationRole.Member, activeAdmins: 1))).ShouldBeRefusedWith("person.last_admin");

        admin.Role.Should().Be(OrganizationRole.Admin);
    }

    [Fact]
    public void An_admin_steps_down_when_another_admin_remains_and_a_member_is_promoted_freely()
    {
        var admin = Admin();
        var member = new Person(TestData.OrgId, Guid.CreateVersion7(), "Morgan", "morgan@example.com", OrganizationRole.Member);

        admin.ChangeRole(OrganizationRole.Member, activeAdmins: 2);
        member.ChangeRole(OrganizationRole.Admin, activeAdmins: 0);

        admin.Role.Should().Be(OrganizationRole.Member);
        member.Role.Should().Be(OrganizationRole.Admin);
    }

    [Fact]
    public void Nobody_deactivates_themselves_nor_the_last_admin()
    {
        var admin = Admin();

        ((Action)(() => admin.Deactivate(admin.Id, activeAdmins: 2))).ShouldBeRefusedWith("person.cannot_deactivate_self");
        ((Action)(() => admin.Deactivate(Guid.CreateVersion7(), activeAdmins: 1))).ShouldBeRefusedWith("person.last_admin");
        admin.IsActive.Should().BeTrue();

        admin.Deactivate(Guid.CreateVersion7(), activeAdmins: 2);
        admin.IsActive.Should().BeFalse();
        admin.IsAdmin.Should().BeFalse("an inactive admin has no rights");
        admin.Reactivate();
        admin.IsAdmin.Should().BeTrue();
    }
}
