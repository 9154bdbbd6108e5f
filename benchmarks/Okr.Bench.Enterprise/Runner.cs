using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;

namespace Okr.Bench.Enterprise;

internal sealed record RunnerOptions(string ApiUrl, string ConnectionString, int ApiPid, string? PgLog, int Runs, int BigRuns, string QueriesDir, string? MarkdownOut);

/// <summary>
/// Measures the API against the floor: for each query, N runs of the API request interleaved with N runs of the
/// hand-written SQL (medians, ratio), the SQL statements one API request costs (from the server's statement log),
/// the API's peak memory (VmHWM); then concurrent division trees, check-in latency and 200 concurrent check-ins.
/// </summary>
internal sealed partial class Runner(RunnerOptions options, Fixtures fixtures) : IDisposable
{
    public void Dispose() => _http.Dispose();

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = new Uri(options.ApiUrl),
        Timeout = TimeSpan.FromMinutes(5),
    };

    private readonly List<QueryResult> _queries = [];
    private readonly List<string[]> _extra = [];
    private readonly double _expected = ExpectedProgress(fixtures);

    public async Task RunAsync()
    {
        var admin = await LoginAsync(fixtures.AdminEmail);
        var member = await LoginAsync(fixtures.MemberEmail);
        // The floor runs without PostgreSQL's JIT: on these plans it compiles for up to seconds and saves nothing (the API's
        // connections keep the server default).
        var conn = new NpgsqlConnectionStringBuilder(options.ConnectionString) { ApplicationName = "okr-bench", CommandTimeout = 300, Options = "-c jit=off" }.ConnectionString;
        await using var db = new NpgsqlConnection(conn);
        await db.OpenAsync();

        var division = fixtures.DivisionIds[0];
        var tree = Read("okr-tree.graphql");
        var dashboard = Read("dashboard.graphql");
        var specs = new List<QuerySpec>
        {
            // The fixed cost of any request (HTTP, the token, the session check, GraphQL parsing and validation): the smallest
            // authenticated answer. Its ratio is the least any read can have against a one-statement floor.
            new("me (the fixed cost of a request)", member, "query Me { me { person { id displayName } } }", new { }, FloorSql.Me, new() { ["person"] = fixtures.MemberPersonId }, options.Runs),
            new("objective(id) with its 4 key results", admin, Read("objective.graphql"), new { id = fixtures.ObjectiveId }, FloorSql.Objective, new() { ["id"] = fixtures.ObjectiveId }, options.Runs),
            new("keyResult(id)", admin, Read("key-result.graphql"), new { id = fixtures.CheckInKeyResultIds[0] }, FloorSql.KeyResult, new() { ["id"] = fixtures.CheckInKeyResultIds[0] }, options.Runs),
            new("myKeyResults of a member (16 key results)", member, Read("my-key-results.graphql"), new { periodId = fixtures.PeriodId }, FloorSql.MyKeyResults, new() { ["person"] = fixtures.MemberPersonId }, options.Runs),
            new("okrTree of a division", admin, tree, new { periodId = fixtures.PeriodId, rootUnitId = division }, FloorSql.Tree, new() { ["root"] = division }, options.Runs),
            new("alignmentGraph of a division", admin, Read("alignment-graph.graphql"), new { periodId = fixtures.PeriodId, rootUnitId = division }, FloorSql.AlignmentGraph, new() { ["root"] = division }, options.Runs),
            new("dashboard of a division", admin, dashboard, new { periodId = fixtures.PeriodId, unitId = division }, FloorSql.Dashboard, new() { ["root"] = division }, options.Runs),
            new("dashboard of the company", admin, dashboard, new { periodId = fixtures.PeriodId, unitId = fixtures.CompanyId }, FloorSql.Dashboard, new() { ["root"] = fixtures.CompanyId }, options.BigRuns),
            new("okrTree of the company, a level at a time (depth 1)", admin, tree, new { periodId = fixtures.PeriodId, rootUnitId = fixtures.CompanyId, depth = 1 },
                FloorSql.TreeLevels, new() { ["root"] = fixtures.CompanyId, ["depth"] = 1 }, options.Runs),
            new("okrTree of the company, every level at once", admin, tree, new { periodId = fixtures.PeriodId, rootUnitId = fixtures.CompanyId }, FloorSql.Tree, new() { ["root"] = fixtures.CompanyId }, options.BigRuns),
        };

        var counter = options.PgLog is { } log && File.Exists(log) ? new StatementCounter(log, db) : null;
        if (counter is null) Console.Error.WriteLine("[run] no PostgreSQL server log given: SQL statements per request are not counted");

        foreach (var spec in specs)
        {
            Console.Error.WriteLine($"[run] {spec.Name}: {spec.Runs} runs, API and floor interleaved");
            _queries.Add(await MeasureAsync(spec, db, counter));
        }

        await ConcurrentTreesAsync(admin);
        await CheckInLatencyAsync(admin);
        await ConcurrentCheckInsAsync(admin, "200 concurrent check-ins on one key result", Enumerable.Repeat(fixtures.ContendedKeyResultId, 200).ToList());
        await ConcurrentCheckInsAsync(admin, $"200 concurrent check-ins on the {fixtures.SiblingKeyResultIds.Count} sibling key results of one objective",
            Enumerable.Range(0, 200).Select(i => fixtures.SiblingKeyResultIds[i % fixtures.SiblingKeyResultIds.Count]).ToList());

        var (hwm, rss) = Memory();
        Print(hwm, rss);
    }

    // ------------------------------------------------------------------------------------------------ one query

    private async Task<QueryResult> MeasureAsync(QuerySpec spec, NpgsqlConnection db, StatementCounter? counter)
    {
        var api = new List<double>();
        var floor = new List<double>();
        long bytes = 0;
        var rows = 0;
        string? error = null;

        // Warm-up: JIT, plans, caches. A failure here (a cold timeout, say) is not counted.
        var warm = await GraphQLAsync(spec);
        if (warm.Error is not null) Console.Error.WriteLine($"[run]   warm-up failed: {warm.Error}");
        (_, rows) = await FloorAsync(spec, db);

        int? statements = null;
        if (counter is not null)
            statements = await counter.CountAsync(async () => await GraphQLAsync(spec));

        // Every run is timed (each is bounded by the API's GraphQL:ExecutionTimeout); failures are counted, not timed.
        var failures = 0;
        for (var i = 0; i < spec.Runs; i++)
        {
            var r = await GraphQLAsync(spec);
            if (r.Error is null)
            {
                api.Add(r.Milliseconds);
                bytes = r.Bytes;
            }
            else
            {
                failures++;
                error ??= r.Error;
            }
            var (ms, n) = await FloorAsync(spec, db);
            floor.Add(ms);
            rows = n;
        }
        if (failures == 0) error = null;
        else error = $"{failures} of {spec.Runs} failed: {error}";
        var (hwm, _) = Memory();
        var result = new QueryResult(spec.Name, api.Count, Median(api), Median(floor), statements, bytes, rows, hwm, error);
        Console.Error.WriteLine($"[run]   API {Fmt(result.ApiMedian)} ms, floor {Fmt(result.FloorMedian)} ms, {statements?.ToString(CultureInfo.InvariantCulture) ?? "?"} statements, {bytes / 1024} KB, VmHWM {hwm} MB{(error is null ? "" : ", ERROR " + error)}");
        return result;
    }

    private async Task<(double Milliseconds, long Bytes, string? Error)> GraphQLAsync(QuerySpec spec)
    {
        var body = JsonSerializer.Serialize(new { query = spec.Query, variables = spec.Variables });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", spec.Token);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        var sw = Stopwatch.StartNew();
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var ms = sw.Elapsed.TotalMilliseconds;
        return (ms, bytes.LongLength, ErrorOf(response.StatusCode, bytes));
    }

    private static string? ErrorOf(HttpStatusCode status, byte[] bytes)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            if (doc.RootElement.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var code = first.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = first.TryGetProperty("message", out var m) ? m.GetString() : "";
                return $"{(int)status} {code}: {message}";
            }
            return status == HttpStatusCode.OK ? null : $"HTTP {(int)status}";
        }
        catch (JsonException)
        {
            return $"HTTP {(int)status}, not JSON ({bytes.Length} bytes)";
        }
    }

    private async Task<(double Milliseconds, int Rows)> FloorAsync(QuerySpec spec, NpgsqlConnection db)
    {
        await using var cmd = new NpgsqlCommand(spec.FloorSql, db);
        cmd.Parameters.AddWithValue("org", fixtures.OrganizationId);
        cmd.Parameters.AddWithValue("period", fixtures.PeriodId);
        cmd.Parameters.AddWithValue("start", fixtures.PeriodStart);
        cmd.Parameters.AddWithValue("end", fixtures.PeriodEnd);
        cmd.Parameters.AddWithValue("today", DateOnly.FromDateTime(DateTime.UtcNow));
        cmd.Parameters.AddWithValue("expected", _expected);
        foreach (var (name, value) in spec.FloorParameters)
            cmd.Parameters.AddWithValue(name, value);
        var sw = Stopwatch.StartNew();
        var rows = 0;
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            var values = new object[64];
            do
            {
                while (await reader.ReadAsync())
                {
                    reader.GetValues(values);
                    rows++;
                }
            } while (await reader.NextResultAsync());
        }
        return (sw.Elapsed.TotalMilliseconds, rows);
    }

    // ------------------------------------------------------------------------------------------------ concurrency

    private async Task ConcurrentTreesAsync(string token)
    {
        const int clients = 8;
        var perClient = Math.Max(2, options.Runs / 2);
        var tree = Read("okr-tree.graphql");
        Console.Error.WriteLine($"[run] division trees, {clients} concurrent clients × {perClient} requests");
        var latencies = new List<double>();
        var errors = 0;
        string? firstError = null;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var spec = new QuerySpec("", token, tree, new { periodId = fixtures.PeriodId, rootUnitId = fixtures.DivisionIds[c % fixtures.DivisionIds.Count] }, "", [], 0);
            for (var i = 0; i < perClient; i++)
            {
                var r = await GraphQLAsync(spec);
                lock (latencies)
                {
                    latencies.Add(r.Milliseconds);
                    if (r.Error is not null) errors++;
                    firstError ??= r.Error;
                }
            }
        }));
        var seconds = sw.Elapsed.TotalSeconds;
        var (hwm, _) = Memory();
        _extra.Add(["Division trees, 8 concurrent clients", $"{(latencies.Count - errors) / seconds:F2} answers/s",
            $"{latencies.Count} requests in {seconds:F1} s, median latency {Fmt(Median(latencies))} ms, {errors} errors{(firstError is null ? "" : $" ({Truncate(firstError, 60)})")}", $"{hwm}"]);
    }

    private async Task CheckInLatencyAsync(string token)
    {
        var ids = fixtures.CheckInKeyResultIds.Take(Math.Max(10, options.Runs * 2)).ToList();
        Console.Error.WriteLine($"[run] check-in latency: {ids.Count} sequential check-ins on distinct key results");
        var latencies = new List<double>();
        var codes = new Dictionary<int, int>();
        foreach (var id in ids)
        {
            var (ms, status) = await CheckInAsync(token, id, 55m);
            latencies.Add(ms);
            codes[status] = codes.GetValueOrDefault(status) + 1;
        }
        var sorted = latencies.Order().ToList();
        var (hwm, _) = Memory();
        _extra.Add(["Check-in (REST POST), sequential", $"median {Fmt(Median(latencies))} ms",
            $"p95 {Fmt(sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1])} ms over {ids.Count}; {Codes(codes)}", $"{hwm}"]);
    }

    private async Task ConcurrentCheckInsAsync(string token, string name, List<Guid> targets)
    {
        Console.Error.WriteLine($"[run] {name}");
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = targets.Select(async (id, i) =>
        {
            await go.Task;
            return await CheckInAsync(token, id, 60m + i / 10m);
        }).ToList();
        var sw = Stopwatch.StartNew();
        go.SetResult();
        var results = await Task.WhenAll(tasks);
        var seconds = sw.Elapsed.TotalSeconds;
        var codes = results.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        var (hwm, _) = Memory();
        _extra.Add([name, $"{codes.GetValueOrDefault(201)} × 201", $"{Codes(codes)}; all answered in {seconds:F1} s, median {Fmt(Median(results.Select(r => r.Milliseconds).ToList()))} ms", $"{hwm}"]);
    }

    private async Task<(double Milliseconds, int Status)> CheckInAsync(string token, Guid keyResultId, decimal value)
    {
        var body = JsonSerializer.Serialize(new
        {
            value, confidence = 7, narrative = "Benchmark check-in: the weekly number from the tracker.", nextSteps = "Keep going",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/key-results/{keyResultId}/check-ins") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var sw = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var ms = sw.Elapsed.TotalMilliseconds;
            if ((int)response.StatusCode >= 500 || (int)response.StatusCode is 400 or 422)
                lock (FirstFailures)
                    if (FirstFailures.Add((int)response.StatusCode))
                        Console.Error.WriteLine($"[run]   first {(int)response.StatusCode}: {Truncate(text, 300)}");
            return (ms, (int)response.StatusCode);
        }
        catch (HttpRequestException e)
        {
            Console.Error.WriteLine($"[run]   request failed: {e.Message}");
            return (sw.Elapsed.TotalMilliseconds, 0);
        }
    }

    private static readonly HashSet<int> FirstFailures = [];

    // ------------------------------------------------------------------------------------------------ helpers

    private async Task<string> LoginAsync(string email)
    {
        using var response = await _http.PostAsync("/api/auth/login",
            new StringContent(JsonSerializer.Serialize(new { email, password = fixtures.Password }), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode} {Truncate(text, 300)}");
        return JsonNode.Parse(text)!["accessToken"]!.GetValue<string>();
    }

    private (long HwmMb, long RssMb) Memory()
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{options.ApiPid}/status");
            long Kb(string key) => long.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return (Kb("VmHWM") / 1024, Kb("VmRSS") / 1024);
        }
        catch (IOException)
        {
            return (-1, -1);
        }
    }

    private string Read(string file) => File.ReadAllText(Path.Combine(options.QueriesDir, file));

    private static double ExpectedProgress(Fixtures f)
    {
        var start = f.PeriodStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = f.PeriodEnd.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return Math.Clamp((DateTime.UtcNow - start) / (end - start), 0, 1);
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var s = values.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static string Fmt(double ms) => double.IsNaN(ms) ? "–" : ms >= 100 ? ms.ToString("F0", CultureInfo.InvariantCulture) : ms.ToString("F1", CultureInfo.InvariantCulture);
    private static string Codes(Dictionary<int, int> codes) => string.Join(", ", codes.OrderBy(c => c.Key).Select(c => $"{c.Value} × {(c.Key == 0 ? "no answer" : c.Key.ToString(CultureInfo.InvariantCulture))}"));
    private static string Truncate(string s, int n) => s.Length <= n ? s : s[..n] + "…";

    private void Print(long hwm, long rss)
    {
        var c = fixtures.Counts;
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Scale {fixtures.Scale}: {c.GetValueOrDefault("units"):N0} units, {c.GetValueOrDefault("people"):N0} people, {c.GetValueOrDefault("objectives"):N0} objectives, {c.GetValueOrDefault("keyResults"):N0} key results, {c.GetValueOrDefault("checkIns"):N0} check-ins (generated in {c.GetValueOrDefault("generationSeconds")} s)");
        sb.AppendLine();
        sb.AppendLine("| Query | API runs ok | API median (ms) | Floor median (ms) | Ratio | SQL statements / request | Response (KB) | Floor rows | API VmHWM after (MB) |");
        sb.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var q in _queries)
        {
            var ratio = q.Runs > 0 && q.FloorMedian > 0 ? (q.ApiMedian / q.FloorMedian).ToString("F1", CultureInfo.InvariantCulture) + "×" : "–";
            var api = q.Error is null ? Fmt(q.ApiMedian) : $"{(q.Runs > 0 ? Fmt(q.ApiMedian) + ", " : "")}**{Truncate(q.Error, 90)}**";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {q.Name} | {q.Runs} | {api} | {Fmt(q.FloorMedian)} | {ratio} | {q.Statements?.ToString(CultureInfo.InvariantCulture) ?? "n/a"} | {q.Bytes / 1024:N0} | {q.FloorRows:N0} | {q.HwmMb:N0} |");
        }
        sb.AppendLine();
        sb.AppendLine("| Load | Result | Detail | API VmHWM after (MB) |");
        sb.AppendLine("|---|---|---|--:|");
        foreach (var e in _extra)
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {e[0]} | {e[1]} | {e[2]} | {e[3]} |");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"API peak memory (VmHWM) over the whole benchmark: **{hwm:N0} MB** (VmRSS at the end: {rss:N0} MB).");

        Console.WriteLine();
        Console.WriteLine(sb.ToString());
        if (options.MarkdownOut is { } path)
            File.WriteAllText(path, sb.ToString());
    }

    private sealed record QuerySpec(string Name, string Token, string Query, object Variables, string FloorSql, Dictionary<string, object> FloorParameters, int Runs);

    private sealed record QueryResult(string Name, int Runs, double ApiMedian, double FloorMedian, int? Statements, long Bytes, int FloorRows, long HwmMb, string? Error);

    /// <summary>
    /// Counts the statements the API sends for one request: the server logs every statement (log_statement = all,
    /// switched on only around the counted request) with the client's application_name in front; ours is "okr-bench".
    /// </summary>
    private sealed partial class StatementCounter(string logPath, NpgsqlConnection db)
    {
        public async Task<int> CountAsync(Func<Task> request)
        {
            await ExecAsync("ALTER SYSTEM SET log_statement = 'all'", "ALTER SYSTEM SET log_line_prefix = '%a|'", "SELECT pg_reload_conf()");
            await Task.Delay(300);
            var offset = new FileInfo(logPath).Length;
            try
            {
                await request();
                await Task.Delay(300);
            }
            finally
            {
                await ExecAsync("ALTER SYSTEM RESET log_statement", "ALTER SYSTEM RESET log_line_prefix", "SELECT pg_reload_conf()");
            }
            await using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(offset, SeekOrigin.Begin);
            using var reader = new StreamReader(stream);
            var count = 0;
            while (await reader.ReadLineAsync() is { } line)
            {
                var m = Statement().Match(line);
                if (m.Success && m.Groups["app"].Value != "okr-bench")
                    count++;
            }
            await Task.Delay(300);
            return count;
        }

        private async Task ExecAsync(params string[] sqls)
        {
            foreach (var sql in sqls)
            {
                await using var cmd = new NpgsqlCommand(sql, db);
                await cmd.ExecuteNonQueryAsync();
            }
        }

        [GeneratedRegex(@"^(?<app>[^|]*)\|.*LOG:  (execute [^:]*|statement): ")]
        private static partial Regex Statement();
    }
}
