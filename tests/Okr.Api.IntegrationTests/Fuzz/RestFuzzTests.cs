using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Okr.Api.IntegrationTests.Infrastructure;
using Okr.Infrastructure.Persistence.Providers;
using Okr.Testing;
using Xunit.Abstractions;

namespace Okr.Api.IntegrationTests.Fuzz;

/// <summary>
/// Every REST operation of openapi.json, read at run time: a valid request built from its schemas (ids of real entities
/// of the fuzz's own organisation), then the same request broken field by field (missing, null, wrong type, oversized,
/// NUL and control characters, zero-width, huge numbers) and as a whole (malformed JSON, duplicate keys, wrong
/// Content-Type, empty body, unknown ids, stale If-Match, anonymous). See <see cref="FuzzSettings"/> for the long mode.
/// </summary>
[Collection(GraphQLAndFuzzApiTests.Name)]
public sealed class RestFuzzTests(ApiFixture fixture, ITestOutputHelper output)
{
    /// <summary>Statuses any operation may answer whatever its description lists: the transport's, not the operation's.</summary>
    private static readonly int[] TransportStatuses = [413, 415, 429];

    /// <summary>Statuses the server answers that openapi.json does not list yet, for the contract to catch up: none.</summary>
    private static readonly HashSet<(string Operation, int Status)> KnownUndocumented = [];

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Every_operation_answers_bad_input_with_a_4xx_problem_naming_the_field_and_changes_nothing(DatabaseProvider provider)
    {
        var settings = FuzzSettings.FromEnvironment();
        var host = await fixture.HostAsync(provider);
        var demo = await PrivateDemo.GetAsync(host, "fuzz");
        var targets = await FuzzTargets.LoadAsync(host, demo);
        using var admin = await demo.SignInAsync(host);
        using var anonymous = host.CreateClient();
        var contract = OpenApiCases.Load(targets.ForField);
        var report = new FuzzReport("REST", provider.ToString(), settings, Asserted);
        var clock = Stopwatch.StartNew();

        var changes = await ChangesAsync(host, demo);
        foreach (var operation in contract.Operations())
        {
            var cases = contract.Cases(operation);
            var chosen = settings.Sample(cases, operation.Id, always: 1);
            report.Operation(cases.Count, chosen.Count);
            // The sign-in endpoints run as a user of their own: a logout or a changed password must not sign the admin out.
            using var own = operation.IsSignIn ? await host.NewUserAsync() : null;
            var baselineRefused = false;
            foreach (var @case in chosen)
            {
                var client = @case.Anonymous || operation.Path is "/api/auth/register" or "/api/auth/login" ? anonymous : own ?? admin;
                using var response = await client.SendAsync(Request(operation, @case, targets));
                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                var where = $"{operation.Id} [{@case.Name}]";
                // The sign-in endpoints are ASP.NET Core Identity's (MapIdentityApi): what they answer is reported apart.
                var fail = (string kind, string detail) => report.Fail(operation.IsSignIn ? "sign-in: " + kind : kind, where, detail);
                if (@case.Name == "valid")
                    baselineRefused = status == 400;
                report.Answered(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (!operation.Documented.Contains(status) && !TransportStatuses.Contains(status))
                {
                    report.Undocumented(operation.Id, status);
                    if (status < 500 && !KnownUndocumented.Contains((operation.Id, status)))
                        fail("status not in the contract", $"{status} {text}");
                }

                var now = await ChangesAsync(host, demo);
                if (status >= 500)
                    fail("5xx", $"{status} {text}");
                else if (status >= 400)
                {
                    Judge(fail, baselineRefused ? @case with { Field = null } : @case, response, text);
                    if (now != changes)
                        fail("refused but changed something", $"{status}: {now - changes} audit events");
                }
                else if (@case.LeavesOutRequired)
                    fail("contract: a required field may be left out", $"{status}");
                else if (!@case.MayBeValid)
                    fail("bad input accepted", $"{status} {text}");
                changes = now;
            }
        }

        output.WriteLine(report.Summary(clock.Elapsed));
        report.WriteFile();
        report.Failures.Should().BeEmpty(report.Summary(clock.Elapsed));
    }

    /// <summary>
    /// Whether this test fails on a kind of failure: every kind, the sign-in endpoints' included (their input is checked
    /// before Identity runs, ADR 0016/0017), but what the contract says beyond what the server does, which is reported
    /// (see docs/decisions/0017).
    /// </summary>
    private static bool Asserted(string kind) => !kind.StartsWith("contract: ", StringComparison.Ordinal);

    /// <summary>A 4xx is an RFC 9457 problem document with a title and a code; a 400 lists errors, naming the broken field.</summary>
    private static void Judge(Action<string, string> fail, RestCase @case, HttpResponseMessage response, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            fail("4xx not a problem document", $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {text}");
            return;
        }
        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(text).RootElement;
        }
        catch (JsonException)
        {
            fail("4xx not a problem document", text);
            return;
        }
        if (!problem.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString())
            || !problem.TryGetProperty("code", out var code) || string.IsNullOrWhiteSpace(code.GetString()))
            fail("problem without title or code", text);
        if (response.StatusCode != System.Net.HttpStatusCode.BadRequest)
            return;
        if (!problem.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object || !errors.EnumerateObject().Any())
        {
            fail("400 without errors", text);
            return;
        }
        // Left out, an optional field takes its default: the reader may not require it (a validator may, given other fields).
        if (@case is { LeavesOutOptional: true, Field: { } optional } && errors.EnumerateObject().FirstOrDefault(e => Names(e.Name, optional)) is
            { Value.ValueKind: JsonValueKind.Array } named)
            fail(named.Value.EnumerateArray().Any(m => m.GetString() == "This field is required.")
                ? "an optional field is required by the reader"
                : "contract: an optional field is required by a rule", text);
        // A value that may be valid can be refused by a rule about another field (a minimum above the maximum).
        if (@case is { Field: { } field, MayBeValid: false } && !errors.EnumerateObject().Any(e => Names(e.Name, field)))
            fail("400 does not name the field", text);
    }

    private static bool Names(string key, string field) =>
        key.Equals(field, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase);

    private static HttpRequestMessage Request(RestOperation operation, RestCase @case, FuzzTargets targets)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(operation.Path, "{(?<name>[^}]+)}",
            m => (@case.RandomIds ? Guid.NewGuid() : targets.ForPath(operation.Path, m.Groups["name"].Value)).ToString());
        if (@case.Query is { } query)
            path = QueryHelpers.AddQueryString(path, query!);
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (@case.RawBody is { } body)
        {
            request.Content = new ByteArrayContent(OpenApiCases.Encode(body));
            if (@case.ContentType is { } contentType)
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        if (@case.IfMatch is { } ifMatch)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    /// <summary>Every change a command makes is audited in the same save: the count of audit events is what changed.</summary>
    private static Task<int> ChangesAsync(OkrApiFactory host, PrivateDemo demo) => demo.ReadAsync(host, db => db.AuditEvents.CountAsync());
}
