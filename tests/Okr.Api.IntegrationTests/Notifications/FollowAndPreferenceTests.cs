using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Application.Objectives.Dtos;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.Notifications;

/// <summary>Following objectives and choosing channels per kind of notification (ADR 0028), over REST and GraphQL.</summary>
[Collection(ApiTests.Name)]
public sealed class FollowAndPreferenceTests(ApiFixture fixture)
{
    private const string Following = "query($id: ID!) { objective(id: $id) { isFollowedByMe followerCount } }";

    private static async Task<(bool Mine, int Count)> FollowingAsync(HttpClient client, Guid objectiveId)
    {
        var objective = (await client.GraphQLAsync(Following, new { id = objectiveId })).ShouldSucceed().GetProperty("objective");
        return (objective.GetProperty("isFollowedByMe").GetBoolean(), objective.GetProperty("followerCount").GetInt32());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Following_and_unfollowing_are_idempotent_and_counted(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "follow");
        using var lead = await demo.SignInAsync(host, "lead");
        using var jorge = await demo.SignInAsync(host, "jorge");
        using var dana = await demo.SignInAsync(host, "dana");
        var objective = await (await lead.PostAsJsonAsync("/api/objectives", new
        {
            periodId = demo.CurrentPeriodId, owningUnitId = demo.Units["Product Management"], title = "Make onboarding effortless",
        })).ReadAsync<ObjectiveDto>();

        (await FollowingAsync(jorge, objective.Id)).Should().Be((false, 0));
        for (var i = 0; i < 2; i++)
            (await jorge.PutAsync($"/api/objectives/{objective.Id}/follow", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await dana.PutAsync($"/api/objectives/{objective.Id}/follow", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await FollowingAsync(jorge, objective.Id)).Should().Be((true, 2), "following twice is following once");
        (await FollowingAsync(lead, objective.Id)).Should().Be((false, 2));

        for (var i = 0; i < 2; i++)
            (await jorge.DeleteAsync($"/api/objectives/{objective.Id}/follow")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await FollowingAsync(jorge, objective.Id)).Should().Be((false, 1));

        await (await jorge.PutAsync($"/api/objectives/{Guid.NewGuid()}/follow", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await jorge.DeleteAsync($"/api/objectives/{Guid.NewGuid()}/follow")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        using var outsider = await host.OutsiderAsync();
        await (await outsider.PutAsync($"/api/objectives/{objective.Id}/follow", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_restricted_objective_cannot_be_followed_from_outside_it(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "follow");
        using var lead = await demo.SignInAsync(host, "lead");
        using var member = await demo.SignInAsync(host, "member");
        var restricted = await (await lead.PostAsJsonAsync("/api/objectives", new
        {
            periodId = demo.CurrentPeriodId, owningUnitId = demo.Units["Product Management"], title = "Pricing experiment", visibility = "Restricted",
        })).ReadAsync<ObjectiveDto>();
        await (await member.PutAsync($"/api/objectives/{restricted.Id}/follow", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Preferences_start_at_the_defaults_and_keep_what_each_person_chose(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "preferences");
        using var nina = await demo.SignInAsync(host, "nina");
        using var lee = await demo.SignInAsync(host, "lead");
        const string query = "{ me { notificationPreferences { kind inApp email isDefault } } }";
        async Task<Dictionary<string, (bool InApp, bool Email, bool IsDefault)>> ReadAsync(HttpClient client) =>
            (await client.GraphQLAsync(query)).ShouldSucceed().GetProperty("me").GetProperty("notificationPreferences").EnumerateArray()
                .ToDictionary(p => p.GetProperty("kind").GetString()!, p => (p.GetProperty("inApp").GetBoolean(), p.GetProperty("email").GetBoolean(),
                    p.GetProperty("isDefault").GetBoolean()));

        var defaults = await ReadAsync(nina);
        defaults.Keys.Should().BeEquivalentTo("REMINDER", "MENTION", "COMMENT", "STATUS_CHANGED", "ALIGNED", "GRADED");
        defaults.Values.Should().OnlyContain(p => p.InApp && p.IsDefault, "everything is in the app until a person chooses");
        defaults["MENTION"].Email.Should().BeTrue();
        defaults["COMMENT"].Email.Should().BeFalse();

        var changed = await nina.SendJsonAsync(HttpMethod.Put, "/api/people/me/notification-preferences", new
        {
            preferences = new[] { new { kind = "COMMENT", inApp = false, email = true }, new { kind = "REMINDER", inApp = true, email = false } },
        });
        changed.StatusCode.Should().Be(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var answered = (await changed.ReadAsync<JsonElement>()).EnumerateArray().ToDictionary(p => p.GetProperty("kind").GetString()!, p => p.GetProperty("email").GetBoolean());
        answered["COMMENT"].Should().BeTrue();
        var mine = await ReadAsync(nina);
        mine["COMMENT"].Should().Be((false, true, false));
        mine["REMINDER"].Should().Be((true, false, false));
        mine["MENTION"].Should().Be(defaults["MENTION"], "kinds left out keep what they had");
        (await ReadAsync(lee))["COMMENT"].Should().Be(defaults["COMMENT"], "one person's choice is theirs alone");

        await (await nina.SendJsonAsync(HttpMethod.Put, "/api/people/me/notification-preferences", new
        {
            preferences = new[] { new { kind = "COMMENT", inApp = true, email = true }, new { kind = "COMMENT", inApp = false, email = false } },
        })).ShouldNameFieldsAsync("preferences");
        (await ReadAsync(nina))["COMMENT"].Should().Be((false, true, false), "a refused change changes nothing");
    }
}
