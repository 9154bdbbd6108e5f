using System.Text;

namespace Okr.Api.IntegrationTests.Fuzz;

/// <summary>
/// What a fuzz run found: its figures (operations × cases), failures by kind, and statuses the contract does not list.
/// <paramref name="asserted"/> tells the failures the test fails on from those it only reports.
/// </summary>
public sealed class FuzzReport(string door, string provider, FuzzSettings settings, Func<string, bool>? asserted = null)
{
    private readonly Func<string, bool> _asserted = asserted ?? (_ => true);

    private readonly List<(string Kind, string Where, string Detail)> _failures = [];
    private readonly SortedDictionary<string, SortedSet<int>> _undocumented = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _statuses = new(StringComparer.Ordinal);
    private int _operations;
    private int _cases;
    private int _generated;

    public void Operation(int generated, int run)
    {
        _operations++;
        _generated += generated;
        _cases += run;
    }

    public void Answered(string status) => _statuses[status] = _statuses.GetValueOrDefault(status) + 1;

    public void Fail(string kind, string where, string detail) => _failures.Add((kind, where, detail.Length > 400 ? detail[..400] + "…" : detail));

    public void Undocumented(string operation, int status)
    {
        if (!_undocumented.TryGetValue(operation, out var statuses))
            _undocumented[operation] = statuses = [];
        statuses.Add(status);
    }

    /// <summary>The failures the test fails on.</summary>
    public IReadOnlyList<(string Kind, string Where, string Detail)> Failures => _failures.Where(f => _asserted(f.Kind)).ToList();

    public IReadOnlyDictionary<string, SortedSet<int>> UndocumentedStatuses => _undocumented;

    public int Cases => _cases;

    /// <summary>Every failure, not only the first of each kind, to the file OKR_FUZZ_REPORT names (when it does).</summary>
    public void WriteFile()
    {
        if (Environment.GetEnvironmentVariable("OKR_FUZZ_REPORT") is { Length: > 0 } path)
            File.AppendAllLines(path, _failures.Select(f => $"{door} {provider} | {f.Kind} | {f.Where} | {f.Detail}"));
    }

    public string Summary(TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine($"Fuzz {door} on {provider}: {_operations} operations × {_cases} cases run ({_generated} generated; {settings.Mode}), " +
            $"{Failures.Count} failures, {_failures.Count - Failures.Count} reported only (sign-in endpoints, the contract's gaps), " +
            $"{_undocumented.Sum(u => u.Value.Count)} statuses not in the contract, {elapsed.TotalSeconds:0.0} s.");
        text.AppendLine("  answers: " + string.Join(", ", _statuses.Select(s => $"{s.Key} × {s.Value}")));
        foreach (var kind in _failures.GroupBy(f => f.Kind))
        {
            text.AppendLine($"  {kind.Key}{(_asserted(kind.Key) ? "" : " (reported)")}: {kind.Count()}");
            foreach (var failure in kind.Take(40))
                text.AppendLine($"    {failure.Where}: {failure.Detail}");
        }
        if (_undocumented.Count > 0)
            text.AppendLine("  statuses not in the contract: " + string.Join("; ", _undocumented.Select(u => $"{u.Key} {string.Join("/", u.Value)}")));
        return text.ToString();
    }
}
