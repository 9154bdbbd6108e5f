using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>People, invitations, the whole unit subtree and the versions an admin screen needs, on a private copy of the demo.</summary>
[Collection(GraphQLAndFuzzApiTests.Name)]
public sealed class DirectoryTests(ApiFixture fixture)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Everyone_in_the_organisation_is_listed_by_name_and_can_be_searched(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "directory");
        using var member = await demo.SignInAsync(host, "member");

        var data = (await member.GraphQLAsync("""
            { people { displayName email role isActive version } lee: people(search: "LEE") { displayName } }
            """)).ShouldSucceed();

        var people = data.GetProperty("people").EnumerateArray().ToList();
        // Several copies of the demo live in this database with the same names: only this organisation's count.
        people.Should().HaveCount(Okr.Infrastructure.Seeding.DemoOrganization.Users.Count);
        people.Select(p => p.GetProperty("displayName").GetString()).Should().BeInAscendingOrder(StringComparer.OrdinalIgnoreCase);
        people.Should().OnlyContain(p => p.GetProperty("version").GetInt64() >= 1);
        data.GetProperty("lee").EnumerateArray().Select(p => p.GetProperty("displayName").GetString()).Should().Equal("Lee Lead");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Admins_see_invitations_with_their_state_and_members_are_refused(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "directory");
        using var admin = await demo.SignInAsync(host);
        var email = $"new-{Guid.NewGuid():N}@example.com";
        var invited = await admin.PostAsJsonAsync("/api/invitations", new { email, role = "Member" });
        invited.StatusCode.Should().Be(HttpStatusCode.Created);
        var invitationId = JsonDocument.Parse(await invited.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        const string query = "query($pending: Boolean) { invitations(pendingOnly: $pending) { id email role state invitedBy { displayName } } }";
        var pending = (await admin.GraphQLAsync(query, new { pending = true })).ShouldSucceed().GetProperty("invitations").EnumerateArray().ToList();
        pending.Should().ContainSingle(i => i.GetProperty("email").GetString() == email)
            .Which.GetProperty("state").GetString().Should().Be("PENDING");

        (await admin.DeleteAsync($"/api/invitations/{invitationId}")).IsSuccessStatusCode.Should().BeTrue();
        var all = (await admin.GraphQLAsync(query, new { pending = false })).ShouldSucceed().GetProperty("invitations").EnumerateArray().ToList();
        all.Single(i => i.GetProperty("email").GetString() == email).GetProperty("state").GetString().Should().Be("REVOKED");
        (await admin.GraphQLAsync(query, new { pending = true })).ShouldSucceed().GetProperty("invitations").EnumerateArray()
            .Should().NotContain(i => i.GetProperty("email").GetString() == email);

        using var member = await demo.SignInAsync(host, "member");
        (await member.GraphQLAsync(query, new { pending = true })).ShouldFailWith("FORBIDDEN");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task A_unit_lists_its_whole_subtree_and_every_record_carries_the_version_REST_expects(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "directory");
        using var admin = await demo.SignInAsync(host);

        var data = (await admin.GraphQLAsync("""
            query($pm: ID!) {
              organization { id version company { descendants { name } } }
              periods(kind: QUARTER) { id version }
              orgUnit(id: $pm) { version descendants { name } }
            }
            """, new { pm = demo.Units["Product Management"] })).ShouldSucceed();

        data.GetProperty("organization").GetProperty("company").GetProperty("descendants").EnumerateArray()
            .Select(u => u.GetProperty("name").GetString()).Should().HaveCount(demo.Units.Count - 1).And.NotContain("Acme");
        data.GetProperty("orgUnit").GetProperty("descendants").EnumerateArray().Select(u => u.GetProperty("name").GetString())
            .Should().BeEquivalentTo("Product Engineering", "Product Success");

        var quarter = data.GetProperty("periods")[0];
        (await admin.GetAsync($"/api/periods/{quarter.GetProperty("id").GetString()}")).Headers.ETag!.Tag
            .Should().Be($"\"{quarter.GetProperty("version").GetInt64()}\"");

        var organization = data.GetProperty("organization");
        var rest = await admin.GetAsync($"/api/organizations/{organization.GetProperty("id").GetString()}");
        rest.Headers.ETag!.Tag.Should().Be($"\"{organization.GetProperty("version").GetInt64()}\"");
    }
}
