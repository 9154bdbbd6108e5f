using System.Net;
using System.Reflection;
using System.Text;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>Depth, complexity and time limits: real queries pass, abusive ones fail with a clear coded error before running.</summary>
[Collection(GraphQLAndFuzzApiTests.Name)]
public sealed class LimitsTests(ApiFixture fixture)
{
    private static string Example(string name) => File.ReadAllText(Path.Combine(
        typeof(LimitsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "docs", "graphql", name + ".graphql"));

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task The_README_examples_an_integration_runs_pass_the_limits(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "numbers");
        using var admin = await demo.SignInAsync(host);
        var asOf = host.Clock.UtcNow.AddDays(-7);

        var tree = (await admin.GraphQLAsync(Example("okr-tree"), new { periodId = demo.CurrentPeriodId })).ShouldSucceed().GetProperty("okrTree");
        tree.GetProperty("units").GetArrayLength().Should().Be(9);
        var dashboard = (await admin.GraphQLAsync(Example("dashboard"), new { periodId = demo.CurrentPeriodId, unitId = demo.Units["Global Sales"] }))
            .ShouldSucceed().GetProperty("dashboard");
        dashboard.GetProperty("stale").GetArrayLength().Should().Be(1);
        var history = (await admin.GraphQLAsync(Example("key-result-history"), new { id = demo.KeyResult("ACV increases"), asOf }))
            .ShouldSucceed().GetProperty("keyResult");
        history.GetProperty("checkIns").GetArrayLength().Should().BeGreaterThan(3);
        var changes = (await admin.GraphQLAsync(Example("objective-history"), new { id = demo.Objective(PrivateDemo.CompanyObjective), first = 20 }))
            .ShouldSucceed().GetProperty("objective").GetProperty("history");
        changes.GetProperty("nodes").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Array);
    }

    [Fact]
    public void The_README_shows_the_example_queries_as_they_are_tested()
    {
        var root = typeof(LimitsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        foreach (var name in new[] { "okr-tree", "dashboard", "key-result-history", "objective-history" })
            readme.Should().Contain(Example(name).ReplaceLineEndings("\n").Trim(), $"README.md shows docs/graphql/{name}.graphql verbatim");
    }

    [Fact]
    public async Task A_deeply_nested_query_is_refused_with_QUERY_TOO_DEEP_before_it_runs()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var admin = await host.SignedInAsync("admin@acme.test");
        var demo = await Demo.LoadAsync(host);
        var nested = new StringBuilder("title");
        for (var i = 0; i < 10; i++)
            nested.Insert(0, "parents { parent { ").Append(" } }");

        var response = await admin.GraphQLAsync($"query Deep($id: ID!) {{ objective(id: $id) {{ {nested} }} }}", new { id = demo.CompanyObjectiveId });

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ShouldFailWith("QUERY_TOO_DEEP");
        response.Errors[0].GetProperty("message").GetString().Should().Contain("at most 15");
        response.Body.TryGetProperty("data", out _).Should().BeFalse();
    }

    [Fact]
    public async Task An_enormous_query_is_refused_with_QUERY_TOO_COMPLEX_before_it_runs()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var admin = await host.SignedInAsync("admin@acme.test");
        var demo = await Demo.LoadAsync(host);
        // Within the guard's limits (20 aliases), but trees of everything: the estimate, not the shape, refuses it.
        var aliases = string.Join("\n", Enumerable.Range(0, 20).Select(i =>
            $"t{i}: okrTree(periodId: $p) {{ units {{ objectives {{ keyResults {{ checkIns {{ value narrative author {{ displayName }} }} }} "
            + "parents { parent { keyResults { checkIns { value narrative } } } } } } }"));

        var response = await admin.GraphQLAsync($"query Huge($p: ID!) {{ {aliases} }}", new { p = demo.CurrentPeriodId });

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ShouldFailWith("QUERY_TOO_COMPLEX");
        response.Errors[0].GetProperty("message").GetString().Should().Contain("at most 500000");

        var legacy = await admin.GraphQLAsync($"query Huge($p: ID!) {{ {aliases} }}", new { p = demo.CurrentPeriodId }, accept: "application/json");
        legacy.Status.Should().Be(HttpStatusCode.OK);
        legacy.ShouldFailWith("QUERY_TOO_COMPLEX");
    }

    [Fact]
    public async Task A_request_that_runs_out_of_time_stops_with_TIMEOUT()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        // A host whose reads of objectives take two seconds, with a timeout of a fifth of that: deterministic.
        await using var slow = host.WithWebHostBuilder(b =>
        {
            b.UseSetting("GraphQL:ExecutionTimeout", "00:00:00.2");
            b.ConfigureTestServices(services => services.ConfigureDbContext<SqliteOkrDbContext>(o => o.AddInterceptors(new SlowObjectiveReads(TimeSpan.FromSeconds(2)))));
        });
        using var admin = slow.CreateClient();
        var login = await admin.PostAsync("/api/auth/login", new StringContent(
            $$"""{"email":"admin@acme.test","password":"{{ApiFixture.DemoPassword}}"}""", Encoding.UTF8, "application/json"));
        var token = System.Text.Json.JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var response = await admin.GraphQLAsync(Example("okr-tree"), new { periodId = demo.CurrentPeriodId });

        response.ShouldFailWith("TIMEOUT");
        response.Status.Should().Be(HttpStatusCode.GatewayTimeout);
        started.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "the request stops at the timeout, not when the work would have ended");
    }

    /// <summary>Reads of objectives wait <paramref name="delay"/> (or until cancelled): deterministic slowness.</summary>
    internal sealed class SlowObjectiveReads(TimeSpan delay) : DbCommandInterceptor
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"Objectives\"", StringComparison.Ordinal))
            {
                Started.TrySetResult();
                try
                {
                    await Task.Delay(delay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Cancelled.TrySetResult();
                    throw;
                }
            }
            return result;
        }
    }
}
