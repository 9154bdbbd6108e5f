using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Okr.Api.GraphQL.Execution;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;
using Xunit.Abstractions;

namespace Okr.Api.IntegrationTests.GraphQL;

/// <summary>
/// The GraphQL abuse suite (issue 9, ADR 0015): every abusive document of the issue, and one at each limit of the
/// document guard, is refused with its code before validation, quickly, and leaves nothing running; the real documents
/// (the SPA's, the README's, the benchmarks', the standard introspection query) pass. Prints cases, failures and times.
/// </summary>
[Collection(GraphQLAndFuzzApiTests.Name)]
public sealed class AbuseTests(ApiFixture fixture, ITestOutputHelper output)
{
    /// <summary>Generous, so a loaded two-core machine cannot make it flake; the printed times are the real figures (milliseconds).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    private static readonly string[] DocumentFolders = ["client/src/graphql", "docs/graphql", "benchmarks"];

    private static string Root => typeof(AbuseTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string IntrospectionQuery => File.ReadAllText(Path.Combine(Root, "tests", "Okr.Api.IntegrationTests", "GraphQL", "introspection-query.graphql"));

    private sealed record Case(string Name, bool SignedIn, string Query, string Code, HttpStatusCode Status = HttpStatusCode.BadRequest, object? Variables = null);

    private static string Repeat(int count, Func<int, string> item, string separator = " ") => string.Join(separator, Enumerable.Range(0, count).Select(item));

    /// <summary>A fragment that spreads the next one twice, <paramref name="levels"/> deep: 2^levels fields from 1.6 KB.</summary>
    public static string SelfDoublingFragments(int levels) =>
        "query { ...F0 } " + Repeat(levels, i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}") + $" fragment F{levels} on Query {{ __typename }}";

    public static string FragmentChain(int length) =>
        "query { ...F0 } " + Repeat(length, i => $"fragment F{i} on Query {{ ...F{i + 1} }}") + $" fragment F{length} on Query {{ __typename }}";

    private static IEnumerable<Case> Cases(Guid periodId)
    {
        // The issue's repros, as filed.
        yield return new("a fragment spreading itself twice, 40 levels deep (1.6 KB, anonymous)", false, SelfDoublingFragments(40), OkrErrorInfoProvider.TooManyFragments);
        yield return new("a chain of 1,000 fragments (anonymous)", false, FragmentChain(1_000), OkrErrorInfoProvider.QueryTooLarge);
        yield return new("a chain of 2,000 fragments (anonymous)", false, FragmentChain(2_000), OkrErrorInfoProvider.QueryTooLarge);
        yield return new("4,000 duplicate __typename (anonymous)", false, "{ " + Repeat(4_000, _ => "__typename") + " }", OkrErrorInfoProvider.QueryTooLarge);
        yield return new("20,000 directives (anonymous)", false, "{ " + Repeat(20_000, _ => "__typename @skip(if: false)") + " }", "PAYLOAD_TOO_LARGE",
            HttpStatusCode.RequestEntityTooLarge);
        yield return new("20,000 duplicate fields (signed in)", true, "{ me { " + Repeat(20_000, _ => "email") + " } }", OkrErrorInfoProvider.QueryTooLarge);
        yield return new("1,000 aliases of okrTree (signed in)", true,
            "query Trees($p: ID!) { " + Repeat(1_000, i => $"t{i}: okrTree(periodId: $p) {{ progress }}") + " }", OkrErrorInfoProvider.QueryTooLarge,
            Variables: new { p = periodId });
        yield return new("selections nested 200 deep (signed in)", true,
            "{ " + Repeat(200, _ => "me {", "") + " email " + new string('}', 200) + " }", OkrErrorInfoProvider.QueryTooDeep);
        yield return new("an argument nested 200 deep (signed in)", true,
            "{ objectives(filter: " + Repeat(200, _ => "{ text: ", "") + "\"x\"" + new string('}', 200) + ") { totalCount } }", OkrErrorInfoProvider.QueryTooDeep);

        // One document at each limit.
        yield return new("a document over 32 KB (a comment)", false, "# " + new string('x', 40_000) + "\n{ __typename }", OkrErrorInfoProvider.QueryTooLarge);
        yield return new("6,000 tokens in 12 KB", true, "{ " + Repeat(6_000, _ => "a") + " }", OkrErrorInfoProvider.QueryTooLarge);
        yield return new("51 fragment definitions", false, FragmentChain(50), OkrErrorInfoProvider.TooManyFragments);
        yield return new("fragments spreading each other in a cycle", false,
            "{ ...A } fragment A on Query { __typename ...B } fragment B on Query { ...C } fragment C on Query { ...A }", OkrErrorInfoProvider.FragmentCycle);
        yield return new("a fragment spreading itself", false, "{ ...A } fragment A on Query { ...A }", OkrErrorInfoProvider.FragmentCycle);
        yield return new("a second fragment of the same name carrying 4,900 fields (anonymous)", false,
            "{ __typename } fragment A on Query { __typename } fragment A on Query { " + Repeat(4_900, _ => "a") + " }", OkrErrorInfoProvider.DuplicateFragment);
        yield return new("51 directives on a fragment definition and variables", false,
            "query Q($v: Int " + Repeat(26, _ => "@skip(if: false)") + ") { ...F } fragment F on Query " + Repeat(25, _ => "@skip(if: false)") + " { __typename }",
            OkrErrorInfoProvider.TooManyDirectives);
        yield return new("101 fragment spreads once expanded", false,
            "{ ...A } fragment A on Query { " + Repeat(101, _ => "...B") + " } fragment B on Query { __typename }", OkrErrorInfoProvider.TooManyFragments);
        yield return new("1,001 fields", true, "{ " + Repeat(1_001, i => $"f{i}") + " }", OkrErrorInfoProvider.TooManyFields);
        yield return new("2,400 fields once a 120-field fragment is spread 20 times", true,
            "{ " + Repeat(20, i => $"a{i}: me {{ ...F }}") + " } fragment F on Me { " + Repeat(120, i => $"f{i}") + " }", OkrErrorInfoProvider.TooManyFields);
        yield return new("11 duplicate __typename", false, "{ " + Repeat(11, _ => "__typename") + " }", OkrErrorInfoProvider.TooManyFields);
        yield return new("a field repeated 11 times through fragments", true,
            "{ me { ...A ...B ...C } } fragment A on Me { " + Repeat(4, _ => "email") + " } fragment B on Me { " + Repeat(4, _ => "email")
            + " } fragment C on Me { " + Repeat(3, _ => "email") + " }", OkrErrorInfoProvider.TooManyFields);
        yield return new("a field repeated 25 times under a field repeated 5 times (merged as execution merges them)", true,
            "{ " + Repeat(5, _ => "me { " + Repeat(5, _ => "email") + " }") + " }", OkrErrorInfoProvider.TooManyFields);
        yield return new("21 aliases of okrTree", true,
            "query Trees($p: ID!) { " + Repeat(21, i => $"t{i}: okrTree(periodId: $p) {{ progress }}") + " }", OkrErrorInfoProvider.TooManyAliases,
            Variables: new { p = periodId });
        yield return new("51 directives", false, "{ __typename " + Repeat(51, _ => "@skip(if: false)") + " }", OkrErrorInfoProvider.TooManyDirectives);
        yield return new("51 directives once a fragment is expanded", true,
            "{ " + Repeat(17, i => $"a{i}: me {{ ...F }}") + " } fragment F on Me { email @include(if: true) @skip(if: false) @include(if: true) }", OkrErrorInfoProvider.TooManyDirectives);
        yield return new("16 levels of fields", true,
            "{ __schema { types { fields { type { " + Repeat(11, _ => "ofType {", "") + " name " + new string('}', 11) + " } } } } }", OkrErrorInfoProvider.QueryTooDeep);
        yield return new("16 levels once fragments are expanded", true,
            "{ __schema { types { ...T } } } fragment T on __Type { ofType { ...U } } fragment U on __Type { " + Repeat(12, _ => "ofType {", "") + " name "
            + new string('}', 12) + " }", OkrErrorInfoProvider.QueryTooDeep);
        yield return new("introspection nesting fields three times (signed in)", true,
            "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }", OkrErrorInfoProvider.IntrospectionLimit);
        yield return new("introspection nesting fields three times (anonymous)", false,
            "{ __type(name: \"Query\") { fields { type { interfaces { possibleTypes { name } } } } } }", OkrErrorInfoProvider.IntrospectionLimit);
        yield return new("an anonymous alias of __schema", false, "{ a: __schema { queryType { name } } }", OkrErrorInfoProvider.IntrospectionLimit);
        yield return new("an anonymous introspection of 360 fields", false,
            "{ __schema { types { ...T } } } fragment T on __Type { " + Repeat(10, _ => "fields { name description type { name kind ofType { name kind } } }")
            + " " + Repeat(10, _ => "enumValues { name description isDeprecated deprecationReason }")
            + " " + Repeat(10, _ => "interfaces { name kind ofType { name kind } }") + " " + Repeat(10, _ => "possibleTypes { name kind ofType { name kind } }")
            + " " + Repeat(10, _ => "inputFields { name description type { name kind ofType { name kind } } defaultValue }") + " }", OkrErrorInfoProvider.IntrospectionLimit);
    }

    [Fact]
    public async Task Every_abusive_document_is_refused_with_its_code_before_validation_quickly()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        using var anonymous = host.CreateClient();
        using var admin = await host.SignedInAsync("admin@acme.test");
        (await admin.GraphQLAsync("{ __typename }")).ShouldSucceed(); // warm up: the first request builds the schema
        (await anonymous.GraphQLAsync("{ __typename }")).ShouldSucceed();

        var cases = Cases(demo.CurrentPeriodId).ToList();
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        foreach (var @case in cases)
        {
            var client = @case.SignedIn ? admin : anonymous;
            var started = Stopwatch.StartNew();
            var response = await client.GraphQLAsync(@case.Query, @case.Variables);
            var elapsed = started.Elapsed;
            slowest = elapsed > slowest ? elapsed : slowest;
            var codes = response.ErrorCodes;
            var problems = new List<string>();
            if (response.Status != @case.Status)
                problems.Add($"status {(int)response.Status}, expected {(int)@case.Status}");
            if (!codes.Contains(@case.Code))
                problems.Add($"codes [{string.Join(", ", codes)}], expected {@case.Code}");
            if (response.HasData)
                problems.Add("it ran (data present)");
            if (elapsed > Bound)
                problems.Add($"took {elapsed.TotalMilliseconds:0} ms");
            output.WriteLine($"{(problems.Count == 0 ? "ok  " : "FAIL")} {elapsed.TotalMilliseconds,7:0.0} ms  {@case.Code,-20} {@case.Name} ({Encoding.UTF8.GetByteCount(@case.Query):N0} bytes)"
                + (problems.Count == 0 ? "" : ": " + string.Join("; ", problems)));
            if (problems.Count > 0)
                failures.Add($"{@case.Name}: {string.Join("; ", problems)} — {Truncate(response.Text)}");
        }
        output.WriteLine($"GraphQL abuse suite: {cases.Count} cases, {failures.Count} failures, slowest {slowest.TotalMilliseconds:0} ms");

        // Nothing was left running: an ordinary query answers at once.
        (await admin.GraphQLAsync("query P { periods { id } }")).ShouldSucceed();
        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task Documents_just_within_the_limits_are_validated_and_answered_quickly()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var admin = await host.SignedInAsync("admin@acme.test");
        (await admin.GraphQLAsync("{ __typename }")).ShouldSucceed();
        var documents = new (string Name, string Query, string? Code)[]
        {
            ("1,000 distinct fields, unknown to the schema", "{ " + Repeat(1_000, i => $"f{i}") + " }", "GRAPHQL_VALIDATION_FAILED"),
            ("20 aliases of a 49-field fragment", "{ " + Repeat(20, i => $"a{i}: me {{ ...F }}") + " } fragment F on Me { " + Repeat(49, i => $"f{i}") + " }",
                "GRAPHQL_VALIDATION_FAILED"),
            ("every field repeated 10 times, 15 levels deep", "{ " + Repeat(10, _ => "__schema { types { fields { type { " + Repeat(10, _ => "ofType {", "") + " name "
                + new string('}', 10) + " } } } }") + " }", null),
            ("100 fragment spreads, 50 fragments", "{ " + Repeat(50, i => $"...F{i} ...F{i}") + " } "
                + Repeat(50, i => $"fragment F{i} on Query {{ f{i} }}"), "GRAPHQL_VALIDATION_FAILED"),
            ("the introspection query, anonymous-sized, signed in", IntrospectionQuery, null),
        };
        var slowest = TimeSpan.Zero;
        foreach (var (name, query, code) in documents)
        {
            var started = Stopwatch.StartNew();
            var response = await admin.GraphQLAsync(query);
            var elapsed = started.Elapsed;
            slowest = elapsed > slowest ? elapsed : slowest;
            output.WriteLine($"{elapsed.TotalMilliseconds,7:0.0} ms  {(code ?? "answered"),-26} {name} ({query.Length:N0} characters)");
            if (code is null)
                response.ShouldSucceed();
            else
                response.ShouldFailWith(code);
            elapsed.Should().BeLessThan(Bound, name);
        }
        output.WriteLine($"Within the limits: {documents.Length} documents validated, slowest {slowest.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task The_legacy_media_type_gets_the_same_refusal_with_200()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var anonymous = host.CreateClient();

        var response = await anonymous.GraphQLAsync(SelfDoublingFragments(40), accept: "application/json");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.ShouldFailWith(OkrErrorInfoProvider.TooManyFragments);
        response.Errors[0].GetProperty("message").GetString().Should().Contain("at most 100");
        response.HasData.Should().BeFalse();
    }

    [Fact]
    public async Task A_GET_with_an_oversized_document_is_refused_with_QUERY_TOO_LARGE()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var anonymous = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ " + Repeat(4_000, _ => "__typename") + " }"));
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponseMediaType);

        var response = await GraphQLClient.ReadAsync(await anonymous.SendAsync(request));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ShouldFailWith(OkrErrorInfoProvider.QueryTooLarge);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_without_being_read_whole()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var anonymous = host.CreateClient();
        var body = "{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + new string('x', 300_000) + "\"}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd(GraphQLClient.GraphQLResponseMediaType);

        var response = await GraphQLClient.ReadAsync(await anonymous.SendAsync(request));

        response.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.ShouldFailWith("PAYLOAD_TOO_LARGE");
    }

    [Fact]
    public async Task The_standard_introspection_query_runs_signed_in_and_anonymous()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        using var anonymous = host.CreateClient();
        using var admin = await host.SignedInAsync("admin@acme.test");

        foreach (var client in new[] { anonymous, admin })
        {
            var schema = (await client.GraphQLAsync(IntrospectionQuery)).ShouldSucceed().GetProperty("__schema");
            schema.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Should().Contain(["Query", "Objective", "KeyResult"]);
        }
    }

    [Fact]
    public void Every_real_document_passes_the_guard_with_room_to_spare()
    {
        var guard = new DocumentGuard(new GraphQLLimits());
        var documents = DocumentFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.graphql", SearchOption.AllDirectories))
            .Where(path => !path.Contains("node_modules", StringComparison.Ordinal) && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Name: Path.GetRelativePath(Root, path), Text: File.ReadAllText(path)))
            .Append(("the standard introspection query", IntrospectionQuery))
            .ToList();
        documents.Count.Should().BeGreaterThan(10);

        foreach (var (name, text) in documents)
        {
            guard.CheckText(text, default).Should().BeNull(name);
            var (document, refusal, syntax) = DocumentGuard.Parse(text);
            (refusal, syntax).Should().Be((null, null), name);
            var (cost, shapeRefusal) = guard.Measure(document!, default);
            shapeRefusal.Should().BeNull(name);
            output.WriteLine($"{name}: {text.Length:N0} characters, {cost.Fields} fields, {cost.Aliases} aliases, {cost.Fragments} fragments used, "
                + $"{cost.Directives} directives, depth {cost.Depth} (once fragments are expanded)");
        }
        guard.Measure(DocumentGuard.Parse(IntrospectionQuery).Document!, default).Operations.Fields.Should()
            .BeLessThan(new GraphQLLimits().AnonymousMaxFields, "an anonymous client can introspect before signing in");
    }

    [Fact]
    public void The_guard_measures_a_fragment_spread_2_to_the_100_times_in_microseconds()
    {
        var unbounded = new GraphQLLimits
        {
            MaxQueryLength = int.MaxValue, MaxTokens = int.MaxValue, MaxFragments = int.MaxValue, MaxFragmentSpreads = int.MaxValue, MaxFields = int.MaxValue,
        };
        var document = DocumentGuard.Parse(SelfDoublingFragments(100)).Document!;

        var started = Stopwatch.StartNew();
        var (_, refusal) = new DocumentGuard(unbounded).Measure(document, default);
        var elapsed = started.Elapsed;

        output.WriteLine($"measured in {elapsed.TotalMilliseconds:0.000} ms: {refusal?.Message}");
        refusal!.Code.Should().Be(OkrErrorInfoProvider.TooManyFragments);
        elapsed.Should().BeLessThan(Bound);
        var saturated = new DocumentGuard.Cost(long.MaxValue, 0, 0, long.MaxValue - 1, 1, 0);
        saturated.Plus(saturated, 1).Should().Be(new DocumentGuard.Cost(long.MaxValue, 0, 0, long.MaxValue, 2, 0), "2^101 saturates instead of overflowing");
    }

    [Fact]
    public void A_chain_of_fragments_as_long_as_the_limits_allow_is_measured_without_recursion()
    {
        var limits = new GraphQLLimits { MaxQueryLength = int.MaxValue, MaxTokens = int.MaxValue, MaxFragments = int.MaxValue, MaxFragmentSpreads = int.MaxValue, MaxDepth = int.MaxValue };
        var guard = new DocumentGuard(limits);
        var document = DocumentGuard.Parse(FragmentChain(20_000)).Document!;

        var started = Stopwatch.StartNew();
        var (cost, refusal) = guard.Measure(document, default);

        output.WriteLine($"a chain of 20,000 fragments measured in {started.Elapsed.TotalMilliseconds:0} ms");
        refusal.Should().BeNull();
        cost.Fragments.Should().Be(20_001);
        cost.Fields.Should().Be(1);
    }

    [Fact]
    public async Task A_cancelled_request_stops_its_work()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var demo = await Demo.LoadAsync(host);
        var interceptor = new LimitsTests.SlowObjectiveReads(TimeSpan.FromSeconds(30));
        await using var slow = host.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.ConfigureDbContext<SqliteOkrDbContext>(o => o.AddInterceptors(interceptor))));
        using var admin = slow.CreateClient();
        var login = await admin.PostAsJsonAsync("/api/auth/login", new { email = "admin@acme.test", password = ApiFixture.DemoPassword });
        var token = System.Text.Json.JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var cancel = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "query T($p: ID!) { okrTree(periodId: $p) { units { objectives { title } } } }", variables = new { p = demo.CurrentPeriodId } }),
        };
        var sending = admin.SendAsync(request, cancel.Token);
        (await Task.WhenAny(interceptor.Started.Task, Task.Delay(TimeSpan.FromSeconds(20)))).Should().Be(interceptor.Started.Task, "the query reached the database");
        var started = Stopwatch.StartNew();
        await cancel.CancelAsync();

        (await Task.WhenAny(interceptor.Cancelled.Task, Task.Delay(TimeSpan.FromSeconds(10)))).Should().Be(interceptor.Cancelled.Task,
            "the client's cancellation reaches the database command");
        output.WriteLine($"the database read stopped {started.Elapsed.TotalMilliseconds:0} ms after the client cancelled");
        await FluentActions.Awaiting(() => sending).Should().ThrowAsync<OperationCanceledException>();
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
