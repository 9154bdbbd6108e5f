using System.Net.Http.Headers;
using System.Net.Http.Json;
using Okr.Application.KeyResults.Dtos;
using Okr.Application.Objectives.Dtos;

namespace Okr.Api.IntegrationTests.Infrastructure;

/// <summary>Requests as a tool sends them: JSON bodies, If-Match, and the OKRs that work hangs on.</summary>
public static class Requests
{
    /// <summary>Sends <paramref name="body"/> (if any) as JSON, with If-Match when <paramref name="ifMatch"/> is given ("\"3\"").</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return client.SendAsync(request);
    }

    /// <summary>A fresh objective of the caller's unit with one key result, so tests hang work on OKRs of their own, not the demo's.</summary>
    public static async Task<(ObjectiveDto Objective, KeyResultDto KeyResult)> OwnKeyResultAsync(this HttpClient client, Demo demo, string unit,
        string visibility = "Public")
    {
        var objective = await (await client.PostAsJsonAsync("/api/objectives", new
        {
            periodId = demo.CurrentPeriodId, owningUnitId = demo.Units[unit], title = "Make onboarding effortless", visibility,
        })).ReadAsync<ObjectiveDto>();
        var keyResult = await (await client.PostAsJsonAsync("/api/key-results", new
        {
            objectiveId = objective.Id, title = "Week-one activation rises", metricKind = "Percentage", direction = "Increase",
            baseline = 20, target = 60, baselineMethod = "Pendo, last 30 days",
        })).ReadAsync<KeyResultDto>();
        return (objective, keyResult);
    }

    /// <summary>A signed-in user with an organisation of their own (Globex), outside the demo.</summary>
    public static async Task<HttpClient> OutsiderAsync(this OkrApiFactory host)
    {
        var outsider = await host.NewUserAsync();
        (await outsider.PostAsJsonAsync("/api/organizations", new { name = "Globex" })).EnsureSuccessStatusCode();
        return outsider;
    }

    /// <summary>Asserts a 400 validation problem whose errors name each of <paramref name="fields"/>.</summary>
    public static async Task ShouldNameFieldsAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ShouldBeProblemAsync(System.Net.HttpStatusCode.BadRequest, "VALIDATION");
        problem.TryGetProperty("errors", out var errors).Should().BeTrue(problem.ToString());
        foreach (var field in fields)
            errors.TryGetProperty(field, out _).Should().BeTrue($"the problem names {field}: {problem}");
    }
}
