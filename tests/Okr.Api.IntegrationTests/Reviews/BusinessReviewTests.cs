using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Domain.Common;
using Okr.Domain.Reviews;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Infrastructure.Reviews;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.Reviews;

/// <summary>
/// Business reviews (ADR 0029): computed with the dashboard's own computation as of their instant, immutable once
/// published, compared with the previous review, published on demand by leads and admins and by the schedule once per
/// unit, period and instant.
/// </summary>
[Collection(ApiTests.Name)]
public sealed class BusinessReviewTests(ApiFixture fixture)
{
    private const string ReviewQuery = """
        query Review($id: ID!) {
          businessReview(id: $id) {
            id unitId unitName periodId periodName asOf trigger scheduledFor requestedByName createdAt previousReviewId previousAsOf
            progress expectedProgress progressDelta objectiveCount keyResultCount hiddenObjectiveCount checkInCompliance checkInComplianceDelta
            objectivesByStatus { notStarted onTrack atRisk offTrack stale achieved missed }
            keyResultsByStatus { notStarted onTrack atRisk offTrack stale achieved missed }
            objectives { id title unitName ownerName state progress expectedProgress status isNew change { previousProgress previousStatus progressDelta }
              keyResults { id title ownerName currentValue target unitLabel progress status confidence isNew change { previousProgress previousStatus progressDelta } } }
            atRisk { keyResultId title objectiveTitle ownerName status progress expectedProgress latestNarrative latestBlockers latestCheckInDate }
            offTrack { keyResultId title progress latestNarrative }
            stale { keyResultId title }
            blockedInitiatives { id title ownerName dueDate }
            upcomingCheckpoints { name date done }
            overdueCheckpoints { name date }
            helpRequested { keyResultId keyResultTitle ownerName blockers nextSteps checkInDate }
            markdownUrl
          }
        }
        """;

    private const string DashboardQuery = """
        query Dashboard($p: ID!, $unit: ID, $asOf: DateTimeOffset) {
          dashboard(periodId: $p, unitId: $unit, includeDescendants: true, asOf: $asOf, needsAttention: 50) {
            progress expectedProgress objectiveCount keyResultCount hiddenObjectiveCount checkInCompliance
            objectivesByStatus { notStarted onTrack atRisk offTrack stale achieved missed }
            keyResultsByStatus { notStarted onTrack atRisk offTrack stale achieved missed }
            atRisk { keyResult { id } latestNarrative latestBlockers }
            offTrack { keyResult { id } latestNarrative }
            stale { keyResult { id } }
            blockedInitiatives { id }
            upcomingCheckpoints { name date done }
            overdueCheckpoints { name date }
          }
        }
        """;

    private const string ObjectiveQuery = """
        query Objective($id: ID!, $asOf: DateTimeOffset) {
          objective(id: $id, asOf: $asOf) { progress status keyResults { id progress status currentValue } }
        }
        """;

    private const string ListQuery = """
        query Reviews($unit: ID!, $p: ID!, $first: Int, $after: String) {
          businessReviews(unitId: $unit, periodId: $p, first: $first, after: $after) {
            totalCount viewerCanGenerate pageInfo { hasNextPage endCursor } nodes { id asOf trigger }
          }
        }
        """;

    private static async Task<Guid> GenerateAsync(HttpClient client, Guid unitId, Guid periodId)
    {
        var response = await client.PostAsJsonAsync("/api/business-reviews", new { unitId, periodId });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().Should().Be($"/api/business-reviews/{id}");
        return id;
    }

    private static async Task<JsonElement> ReviewAsync(HttpClient client, Guid id) =>
        (await client.GraphQLAsync(ReviewQuery, new { id })).ShouldSucceed().GetProperty("businessReview");

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_review_carries_the_dashboards_numbers_as_of_its_instant_compares_with_the_previous_one_and_never_changes(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "review-numbers");
        using var admin = await demo.SignInAsync(host);
        var marketing = demo.Units["Marketing"];
        var before = host.Clock.UtcNow;
        try
        {
            var firstId = await GenerateAsync(admin, marketing, demo.CurrentPeriodId);
            var first = await ReviewAsync(admin, firstId);
            var asOf = first.GetProperty("asOf").GetDateTimeOffset();
            asOf.Should().Be(host.Clock.UtcNow);
            first.GetProperty("trigger").GetString().Should().Be("ON_DEMAND");
            first.GetProperty("unitName").GetString().Should().Be("Marketing");
            first.GetProperty("requestedByName").GetString().Should().Be("Avery Admin");
            first.GetProperty("previousReviewId").ValueKind.Should().Be(JsonValueKind.Null);
            first.GetProperty("progressDelta").ValueKind.Should().Be(JsonValueKind.Null, "the first review has nothing to compare with");

            // The dashboard of the unit and the units below it, as of the review's instant: the same numbers, to the last bit.
            var dashboard = (await admin.GraphQLAsync(DashboardQuery, new { p = demo.CurrentPeriodId, unit = marketing, asOf })).ShouldSucceed().GetProperty("dashboard");
            foreach (var number in new[] { "progress", "expectedProgress", "checkInCompliance" })
                first.GetProperty(number).GetDouble().Should().Be(dashboard.GetProperty(number).GetDouble(), number);
            foreach (var count in new[] { "objectiveCount", "keyResultCount", "hiddenObjectiveCount" })
                first.GetProperty(count).GetInt32().Should().Be(dashboard.GetProperty(count).GetInt32(), count);
            foreach (var counts in new[] { "objectivesByStatus", "keyResultsByStatus" })
                first.GetProperty(counts).GetRawText().Should().Be(dashboard.GetProperty(counts).GetRawText(), counts);
            foreach (var flag in new[] { "atRisk", "offTrack", "stale" })
                first.GetProperty(flag).EnumerateArray().Select(f => f.GetProperty("keyResultId").GetGuid())
                    .Should().Equal(dashboard.GetProperty(flag).EnumerateArray().Select(f => f.GetProperty("keyResult").GetProperty("id").GetGuid()), flag);
            first.GetProperty("atRisk").EnumerateArray().Select(f => f.GetProperty("latestNarrative").GetString())
                .Should().Equal(dashboard.GetProperty("atRisk").EnumerateArray().Select(f => f.GetProperty("latestNarrative").GetString()));
            first.GetProperty("upcomingCheckpoints").GetRawText().Should().Be(dashboard.GetProperty("upcomingCheckpoints").GetRawText());
            first.GetProperty("blockedInitiatives").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())
                .Should().Equal(dashboard.GetProperty("blockedInitiatives").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

            // Every objective and key result listed is the one the graph answers as of that instant.
            var objectives = first.GetProperty("objectives").EnumerateArray().ToList();
            objectives.Select(o => o.GetProperty("unitName").GetString()).Should().Contain("Marketing").And.Contain("Customer Marketing");
            foreach (var objective in objectives)
            {
                var then = (await admin.GraphQLAsync(ObjectiveQuery, new { id = objective.GetProperty("id").GetGuid(), asOf })).ShouldSucceed().GetProperty("objective");
                objective.GetProperty("progress").GetDouble().Should().Be(then.GetProperty("progress").GetDouble());
                objective.GetProperty("status").GetString().Should().Be(then.GetProperty("status").GetString());
                objective.GetProperty("keyResults").EnumerateArray().Select(k => (k.GetProperty("id").GetGuid(), k.GetProperty("progress").GetDouble()))
                    .Should().Equal(then.GetProperty("keyResults").EnumerateArray().Select(k => (k.GetProperty("id").GetGuid(), k.GetProperty("progress").GetDouble())));
            }

            // An hour later an owner checks in, naming a blocker: the published review does not move.
            var keyResult = objectives.SelectMany(o => o.GetProperty("keyResults").EnumerateArray())
                .First(k => k.GetProperty("target").ValueKind == JsonValueKind.Number && k.GetProperty("progress").GetDouble() < 0.99);
            var keyResultId = keyResult.GetProperty("id").GetGuid();
            host.Clock.Advance(TimeSpan.FromHours(1));
            var checkIn = await admin.PostAsJsonAsync($"/api/key-results/{keyResultId}/check-ins", new
            {
                value = keyResult.GetProperty("target").GetDecimal(), confidence = 8, narrative = "Closed the gap this week.",
                blockers = "Need a decision on the Q1 budget.", nextSteps = "Present options on Friday.",
            });
            checkIn.IsSuccessStatusCode.Should().BeTrue(await checkIn.Content.ReadAsStringAsync());
            (await ReviewAsync(admin, firstId)).GetRawText().Should().Be(first.GetRawText(), "a published review never changes");
            var stored = await demo.ReadAsync(host, db => db.BusinessReviews.SingleAsync(r => r.Id == firstId));
            var refused = async () => await host.WithDbAsync(async db =>
            {
                db.Attach(stored);
                db.Entry(stored).Property(r => r.Document).CurrentValue = "{}";
                return await db.SaveChangesAsync();
            }, demo.OrganizationId);
            (await refused.Should().ThrowAsync<DomainRuleException>()).Which.Code.Should().Be("immutable");

            // A new review is compared with the first: what moved, per objective and key result.
            var secondId = await GenerateAsync(admin, marketing, demo.CurrentPeriodId);
            var second = await ReviewAsync(admin, secondId);
            second.GetProperty("previousReviewId").GetGuid().Should().Be(firstId);
            second.GetProperty("previousAsOf").GetDateTimeOffset().Should().Be(asOf);
            second.GetProperty("progressDelta").GetDouble().Should()
                .BeApproximately(second.GetProperty("progress").GetDouble() - first.GetProperty("progress").GetDouble(), 1e-12).And.BePositive();
            var moved = second.GetProperty("objectives").EnumerateArray().SelectMany(o => o.GetProperty("keyResults").EnumerateArray())
                .Single(k => k.GetProperty("id").GetGuid() == keyResultId);
            moved.GetProperty("progress").GetDouble().Should().Be(1);
            moved.GetProperty("isNew").GetBoolean().Should().BeFalse();
            moved.GetProperty("change").GetProperty("previousProgress").GetDouble().Should().Be(keyResult.GetProperty("progress").GetDouble());
            moved.GetProperty("change").GetProperty("previousStatus").GetString().Should().Be(keyResult.GetProperty("status").GetString());
            moved.GetProperty("change").GetProperty("progressDelta").GetDouble().Should().BeApproximately(1 - keyResult.GetProperty("progress").GetDouble(), 1e-12);
            var help = second.GetProperty("helpRequested").EnumerateArray().Should().ContainSingle(h => h.GetProperty("keyResultId").GetGuid() == keyResultId).Subject;
            help.GetProperty("blockers").GetString().Should().Be("Need a decision on the Q1 budget.");
            help.GetProperty("nextSteps").GetString().Should().Be("Present options on Friday.");

            // Listed newest first; downloadable as Markdown.
            var list = (await admin.GraphQLAsync(ListQuery, new { unit = marketing, p = demo.CurrentPeriodId, first = 1 })).ShouldSucceed().GetProperty("businessReviews");
            list.GetProperty("totalCount").GetInt32().Should().Be(2);
            list.GetProperty("viewerCanGenerate").GetBoolean().Should().BeTrue();
            list.GetProperty("nodes")[0].GetProperty("id").GetGuid().Should().Be(secondId);
            var page2 = (await admin.GraphQLAsync(ListQuery, new
            {
                unit = marketing, p = demo.CurrentPeriodId, first = 1, after = list.GetProperty("pageInfo").GetProperty("endCursor").GetString(),
            })).ShouldSucceed().GetProperty("businessReviews");
            page2.GetProperty("nodes")[0].GetProperty("id").GetGuid().Should().Be(firstId);
            page2.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().Should().BeFalse();

            var markdown = await admin.GetAsync(second.GetProperty("markdownUrl").GetString());
            markdown.StatusCode.Should().Be(HttpStatusCode.OK);
            markdown.Content.Headers.ContentType!.MediaType.Should().Be("text/markdown");
            markdown.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
            var text = await markdown.Content.ReadAsStringAsync();
            text.Should().StartWith($"# Business review: Marketing, {second.GetProperty("periodName").GetString()}")
                .And.Contain("Need a decision on the Q1 budget.").And.Contain("## Help and decisions requested");
        }
        finally
        {
            host.Clock.UtcNow = before;
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_schedule_publishes_one_review_per_unit_period_and_instant_however_often_it_runs(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "review-schedule");
        var run = host.Services.GetRequiredService<BusinessReviewRun>();
        var before = host.Clock.UtcNow;
        try
        {
            // Monday 06:30 UTC after the seed's instant: the week's reviews of the active quarter are due.
            var slot = ReviewSchedule.WeeklySlot(before).AddDays(7);
            host.Clock.UtcNow = slot.AddMinutes(30);
            (await run.RunAsync(CancellationToken.None)).Should().BePositive();
            (await run.RunAsync(CancellationToken.None)).Should().Be(0, "a second run (a retry, another replica) finds them published");
            var weekly = await demo.ReadAsync(host, db => db.BusinessReviews.Where(r => r.ScheduledFor == slot).ToListAsync());
            weekly.Should().OnlyContain(r => r.Trigger == ReviewTrigger.Weekly && r.AsOf == slot && r.PeriodId == demo.CurrentPeriodId);
            weekly.Select(r => r.UnitId).Should().OnlyHaveUniqueItems().And.Contain(demo.Units["Acme"]).And.Contain(demo.Units["Marketing"]);

            // Two replicas at once, a week later: still one per unit.
            host.Clock.UtcNow = slot.AddDays(7).AddMinutes(30);
            var both = await Task.WhenAll(run.RunAsync(CancellationToken.None), run.RunAsync(CancellationToken.None));
            var next = await demo.ReadAsync(host, db => db.BusinessReviews.Where(r => r.ScheduledFor == slot.AddDays(7)).ToListAsync());
            next.Select(r => r.UnitId).Should().BeEquivalentTo(weekly.Select(r => r.UnitId));
            next.Should().OnlyContain(r => r.PreviousReviewId != null, "each is compared with the week before");

            // The quarter's end: one review per unit as of midnight after its last day.
            var period = await demo.ReadAsync(host, db => db.Periods.SingleAsync(p => p.Id == demo.CurrentPeriodId));
            var end = new DateTimeOffset(period.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            host.Clock.UtcNow = end.AddHours(1);
            await run.RunAsync(CancellationToken.None);
            await run.RunAsync(CancellationToken.None);
            var quarterEnd = await demo.ReadAsync(host, db => db.BusinessReviews.Where(r => r.Trigger == ReviewTrigger.QuarterEnd).ToListAsync());
            quarterEnd.Should().OnlyContain(r => r.AsOf == end && r.ScheduledFor == end);
            quarterEnd.Select(r => r.UnitId).Should().BeEquivalentTo(weekly.Select(r => r.UnitId));
        }
        finally
        {
            host.Clock.UtcNow = before;
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Only_the_units_leads_and_admins_publish_and_nobody_reads_another_organisations_reviews(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "review-rights");
        using var member = await demo.SignInAsync(host, "member");
        using var lead = await demo.SignInAsync(host, "lead");
        var marketing = demo.Units["Marketing"];
        var productManagement = demo.Units["Product Management"];

        await (await member.PostAsJsonAsync("/api/business-reviews", new { unitId = productManagement, periodId = demo.CurrentPeriodId }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await lead.PostAsJsonAsync("/api/business-reviews", new { unitId = marketing, periodId = demo.CurrentPeriodId }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await lead.PostAsJsonAsync("/api/business-reviews", new { unitId = Guid.NewGuid(), periodId = demo.CurrentPeriodId }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await lead.PostAsJsonAsync("/api/business-reviews", new { periodId = demo.CurrentPeriodId }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "VALIDATION");
        (await demo.ReadAsync(host, db => db.BusinessReviews.CountAsync())).Should().Be(0, "a refused request publishes nothing");

        var id = await GenerateAsync(lead, productManagement, demo.CurrentPeriodId);
        // Everyone in the organisation reads it; only leads and admins may publish.
        (await ReviewAsync(member, id)).GetProperty("unitName").GetString().Should().Be("Product Management");
        (await member.GraphQLAsync(ListQuery, new { unit = productManagement, p = demo.CurrentPeriodId })).ShouldSucceed()
            .GetProperty("businessReviews").GetProperty("viewerCanGenerate").GetBoolean().Should().BeFalse();
        (await lead.GraphQLAsync(ListQuery, new { unit = productManagement, p = demo.CurrentPeriodId })).ShouldSucceed()
            .GetProperty("businessReviews").GetProperty("viewerCanGenerate").GetBoolean().Should().BeTrue();

        using var outsider = await host.OutsiderAsync();
        (await outsider.GraphQLAsync(ReviewQuery, new { id })).ShouldFailWith("NOT_FOUND");
        (await outsider.GraphQLAsync(ListQuery, new { unit = productManagement, p = demo.CurrentPeriodId })).ShouldFailWith("NOT_FOUND");
        await (await outsider.GetAsync($"/api/business-reviews/{id}/markdown")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await outsider.PostAsJsonAsync("/api/business-reviews", new { unitId = productManagement, periodId = demo.CurrentPeriodId }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
