using System.Globalization;
using System.Reflection;

namespace Okr.Api.IntegrationTests.Fuzz;

/// <summary>
/// How much the contract fuzz tries. CI mode (the default): a fixed seed and at most <see cref="DefaultCases"/> cases per
/// operation or root field, drawn from the full list. Long mode: <c>OKR_FUZZ_CASES=all</c> (every generated case) or a
/// number, and <c>OKR_FUZZ_SEED</c> to draw another sample.
/// </summary>
public sealed record FuzzSettings(int? CasesPerOperation, int Seed)
{
    public const int DefaultCases = 16;
    public const int DefaultSeed = 20261207;

    public static FuzzSettings FromEnvironment()
    {
        var cases = Environment.GetEnvironmentVariable("OKR_FUZZ_CASES");
        var seed = Environment.GetEnvironmentVariable("OKR_FUZZ_SEED");
        return new FuzzSettings(
            string.IsNullOrWhiteSpace(cases) ? DefaultCases
                : cases.Equals("all", StringComparison.OrdinalIgnoreCase) ? null
                : int.Parse(cases, CultureInfo.InvariantCulture),
            string.IsNullOrWhiteSpace(seed) ? DefaultSeed : int.Parse(seed, CultureInfo.InvariantCulture));
    }

    public string Mode => CasesPerOperation is { } n ? $"up to {n} cases per operation, seed {Seed}" : $"every case, seed {Seed}";

    /// <summary>The cases to run: all of them, or a sample of the budget that always keeps the first <paramref name="always"/>.</summary>
    public IReadOnlyList<T> Sample<T>(IReadOnlyList<T> cases, string key, int always = 0)
    {
        if (CasesPerOperation is not { } budget || cases.Count <= budget)
            return cases;
        var random = new Random(HashCode.Combine(Seed, StableHash(key)));
        var kept = cases.Take(always).ToList();
        kept.AddRange(cases.Skip(always).OrderBy(_ => random.Next()).Take(Math.Max(0, budget - kept.Count)));
        return kept;
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = 17;
            foreach (var c in text)
                hash = hash * 31 + c;
            return hash;
        }
    }

    public static string RepositoryFile(string relative) => Path.Combine(
        typeof(FuzzSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!, relative);
}

/// <summary>Values that every kind of field gets: huge, hostile and invisible.</summary>
public static class Hostile
{
    public static readonly string Huge = new('x', 100_000);
    public const string Nul = "fuzz\u0000text";
    public const string Bell = "fuzz\u0007text\u001b[31m";
    public const string ZeroWidth = "\u200B\u200C\u200D\uFEFF";
    public const string Blank = "   ";
}
