using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.KeyResults.Dtos;
using Okr.Application.Objectives.Dtos;
using Okr.Infrastructure.Persistence.Idempotency;
using Okr.Infrastructure.Persistence.Providers;

namespace Okr.Api.IntegrationTests;

/// <summary>Idempotency-Key on POST, with Stripe's semantics (ADR 0027).</summary>
[Collection(ApiTests.Name)]
public sealed class IdempotencyTests(ApiFixture fixture)
{
    private static async Task<Guid> ActiveKeyResultAsync(HttpClient admin, PrivateDemo demo)
    {
        var objective = await (await admin.PostAsJsonAsync("/api/objectives", new
        {
            periodId = demo.CurrentPeriodId, owningUnitId = demo.Units["Product Management"], title = $"Retry safely {Guid.NewGuid():N}",
        })).ReadAsync<ObjectiveDto>();
        var keyResult = await (await admin.PostAsJsonAsync("/api/key-results", new { objectiveId = objective.Id, title = "Safe retries rise", baseline = 0, target = 10 }))
            .ReadAsync<KeyResultDto>();
        (await admin.PostAsync($"/api/objectives/{objective.Id}/activate", null)).EnsureSuccessStatusCode();
        return keyResult.Id;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task The_same_key_and_body_replays_the_first_answer_and_stores_one_check_in()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await PrivateDemo.GetAsync(host, "idempotency");
        using var admin = await demo.SignInAsync(host);
        var keyResultId = await ActiveKeyResultAsync(admin, demo);
        var key = Guid.NewGuid().ToString();
        var body = new { value = 3, confidence = 7, narrative = "Retried by the network." };

        var first = await PostAsync(admin, $"/api/key-results/{keyResultId}/check-ins", body, key);
        var second = await PostAsync(admin, $"/api/key-results/{keyResultId}/check-ins", body, key);

        first.StatusCode.Should().Be(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        first.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        second.StatusCode.Should().Be(HttpStatusCode.Created);
        second.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        second.Headers.Location.Should().Be(first.Headers.Location);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        (await demo.ReadAsync(host, db => db.CheckIns.CountAsync(c => c.KeyResultId == keyResultId))).Should().Be(1);

        // After 24 hours the key is forgotten: the request runs again.
        await host.WithDbAsync(db => db.IdempotencyRecords.Where(r => r.Key == key)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.CreatedAt, host.Clock.UtcNow.AddHours(-25))));
        var later = await PostAsync(admin, $"/api/key-results/{keyResultId}/check-ins", body, key);
        later.StatusCode.Should().Be(HttpStatusCode.Created);
        later.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        (await demo.ReadAsync(host, db => db.CheckIns.CountAsync(c => c.KeyResultId == keyResultId))).Should().Be(2);
    }

    [Fact]
    public async Task An_empty_key_is_no_key_each_request_runs()
    {
        // The SPA's generated client sends the optional header empty when it has no key.
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await PrivateDemo.GetAsync(host, "idempotency");
        using var admin = await demo.SignInAsync(host);
        var keyResultId = await ActiveKeyResultAsync(admin, demo);
        var body = new { value = 3, confidence = 7, narrative = "No key." };

        (await PostAsync(admin, $"/api/key-results/{keyResultId}/check-ins", body, "")).StatusCode.Should().Be(HttpStatusCode.Created);
        var second = await PostAsync(admin, $"/api/key-results/{keyResultId}/check-ins", body, "");
        second.StatusCode.Should().Be(HttpStatusCode.Created);
        second.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        (await demo.ReadAsync(host, db => db.CheckIns.CountAsync(c => c.KeyResultId == keyResultId))).Should().Be(2);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_changes_nothing()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await PrivateDemo.GetAsync(host, "idempotency");
        using var admin = await demo.SignInAsync(host);
        var keyResultId = await ActiveKeyResultAsync(admin, demo);
        var key = Guid.NewGuid().ToString();

        (await PostAsync(admin, $"/api/key-results/{keyResultId}/check-ins", new { value = 3, confidence = 7, narrative = "First." }, key))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var other = await PostAsync(admin, $"/api/key-results/{keyResultId}/check-ins", new { value = 9, confidence = 7, narrative = "Other." }, key);

        await other.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
        (await demo.ReadAsync(host, db => db.CheckIns.CountAsync(c => c.KeyResultId == keyResultId))).Should().Be(1);
    }

    [Fact]
    public async Task A_key_whose_first_request_is_still_running_answers_409()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await PrivateDemo.GetAsync(host, "idempotency");
        using var admin = await demo.SignInAsync(host);
        var keyResultId = await ActiveKeyResultAsync(admin, demo);
        var key = Guid.NewGuid().ToString();
        var body = new { value = 5, confidence = 6, narrative = "Concurrent." };

        // Many at once with one key: one runs; each other one is either refused with 409 (while it runs) or replays it.
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(admin, $"/api/key-results/{keyResultId}/check-ins", body, key)));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created && !a.Headers.Contains("Idempotent-Replayed")).Should().Be(1);
        foreach (var answer in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
            await answer.ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency.in_progress");
        (await demo.ReadAsync(host, db => db.CheckIns.CountAsync(c => c.KeyResultId == keyResultId))).Should().Be(1);

        // Deterministically: a claim with no answer yet (a request running on another replica) makes the next one 409.
        var running = Guid.NewGuid().ToString();
        var claimed = await host.Services.GetRequiredService<IdempotencyStore>().ClaimAsync(
            await host.WithDbAsync(db => db.Users.Where(u => u.Email == $"{demo.Prefix}admin@acme.test").Select(u => u.Id).SingleAsync()),
            demo.OrganizationId, running, "whatever", CancellationToken.None);
        claimed.Should().BeOfType<IdempotencyClaim.Claimed>();
        var blocked = await PostAsync(admin, $"/api/key-results/{keyResultId}/check-ins", body, running);
        await blocked.ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency.in_progress");
        (await demo.ReadAsync(host, db => db.CheckIns.CountAsync(c => c.KeyResultId == keyResultId))).Should().Be(1);
    }

    [Fact]
    public async Task Another_callers_same_key_is_independent()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await PrivateDemo.GetAsync(host, "idempotency");
        using var admin = await demo.SignInAsync(host);
        using var lead = await demo.SignInAsync(host, "lead");
        var keyResultId = await ActiveKeyResultAsync(admin, demo);
        var key = Guid.NewGuid().ToString();
        var body = new { value = 2, confidence = 7, narrative = "Same words, two people." };

        var mine = await PostAsync(admin, $"/api/key-results/{keyResultId}/check-ins", body, key);
        var theirs = await PostAsync(lead, $"/api/key-results/{keyResultId}/check-ins", body, key);

        mine.StatusCode.Should().Be(HttpStatusCode.Created);
        theirs.StatusCode.Should().Be(HttpStatusCode.Created, await theirs.Content.ReadAsStringAsync());
        theirs.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        (await demo.ReadAsync(host, db => db.CheckIns.CountAsync(c => c.KeyResultId == keyResultId))).Should().Be(2);
    }
}
