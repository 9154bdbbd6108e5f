using Okr.Domain.Common;
using Okr.Domain.Messaging;
using Okr.Domain.Organizations;

namespace Okr.Domain.UnitTests;

public class OutboxMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(9, 256)]
    [InlineData(10, 360)]
    [InlineData(40, 360)]
    public void A_failed_attempt_waits_a_minute_doubled_each_time_up_to_six_hours(int failedAttempts, int minutes) =>
        OutboxMessage.RetryDelay(failedAttempts).Should().Be(TimeSpan.FromMinutes(minutes));

    [Fact]
    public void After_a_failure_the_message_is_pending_until_its_last_attempt_then_failed()
    {
        OutboxMessage.AfterFailure(1, Now).Should().Be((OutboxState.Pending, Now.AddMinutes(1)));
        OutboxMessage.AfterFailure(OutboxMessage.MaxAttempts - 1, Now).Should().Be((OutboxState.Pending, Now.AddMinutes(256)));
        OutboxMessage.AfterFailure(OutboxMessage.MaxAttempts, Now).State.Should().Be(OutboxState.Failed);
    }

    [Fact]
    public void A_new_message_is_pending_and_due_now_for_a_normalised_address()
    {
        var message = new OutboxMessage("invitation", " Ada@Example.com ", "Welcome", "Hello", "<p>Hello</p>", null, Now);

        message.Should().BeEquivalentTo(new { Recipient = "ada@example.com", State = OutboxState.Pending, NextAttemptAt = Now, Attempts = 0, SentAt = (DateTimeOffset?)null });
        FluentActions.Invoking(() => new OutboxMessage("invitation", "not an address", "Welcome", "Hello", null, null, Now))
            .Should().Throw<DomainRuleException>();
    }

    [Fact]
    public void An_error_is_recorded_on_one_line_and_cut_to_its_column()
    {
        OutboxMessage.ErrorText("Connection refused\r\nat line 2").Should().Be("Connection refused at line 2");
        OutboxMessage.ErrorText(new string('x', 5000)).Should().HaveLength(OutboxMessage.ErrorLength);
    }
}

public class InvitationResendTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static Invitation Pending() => new(Guid.NewGuid(), "ada@example.com", OrganizationRole.Member, "first-hash", Guid.NewGuid(), Created);

    [Fact]
    public void Resending_gives_a_new_token_and_a_new_lifetime_but_not_within_five_minutes_of_the_last_send()
    {
        var invitation = Pending();

        FluentActions.Invoking(() => invitation.Reissue("second-hash", Created.AddMinutes(4)))
            .Should().Throw<DomainRuleException>().Which.Code.Should().Be("invitation.resent_recently");
        invitation.Reissue("second-hash", Created.AddMinutes(5));
        invitation.Should().BeEquivalentTo(new { TokenHash = "second-hash", ResentAt = Created.AddMinutes(5), ExpiresAt = Created.AddMinutes(5) + Invitation.Lifetime });
        FluentActions.Invoking(() => invitation.Reissue("third-hash", Created.AddMinutes(9)))
            .Should().Throw<DomainRuleException>().Which.Code.Should().Be("invitation.resent_recently");
    }

    [Fact]
    public void An_expired_invitation_can_be_resent_but_not_an_accepted_or_revoked_one()
    {
        var expired = Pending();
        expired.Reissue("second-hash", Created + Invitation.Lifetime + TimeSpan.FromDays(1));
        expired.IsPending(Created + Invitation.Lifetime + TimeSpan.FromDays(2)).Should().BeTrue();

        var accepted = Pending();
        accepted.Accept(Guid.NewGuid(), Created.AddHours(1));
        FluentActions.Invoking(() => accepted.Reissue("x", Created.AddDays(1))).Should().Throw<DomainRuleException>().Which.Code.Should().Be("invitation.already_accepted");
        var revoked = Pending();
        revoked.Revoke(Created.AddHours(1));
        FluentActions.Invoking(() => revoked.Reissue("x", Created.AddDays(1))).Should().Throw<DomainRuleException>().Which.Code.Should().Be("invitation.revoked");
    }
}
