using System.Globalization;
using System.Text.Json;
using Okr.Bench.Enterprise;

// Okr.Bench.Enterprise generate --connection C --scale S|M|L --password P --fixtures F
// Okr.Bench.Enterprise run --connection C --api URL --api-pid PID --fixtures F [--pg-log PATH] [--runs N] [--big-runs N] [--markdown OUT]
// Driven by scripts/bench.sh enterprise, which starts PostgreSQL and the API around it.
if (args.Length == 0 || args[0] is not ("generate" or "run"))
{
    Console.Error.WriteLine("usage: Okr.Bench.Enterprise generate|run --connection C --fixtures F [options]; see scripts/bench.sh enterprise");
    return 2;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
    options[args[i].TrimStart('-')] = args[i + 1];
string Required(string key) => options.TryGetValue(key, out var v) ? v : throw new ArgumentException($"--{key} is required");
int Int(string key, int fallback) => options.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

if (args[0] == "generate")
{
    var fixtures = await new Generator(Required("connection"), Scale.Parse(Required("scale")), Required("password")).RunAsync();
    await File.WriteAllTextAsync(Required("fixtures"), JsonSerializer.Serialize(fixtures, Fixtures.Json));
    return 0;
}

var loaded = JsonSerializer.Deserialize<Fixtures>(await File.ReadAllTextAsync(Required("fixtures")))!;
var defaultRuns = loaded.Scale switch { "S" => 21, "M" => 11, _ => 5 };
using var runner = new Runner(new RunnerOptions(
    Required("api"), Required("connection"), Int("api-pid", 0), options.GetValueOrDefault("pg-log"),
    Int("runs", defaultRuns), Int("big-runs", loaded.Scale == "L" ? 3 : defaultRuns),
    Path.Combine(AppContext.BaseDirectory, "Queries"), options.GetValueOrDefault("markdown")), loaded);
await runner.RunAsync();
return 0;
