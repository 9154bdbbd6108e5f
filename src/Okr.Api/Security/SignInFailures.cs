using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Okr.Api.Security;

/// <summary>
/// Wrong passwords counted per (account, client), with a wait that doubles after <see cref="SignInThrottleOptions.FailuresBeforeBackoff"/>:
/// a stranger guessing slows only themselves down, never the account's owner signing in from elsewhere (ADR 0016).
/// Kept in memory: each instance counts its own clients, which bounds guessing per instance as well.
/// </summary>
public sealed class SignInFailures(TimeProvider time, IOptions<SignInThrottleOptions> options)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<(string Account, string Client), Entry> _entries = new();

    private sealed record Entry(int Failures, DateTimeOffset WaitUntil, DateTimeOffset LastFailure);

    /// <summary>How long this client must still wait before trying this account again (zero: it may try now).</summary>
    public TimeSpan WaitFor(string account, string client)
    {
        if (!_entries.TryGetValue((account, client), out var entry))
            return TimeSpan.Zero;
        var wait = entry.WaitUntil - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public void Failed(string account, string client)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        _entries.AddOrUpdate((account, client),
            _ => Next(0),
            (_, entry) => Next(now - entry.LastFailure > TimeSpan.FromSeconds(settings.MaxBackoffSeconds) * 2 ? 0 : entry.Failures));
        if (_entries.Count > PruneAbove)
            Prune(now - TimeSpan.FromSeconds(settings.MaxBackoffSeconds) * 2);

        Entry Next(int failures)
        {
            failures++;
            var over = failures - settings.FailuresBeforeBackoff;
            var wait = over < 0 ? TimeSpan.Zero
                : TimeSpan.FromSeconds(Math.Min(settings.MaxBackoffSeconds, settings.BackoffSeconds * Math.Pow(2, Math.Min(over, 20))));
            return new Entry(failures, now + wait, now);
        }
    }

    private readonly ConcurrentDictionary<(string Account, string Client), DateTimeOffset> _familiar = new();

    /// <summary>This client signed in to this account within the last 90 days (on this instance).</summary>
    public bool IsFamiliar(string account, string client) =>
        _familiar.TryGetValue((account, client), out var at) && time.GetUtcNow() - at < FamiliarFor;

    private static readonly TimeSpan FamiliarFor = TimeSpan.FromDays(90);

    public void Succeeded(string account, string client)
    {
        _entries.TryRemove((account, client), out _);
        var now = time.GetUtcNow();
        _familiar[(account, client)] = now;
        if (_familiar.Count > PruneAbove * 10)
            foreach (var (key, at) in _familiar)
                if (now - at > TimeSpan.FromDays(30))
                    _familiar.TryRemove(key, out _);
    }

    private void Prune(DateTimeOffset before)
    {
        foreach (var (key, entry) in _entries)
            if (entry.LastFailure < before)
                _entries.TryRemove(key, out _);
    }
}
