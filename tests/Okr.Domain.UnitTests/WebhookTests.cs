using Okr.Domain.Common;
using Okr.Domain.Webhooks;

namespace Okr.Domain.UnitTests;

public class WebhookTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Organization = Guid.CreateVersion7();

    private static WebhookSubscription Subscription(params string[] types) =>
        new(Organization, "https://hooks.example.com/okr", null, types, "protected-1", Guid.CreateVersion7(), Now);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 5 * 60)]
    [InlineData(3, 30 * 60)]
    [InlineData(4, 2 * 3600)]
    [InlineData(5, 5 * 3600)]
    [InlineData(6, 10 * 3600)]
    [InlineData(7, 10 * 3600)]
    public void A_failed_delivery_waits_as_the_schedule_says(int attempts, int seconds) =>
        WebhookDelivery.AfterFailure(attempts, Now).Should().Be((WebhookDeliveryState.Pending, Now.AddSeconds(seconds)));

    [Fact]
    public void The_last_attempt_fails_the_delivery_a_little_more_than_a_day_after_the_first()
    {
        WebhookDelivery.MaxAttempts.Should().Be(8);
        WebhookDelivery.AfterFailure(WebhookDelivery.MaxAttempts, Now).State.Should().Be(WebhookDeliveryState.Failed);
        WebhookDelivery.RetrySchedule.Aggregate(TimeSpan.Zero, (sum, wait) => sum + wait).Should()
            .BeGreaterThan(TimeSpan.FromDays(1)).And.BeLessThan(TimeSpan.FromDays(1.25));
    }

    [Fact]
    public void A_subscription_receives_the_types_it_names_and_test_events()
    {
        var subscription = Subscription(WebhookEventTypes.ObjectiveActivated, WebhookEventTypes.CheckInRecorded, WebhookEventTypes.CheckInRecorded);
        subscription.Types.Should().Equal(WebhookEventTypes.CheckInRecorded, WebhookEventTypes.ObjectiveActivated);
        subscription.Receives(WebhookEventTypes.CheckInRecorded).Should().BeTrue();
        subscription.Receives(WebhookEventTypes.Test).Should().BeTrue();
        subscription.Receives(WebhookEventTypes.CommentCreated).Should().BeFalse();
    }

    [Theory]
    [InlineData("objective.exploded", "webhook.unknown_event_type")]
    [InlineData(null, "webhook.no_event_types")]
    public void Unknown_or_no_event_types_are_refused(string? type, string code)
    {
        var act = () => Subscription(type is null ? Array.Empty<string>() : new[] { type });
        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be(code);
    }

    [Fact]
    public void After_a_rotation_both_secrets_sign_until_the_overlap_ends_then_only_the_new_one()
    {
        var subscription = Subscription(WebhookEventTypes.CheckInRecorded);
        subscription.SigningSecrets(Now).Should().Equal("protected-1");
        subscription.RotateSecret("protected-2", TimeSpan.FromHours(24), Now);
        subscription.SigningSecrets(Now.AddHours(23)).Should().Equal("protected-2", "protected-1");
        subscription.SigningSecrets(Now.AddHours(24)).Should().Equal("protected-2");
        subscription.RotateSecret("protected-3", TimeSpan.Zero, Now);
        subscription.SigningSecrets(Now).Should().Equal("protected-3");
        var tooLong = () => subscription.RotateSecret("protected-4", TimeSpan.FromDays(8), Now);
        tooLong.Should().Throw<DomainRuleException>().Which.Code.Should().Be("webhook.overlap_out_of_range");
    }

    [Fact]
    public void A_redelivery_keeps_the_message_id_and_starts_its_log_over()
    {
        var delivery = new WebhookDelivery(Organization, Guid.CreateVersion7(), WebhookEventTypes.Test, "webhook:1", 1, "{}", Now);
        var id = delivery.MessageId;
        delivery.Redeliver(Now.AddHours(1));
        delivery.MessageId.Should().Be(id).And.StartWith("msg_");
        delivery.State.Should().Be(WebhookDeliveryState.Pending);
        delivery.Attempts.Should().Be(0);
        delivery.NextAttemptAt.Should().Be(Now.AddHours(1));
    }
}

/// <summary>The facts the aggregates raise, which the persistence layer turns into webhook events (ADR 0030).</summary>
public class DomainEventTests
{
    private static readonly Periods.Period Q3 = TestData.Q3();

    [Fact]
    public void An_objectives_life_raises_created_activated_closed_and_graded()
    {
        var (objective, _) = TestData.Active(Q3, TestData.Increase(0, 100));
        objective.Close(0.7, TestData.MidQ3);
        objective.OverrideGrade(0.9, "The market moved.");
        objective.OverrideGrade(0.9, "Said again: the grade does not move.");
        // The facts webhooks carry (the notifications' own facts, such as a grade overridden, are raised beside them).
        objective.DomainEvents().OfType<IOrganizationFact>().Select(e => e.GetType().Name).Should().Equal(
            nameof(ObjectiveCreated), nameof(ObjectiveActivated), nameof(ObjectiveClosed), nameof(ObjectiveGraded), nameof(ObjectiveGraded));
        objective.DomainEvents().OfType<ObjectiveGraded>().Select(g => g.FinalGrade).Should().Equal(0.7, 0.9);
        objective.DomainEvents().OfType<IOrganizationFact>().Should().OnlyContain(e => e.OrganizationId == TestData.OrgId);
        objective.ClearDomainEvents();
        objective.DomainEvents().Should().BeEmpty();
    }

    [Fact]
    public void A_check_in_raises_its_fact_and_the_status_it_moves()
    {
        var (objective, keyResult) = TestData.Active(Q3, TestData.Increase(0, 100));
        var now = TestData.MidQ3;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Half-way through the quarter with nothing measured: a check-in at 10 leaves it off track, one at 60 on track.
        var first = keyResult.RecordCheckIn(TestData.Entry(10, today, "Slow start."), objective, Q3, TestData.Settings, TestData.PersonId, now);
        keyResult.DomainEvents().OfType<CheckInRecorded>().Single().CheckInId.Should().Be(first.Id);
        keyResult.ClearDomainEvents();

        keyResult.RecordCheckIn(TestData.Entry(60, today, "Caught up."), objective, Q3, TestData.Settings, TestData.PersonId, now);
        var changed = keyResult.DomainEvents().OfType<KeyResultStatusChanged>().Should().ContainSingle().Subject;
        changed.To.Should().Be(Computations.OkrStatus.OnTrack);
        changed.From.Should().NotBe(Computations.OkrStatus.OnTrack);
        changed.KeyResultId.Should().Be(keyResult.Id);
    }

    [Fact]
    public void Aligning_and_commenting_raise_their_facts()
    {
        var (child, _) = TestData.Active(Q3, TestData.Increase(0, 100));
        var (parent, _) = TestData.Active(Q3, TestData.Increase(0, 100));
        var alignment = Objectives.Alignment.Create(child, parent, null, Objectives.AlignmentKind.Contributes, 1, [], TestData.MidQ3);
        alignment.Change(Objectives.AlignmentKind.Contributes, 1);
        alignment.Change(Objectives.AlignmentKind.Contributes, 2);
        alignment.DomainEvents().OfType<AlignmentChanged>().Select(a => a.Change).Should().Equal(AlignmentChange.Added, AlignmentChange.Changed);
        var comment = new Work.Comment(TestData.OrgId, child.Id, null, TestData.PersonId, "Looks right.", TestData.MidQ3);
        comment.DomainEvents().OfType<CommentCreated>().Should().ContainSingle().Which.Should().Match<CommentCreated>(c =>
            c.OrganizationId == TestData.OrgId && c.CommentId == comment.Id && c.ObjectiveId == child.Id && c.KeyResultId == null);
    }
}
