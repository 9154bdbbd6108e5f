using Okr.Domain.Common;
using Okr.Domain.Computations;
using Okr.Domain.KeyResults;
using Okr.Domain.Notifications;
using Okr.Domain.Reminders;
using Okr.Domain.Work;

using KeyResultStatusChanged = Okr.Domain.Notifications.KeyResultStatusChanged;

namespace Okr.Domain.UnitTests;

/// <summary>The facts notifications are made of (ADR 0028), and the pure rules around them.</summary>
public class NotificationTests
{
    private static readonly Guid Nina = Guid.CreateVersion7();
    private static readonly Guid Lee = Guid.CreateVersion7();
    private static readonly Guid LeeLead = Guid.CreateVersion7();
    private static readonly (Guid, string, string)[] People =
    [
        (Nina, "Nina Kowalski", "nina@acme.test"),
        (Lee, "Lee", "lee.short@acme.test"),
        (LeeLead, "Lee Lead", "lead@acme.test"),
    ];

    public static TheoryData<string, string[]> MentionCases => new()
    {
        { "@Nina Kowalski please look", ["Nina"] },
        { "cc @nina kowalski.", ["Nina"] },
        { "@Lee Lead and @Lee", ["LeeLead", "Lee"] },
        { "@lead, @lee.short", ["LeeLead", "Lee"] },
        { "@Ninaa is another word", [] },
        { "mail nina@acme.test or x@Lee", [] },
        { "no one here", [] },
        { "@", [] },
        { "(@Nina Kowalski)", ["Nina"] },
    };

    [Theory]
    [MemberData(nameof(MentionCases))]
    public void Mentions_are_found_by_display_name_or_address_name_the_longest_first(string text, string[] expected)
    {
        var byName = new Dictionary<string, Guid> { ["Nina"] = Nina, ["Lee"] = Lee, ["LeeLead"] = LeeLead };
        Mentions.Find(text, People).Should().BeEquivalentTo(expected.Select(n => byName[n]));
    }

    [Theory]
    [InlineData(OkrStatus.OnTrack, OkrStatus.AtRisk, true)]
    [InlineData(OkrStatus.OnTrack, OkrStatus.OffTrack, true)]
    [InlineData(OkrStatus.AtRisk, OkrStatus.OffTrack, true)]
    [InlineData(OkrStatus.NotStarted, OkrStatus.AtRisk, true)]
    [InlineData(OkrStatus.Stale, OkrStatus.OffTrack, true)]
    [InlineData(OkrStatus.Stale, OkrStatus.AtRisk, false)]
    [InlineData(OkrStatus.OffTrack, OkrStatus.AtRisk, false)]
    [InlineData(OkrStatus.AtRisk, OkrStatus.OnTrack, false)]
    [InlineData(OkrStatus.OnTrack, OkrStatus.Stale, false)]
    public void A_status_change_is_news_when_it_turns_at_risk_or_off_track_from_something_better(OkrStatus from, OkrStatus to, bool news) =>
        new KeyResultStatusChanged(Guid.NewGuid(), Guid.NewGuid(), from, to).TurnedWorse.Should().Be(news);

    [Fact]
    public void A_check_in_raises_the_status_change_it_makes_as_the_domain_computes_it()
    {
        var period = TestData.Q3();
        var (objective, keyResult) = TestData.Active(period, TestData.Increase(0, 100));
        // Never checked in since the start: stale in mid-August. Off track with a value at the baseline.
        keyResult.RecordCheckIn(new CheckInEntry(0, 5, new DateOnly(2026, 8, 15), "Nothing moved yet."), objective, period, TestData.Settings,
            TestData.PersonId, TestData.MidQ3);
        var change = keyResult.TakeDomainEvents().OfType<KeyResultStatusChanged>().Should().ContainSingle().Subject;
        change.Should().BeEquivalentTo(new { KeyResultId = keyResult.Id, ObjectiveId = objective.Id, From = OkrStatus.Stale, To = OkrStatus.OffTrack });
        change.TurnedWorse.Should().BeTrue();
        keyResult.TakeDomainEvents().Should().BeEmpty("a save takes each fact once");
    }

    [Fact]
    public void A_comment_and_a_reminder_raise_their_facts()
    {
        var comment = new Comment(TestData.OrgId, Guid.NewGuid(), null, Nina, "@Lee have a look", TestData.MidQ3);
        comment.TakeDomainEvents().OfType<CommentPosted>().Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { CommentId = comment.Id, AuthorId = Nina, Text = "@Lee have a look" });

        var delivery = new ReminderDelivery(TestData.OrgId, Nina, Nina, new DateOnly(2026, 12, 7), ReminderKind.Reminder, null, 3, TestData.MidQ3);
        delivery.TakeDomainEvents().Should().ContainSingle().Which.Should().BeOfType<ReminderSent>()
            .Which.Should().BeEquivalentTo(new { RecipientId = Nina, Kind = ReminderKind.Reminder, KeyResultCount = 3 });
    }

    [Fact]
    public void Nobody_is_notified_of_their_own_action_and_texts_are_one_short_line()
    {
        var own = () => new Notification(TestData.OrgId, Nina, NotificationKind.Comment, Guid.NewGuid(), Nina, null, null, null, "x", "/my-week", TestData.MidQ3);
        own.Should().Throw<DomainRuleException>().Which.Code.Should().Be("notification.own_action");
        Notification.Shorten("Two\nlines   and  spaces").Should().Be("Two lines and spaces");
        var shortened = Notification.Shorten(new string('a', 600));
        shortened.Should().HaveLength(Notification.TextLength).And.EndWith("…");
    }

    [Theory]
    [InlineData(NotificationKind.Mention, true)]
    [InlineData(NotificationKind.StatusChanged, true)]
    [InlineData(NotificationKind.Graded, true)]
    [InlineData(NotificationKind.Reminder, true)]
    [InlineData(NotificationKind.Comment, false)]
    [InlineData(NotificationKind.Aligned, false)]
    public void Every_kind_is_in_the_app_by_default_and_by_email_only_what_asks_for_the_person(NotificationKind kind, bool email)
    {
        NotificationDefaults.Wants(kind, NotificationChannel.InApp).Should().BeTrue();
        NotificationDefaults.Wants(kind, NotificationChannel.Email).Should().Be(email);
    }
}
