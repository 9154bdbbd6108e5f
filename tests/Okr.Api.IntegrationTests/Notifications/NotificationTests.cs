using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.Objectives.Dtos;
using Okr.Application.KeyResults.Dtos;
using Okr.Domain.Notifications;
using Okr.Domain.Objectives;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Infrastructure.Reminders;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.Notifications;

/// <summary>
/// The in-app inbox (ADR 0028) over HTTP, on a private copy of the demo per test: who hears of each event, who does not,
/// never the actor, never another organisation; each person reads and marks only their own; marking is idempotent.
/// Product Management is led by Lee (lead) with Nina as a member; Morgan (member) is in Product Engineering.
/// </summary>
[Collection(ApiTests.Name)]
public sealed class NotificationTests(ApiFixture fixture)
{
    private const string Inbox = """
        query($unread: Boolean) {
          notifications(first: 50, unreadOnly: $unread) { nodes { id kind text link objectiveId keyResultId commentId isRead actor { displayName } } }
          unreadNotificationCount
        }
        """;

    private sealed record Scene(OkrApiFactory Host, PrivateDemo Demo, IReadOnlyDictionary<string, Guid> People) : IDisposable
    {
        private readonly Dictionary<string, HttpClient> _clients = [];

        public async Task<HttpClient> As(string who)
        {
            if (!_clients.TryGetValue(who, out var client))
                _clients[who] = client = await Demo.SignInAsync(Host, who);
            return client;
        }

        public void Dispose()
        {
            foreach (var client in _clients.Values)
                client.Dispose();
        }
    }

    private async Task<Scene> SceneAsync(DatabaseProvider provider, string name)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, name);
        var people = await demo.ReadAsync(host, db => db.People.ToDictionaryAsync(p => p.Email.Split('@')[0], p => p.Id));
        return new Scene(host, demo, people);
    }

    /// <summary>A public objective of Product Management owned by Nina, with one key result she owns (drafted by Lee).</summary>
    private static async Task<(ObjectiveDto Objective, KeyResultDto KeyResult)> NinasObjectiveAsync(Scene scene, string visibility = "Public")
    {
        var lead = await scene.As("lead");
        var objective = await (await lead.PostAsJsonAsync("/api/objectives", new
        {
            periodId = scene.Demo.CurrentPeriodId, owningUnitId = scene.Demo.Units["Product Management"], title = $"Make onboarding effortless {Guid.NewGuid():N}",
            ownerId = scene.People["nina"], visibility,
        })).ReadAsync<ObjectiveDto>();
        var keyResult = await (await lead.PostAsJsonAsync("/api/key-results", new
        {
            objectiveId = objective.Id, title = "Week-one activation rises", metricKind = "Percentage", direction = "Increase",
            baseline = 20, target = 60, baselineMethod = "Pendo, last 30 days", ownerId = scene.People["nina"],
        })).ReadAsync<KeyResultDto>();
        return (objective, keyResult);
    }

    private static async Task<List<JsonElement>> InboxAsync(HttpClient client, bool unreadOnly = false) =>
        (await client.GraphQLAsync(Inbox, new { unread = unreadOnly })).ShouldSucceed()
            .GetProperty("notifications").GetProperty("nodes").EnumerateArray().ToList();

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await client.GraphQLAsync("{ unreadNotificationCount }")).ShouldSucceed().GetProperty("unreadNotificationCount").GetInt32();

    private static IEnumerable<JsonElement> About(IEnumerable<JsonElement> inbox, Guid objectiveId, string kind) =>
        inbox.Where(n => n.GetProperty("objectiveId").GetString() == objectiveId.ToString() && n.GetProperty("kind").GetString() == kind);

    private static async Task CommentAsync(HttpClient author, object body) =>
        (await author.PostAsJsonAsync("/api/comments", body)).StatusCode.Should().Be(HttpStatusCode.Created);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_comment_reaches_the_owner_the_units_lead_and_followers_never_its_author_nor_anyone_else(DatabaseProvider provider)
    {
        using var scene = await SceneAsync(provider, "notify-comment");
        var (objective, _) = await NinasObjectiveAsync(scene);
        var jorge = await scene.As("jorge");
        (await jorge.PutAsync($"/api/objectives/{objective.Id}/follow", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var member = await scene.As("member");
        await CommentAsync(member, new { objectiveId = objective.Id, text = "Is 60% ambitious enough?" });

        foreach (var who in new[] { "nina", "lead", "jorge" })
        {
            var comment = About(await InboxAsync(await scene.As(who)), objective.Id, "COMMENT").Should().ContainSingle($"{who} owns, leads or follows it").Subject;
            comment.GetProperty("text").GetString().Should().Be($"Morgan Member commented on {objective.Title}: “Is 60% ambitious enough?”");
            comment.GetProperty("link").GetString().Should().Be($"/objectives/{objective.Id}#comments");
            comment.GetProperty("actor").GetProperty("displayName").GetString().Should().Be("Morgan Member");
            comment.GetProperty("isRead").GetBoolean().Should().BeFalse();
        }
        About(await InboxAsync(member), objective.Id, "COMMENT").Should().BeEmpty("the author is never told of their own comment");
        About(await InboxAsync(await scene.As("dana")), objective.Id, "COMMENT").Should().BeEmpty("Dana neither owns, leads nor follows it");

        // The lead's reply reaches the owner, the follower and the earlier commenter? Not the commenter: commenting is not following.
        var lead = await scene.As("lead");
        await CommentAsync(lead, new { objectiveId = objective.Id, text = "Yes: last quarter was 35%." });
        About(await InboxAsync(lead), objective.Id, "COMMENT").Should().ContainSingle("the lead's own reply adds nothing to their inbox");
        About(await InboxAsync(await scene.As("nina")), objective.Id, "COMMENT").Should().HaveCount(2);
        About(await InboxAsync(member), objective.Id, "COMMENT").Should().BeEmpty();

        // Another organisation's people hear nothing, and see none of this organisation's notifications.
        using var outsider = await scene.Host.OutsiderAsync();
        (await InboxAsync(outsider)).Should().BeEmpty();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_mention_reaches_the_people_named_of_the_organisation_once_instead_of_the_comment_notification(DatabaseProvider provider)
    {
        using var scene = await SceneAsync(provider, "notify-mention");
        var (objective, keyResult) = await NinasObjectiveAsync(scene);
        using var outsider = await scene.Host.NewUserAsync($"priya-{Guid.NewGuid():N}@example.com");
        (await outsider.PostAsJsonAsync("/api/organizations", new { name = "Globex" })).EnsureSuccessStatusCode();

        var member = await scene.As("member");
        // Nina is named by her name (and owns it: one notification, the mention), Priya by her address's name; "@Morgan Member"
        // is the author; an address is not a mention.
        await CommentAsync(member, new { keyResultId = keyResult.Id, text = "@Nina Kowalski, can @priya help? cc @morgan member, mail x@lee" });

        var nina = About(await InboxAsync(await scene.As("nina")), objective.Id, "MENTION").Should().ContainSingle().Subject;
        nina.GetProperty("keyResultId").GetString().Should().Be(keyResult.Id.ToString());
        nina.GetProperty("text").GetString().Should().StartWith($"Morgan Member mentioned you on Week-one activation rises ({objective.Title}):");
        About(await InboxAsync(await scene.As("nina")), objective.Id, "COMMENT").Should().BeEmpty("one notification per person and event");
        About(await InboxAsync(await scene.As("priya")), objective.Id, "MENTION").Should().ContainSingle("@priya is her address's name");
        About(await InboxAsync(await scene.As("lead")), objective.Id, "COMMENT").Should().ContainSingle("Lee leads the unit and was not named");
        (await InboxAsync(member)).Should().BeEmpty("naming yourself is no news");
        (await InboxAsync(outsider)).Should().BeEmpty("a person of another organisation is never mentioned, whatever their name");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_restricted_objectives_comments_reach_only_people_who_may_see_it(DatabaseProvider provider)
    {
        using var scene = await SceneAsync(provider, "notify-restricted");
        var (objective, _) = await NinasObjectiveAsync(scene, visibility: "Restricted");
        var lead = await scene.As("lead");
        // Morgan is outside Product Management: named, they still hear nothing of an objective they cannot see.
        await CommentAsync(lead, new { objectiveId = objective.Id, text = "@Nina Kowalski and @Morgan Member: numbers by Friday." });
        About(await InboxAsync(await scene.As("nina")), objective.Id, "MENTION").Should().ContainSingle();
        (await InboxAsync(await scene.As("member"))).Should().BeEmpty();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_key_result_turning_off_track_reaches_its_owner_and_the_followers_not_the_person_who_checked_in(DatabaseProvider provider)
    {
        using var scene = await SceneAsync(provider, "notify-status");
        var (objective, keyResult) = await NinasObjectiveAsync(scene);
        var lead = await scene.As("lead");
        // Adding the key result moved the objective's version: activate with the current one.
        var current = (await lead.GetAsync($"/api/objectives/{objective.Id}")).ETagVersion();
        var activated = await lead.SendJsonAsync(HttpMethod.Post, $"/api/objectives/{objective.Id}/activate", null, $"\"{current}\"");
        activated.IsSuccessStatusCode.Should().BeTrue(await activated.Content.ReadAsStringAsync());
        var jorge = await scene.As("jorge");
        (await jorge.PutAsync($"/api/objectives/{objective.Id}/follow", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var lee = await scene.As("lead");
        (await lee.PutAsync($"/api/objectives/{objective.Id}/follow", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        // At target: on track (better than before) tells nobody.
        var onTrack = await lead.PostAsJsonAsync($"/api/key-results/{keyResult.Id}/check-ins", new { value = 60, confidence = 8 });
        onTrack.IsSuccessStatusCode.Should().BeTrue(await onTrack.Content.ReadAsStringAsync());
        About(await InboxAsync(await scene.As("nina")), objective.Id, "STATUS_CHANGED").Should().BeEmpty();
        // Back at the baseline: off track.
        var offTrack = await lead.PostAsJsonAsync($"/api/key-results/{keyResult.Id}/check-ins", new { value = 20, confidence = 2, narrative = "The cohort churned." });
        offTrack.IsSuccessStatusCode.Should().BeTrue(await offTrack.Content.ReadAsStringAsync());

        foreach (var who in new[] { "nina", "jorge" })
            About(await InboxAsync(await scene.As(who)), objective.Id, "STATUS_CHANGED").Should().ContainSingle(who)
                .Which.GetProperty("text").GetString().Should().Be($"Week-one activation rises ({objective.Title}) is now off track, was on track.");
        About(await InboxAsync(lead), objective.Id, "STATUS_CHANGED").Should().BeEmpty("Lee follows it but checked in himself");
        About(await InboxAsync(await scene.As("dana")), objective.Id, "STATUS_CHANGED").Should().BeEmpty();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task An_alignment_reaches_the_parents_owner_and_a_grade_override_the_objectives_owner(DatabaseProvider provider)
    {
        using var scene = await SceneAsync(provider, "notify-align-grade");
        var (parent, _) = await NinasObjectiveAsync(scene);
        var member = await scene.As("member");
        var child = await (await member.PostAsJsonAsync("/api/objectives", new
        {
            periodId = scene.Demo.CurrentPeriodId, owningUnitId = scene.Demo.Units["Product Engineering"], title = "Ship the guided setup",
        })).ReadAsync<ObjectiveDto>();
        (await member.PostAsJsonAsync($"/api/objectives/{child.Id}/alignments", new { parentObjectiveId = parent.Id })).IsSuccessStatusCode.Should().BeTrue();
        var aligned = (await InboxAsync(await scene.As("nina"))).Where(n => n.GetProperty("kind").GetString() == "ALIGNED").Should().ContainSingle().Subject;
        aligned.GetProperty("text").GetString().Should().Be($"Morgan Member aligned Ship the guided setup to your objective {parent.Title}.");
        aligned.GetProperty("link").GetString().Should().Be($"/objectives/{child.Id}");
        (await InboxAsync(member)).Should().BeEmpty();

        // A closed objective of the previous quarter, owned by someone other than the admin who overrides its grade.
        var admin = await scene.As("admin");
        var closed = await scene.Demo.ReadAsync(scene.Host, db => db.Objectives
            .Where(o => o.PeriodId == scene.Demo.PreviousPeriodId && o.State == ObjectiveState.Closed && o.OwnerId != null && o.OwnerId != scene.People["admin"])
            .Select(o => new { o.Id, o.Version, OwnerId = o.OwnerId!.Value }).FirstAsync());
        var owner = scene.People.Single(p => p.Value == closed.OwnerId).Key;
        (await admin.SendJsonAsync(HttpMethod.Put, $"/api/objectives/{closed.Id}/grade", new { grade = 0.5, reason = "Partly delivered" }, $"\"{closed.Version}\""))
            .IsSuccessStatusCode.Should().BeTrue();
        About(await InboxAsync(await scene.As(owner)), closed.Id, "GRADED").Should().ContainSingle()
            .Which.GetProperty("text").GetString().Should().EndWith("to 0.50.");
        About(await InboxAsync(admin), closed.Id, "GRADED").Should().BeEmpty();
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Each_person_reads_and_marks_only_their_own_notifications_and_marking_is_idempotent(DatabaseProvider provider)
    {
        using var scene = await SceneAsync(provider, "notify-read");
        var (objective, _) = await NinasObjectiveAsync(scene);
        var member = await scene.As("member");
        await CommentAsync(member, new { objectiveId = objective.Id, text = "First" });
        await CommentAsync(member, new { objectiveId = objective.Id, text = "Second" });
        var nina = await scene.As("nina");
        var lee = await scene.As("lead");
        var ninas = await InboxAsync(nina);
        ninas.Should().HaveCount(2);
        (await UnreadAsync(nina)).Should().Be(2);
        var leesFirst = (await InboxAsync(lee)).First().GetProperty("id").GetString();

        // Nina cannot touch Lee's: not found, and it stays unread.
        await (await nina.PostAsync($"/api/notifications/{leesFirst}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        (await UnreadAsync(lee)).Should().Be(2);

        var first = ninas[0].GetProperty("id").GetString();
        (await nina.PostAsync($"/api/notifications/{first}/read", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var readAt = await scene.Demo.ReadAsync(scene.Host, db => db.Notifications.Where(n => n.Id == Guid.Parse(first!)).Select(n => n.ReadAt).SingleAsync());
        scene.Host.Clock.UtcNow = scene.Host.Clock.UtcNow.AddMinutes(1);
        try
        {
            (await nina.PostAsync($"/api/notifications/{first}/read", null)).StatusCode.Should().Be(HttpStatusCode.NoContent, "marking again is no error");
        }
        finally
        {
            scene.Host.Clock.UtcNow = scene.Host.Clock.UtcNow.AddMinutes(-1);
        }
        (await scene.Demo.ReadAsync(scene.Host, db => db.Notifications.Where(n => n.Id == Guid.Parse(first!)).Select(n => n.ReadAt).SingleAsync()))
            .Should().Be(readAt, "and keeps when it was first read");
        (await UnreadAsync(nina)).Should().Be(1);
        (await InboxAsync(nina, unreadOnly: true)).Select(n => n.GetProperty("id").GetString()).Should().Equal(ninas[1].GetProperty("id").GetString());

        var all = await nina.PostAsync("/api/notifications/read-all", null);
        (await all.ReadAsync<JsonElement>()).GetProperty("marked").GetInt32().Should().Be(1);
        (await (await nina.PostAsync("/api/notifications/read-all", null)).ReadAsync<JsonElement>()).GetProperty("marked").GetInt32().Should().Be(0);
        (await UnreadAsync(nina)).Should().Be(0);
        (await UnreadAsync(lee)).Should().Be(2, "marking all is marking all of one's own");
        await (await nina.PostAsync($"/api/notifications/{Guid.NewGuid()}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_inbox_pages_newest_first(DatabaseProvider provider)
    {
        using var scene = await SceneAsync(provider, "notify-pages");
        var (objective, _) = await NinasObjectiveAsync(scene);
        var member = await scene.As("member");
        for (var i = 1; i <= 3; i++)
            await CommentAsync(member, new { objectiveId = objective.Id, text = $"Comment {i}" });
        var nina = await scene.As("nina");
        const string page = "query($after: String) { notifications(first: 2, after: $after) { nodes { text } pageInfo { hasNextPage endCursor } } }";
        var one = (await nina.GraphQLAsync(page, new { after = (string?)null })).ShouldSucceed().GetProperty("notifications");
        one.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("text").GetString()).Should()
            .Equal($"Morgan Member commented on {objective.Title}: “Comment 3”", $"Morgan Member commented on {objective.Title}: “Comment 2”");
        one.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().Should().BeTrue();
        var two = (await nina.GraphQLAsync(page, new { after = one.GetProperty("pageInfo").GetProperty("endCursor").GetString() })).ShouldSucceed().GetProperty("notifications");
        two.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("text").GetString()).Should().Equal($"Morgan Member commented on {objective.Title}: “Comment 1”");
        two.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().Should().BeFalse();
        (await nina.GraphQLAsync(page, new { after = "nonsense" })).ShouldFailWith("VALIDATION");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task One_event_is_one_notification_per_person_whoever_writes_it_twice(DatabaseProvider provider)
    {
        using var scene = await SceneAsync(provider, "notify-once");
        var nina = scene.People["nina"];
        var eventId = Guid.CreateVersion7();
        Notification Copy() => new(scene.Demo.OrganizationId, nina, NotificationKind.Comment, eventId, null, null, null, null, "A comment", "/my-week",
            scene.Host.Clock.UtcNow);
        await scene.Demo.ReadAsync(scene.Host, async db =>
        {
            db.Notifications.Add(Copy());
            return await db.SaveChangesAsync();
        });
        var second = async () => await scene.Demo.ReadAsync(scene.Host, async db =>
        {
            db.Notifications.Add(Copy());
            return await db.SaveChangesAsync();
        });
        await second.Should().ThrowAsync<DbUpdateException>("the unique key on recipient and event refuses a second copy");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_reminder_sent_is_in_its_recipients_inbox(DatabaseProvider provider)
    {
        using var scene = await SceneAsync(provider, "notify-reminder");
        var admin = await scene.As("admin");
        var organization = await admin.GetAsync($"/api/organizations/{scene.Demo.OrganizationId}");
        (await admin.SendJsonAsync(HttpMethod.Put, $"/api/organizations/{scene.Demo.OrganizationId}/reminder-settings", new
        {
            enabled = true, dayOfWeek = "MONDAY", hour = 9, secondNudge = false, escalateAfterMissedCycles = 0, timeZone = "UTC",
        }, $"\"{organization.ETagVersion()}\"")).StatusCode.Should().Be(HttpStatusCode.OK);
        var before = scene.Host.Clock.UtcNow;
        try
        {
            scene.Host.Clock.UtcNow = DateTimeOffset.Parse("2026-12-07T09:05:00Z", System.Globalization.CultureInfo.InvariantCulture);
            (await scene.Host.Services.GetRequiredService<CheckInReminderRun>().RunAsync(CancellationToken.None)).Should().BePositive();
        }
        finally
        {
            scene.Host.Clock.UtcNow = before;
        }
        var reminders = (await InboxAsync(await scene.As("member"))).Where(n => n.GetProperty("kind").GetString() == "REMINDER").ToList();
        reminders.Should().ContainSingle().Which.GetProperty("text").GetString().Should().StartWith("Time to check in:");
        reminders[0].GetProperty("link").GetString().Should().Be("/my-week");
        reminders[0].GetProperty("actor").ValueKind.Should().Be(JsonValueKind.Null, "the product sent it, not a person");
    }
}
