using GraphQL.DataLoader;

namespace Okr.Api.GraphQL.Loading;

/// <summary>
/// A per-request batch loader (GraphQL.NET's DataLoader package is not on our package source). Resolvers ask for
/// keys and get a pending <see cref="IDataLoaderResult{T}"/>; the execution strategy completes pending results only
/// after every other field of the current step has run, so the first one completed fetches all the keys asked for
/// so far in one call, and the others find their value ready. Keys asked for again reuse the same result.
/// </summary>
/// <typeparam name="TKey">What is asked for (an id).</typeparam>
/// <typeparam name="TValue">What a key resolves to; <c>missing</c> when the fetch returns nothing for it.</typeparam>
public sealed class BatchLoader<TKey, TValue> where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;
    private readonly TValue _missing;
    private readonly Dictionary<TKey, Pending> _results = [];
    private readonly Lock _gate = new();
    private Batch _next = new();

    public BatchLoader(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, TValue missing)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        _fetch = fetch;
        _missing = missing;
    }

    /// <summary>How many times the loader has fetched (for tests and diagnostics).</summary>
    public int FetchCount { get; private set; }

    /// <summary>A pending result for <paramref name="key"/>, fetched with the other keys of its batch.</summary>
    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_gate)
        {
            if (_results.TryGetValue(key, out var known))
                return known;
            var pending = new Pending(this, key, _next);
            _next.Keys.Add(key);
            _results.Add(key, pending);
            return pending;
        }
    }

    /// <summary>Pending results for several keys, as one list in the same order.</summary>
    public IDataLoaderResult<IReadOnlyList<TValue>> LoadMany(IEnumerable<TKey> keys)
    {
        var pending = keys.Select(Load).ToList();
        return new DataLoaderResults.Deferred<IReadOnlyList<TValue>>(async cancellationToken =>
        {
            var values = new List<TValue>(pending.Count);
            foreach (var result in pending)
                values.Add(await result.GetResultAsync(cancellationToken).ConfigureAwait(false));
            return values;
        });
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        TaskCompletionSource<IReadOnlyDictionary<TKey, TValue>> started;
        lock (_gate)
        {
            if (batch.Fetched is not null)
                return batch.Fetched.Task;
            // Keys asked for from now on go to the next batch.
            if (ReferenceEquals(batch, _next))
                _next = new Batch();
            batch.Fetched = started = new TaskCompletionSource<IReadOnlyDictionary<TKey, TValue>>(TaskCreationOptions.RunContinuationsAsynchronously);
            FetchCount++;
        }
        _ = RunAsync(batch.Keys, started, cancellationToken);
        return started.Task;
    }

    private async Task RunAsync(IReadOnlyList<TKey> keys, TaskCompletionSource<IReadOnlyDictionary<TKey, TValue>> done, CancellationToken cancellationToken)
    {
        try
        {
            done.SetResult(await _fetch(keys, cancellationToken).ConfigureAwait(false));
        }
#pragma warning disable CA1031 // the failure is handed to every waiting field, which reports it
        catch (Exception ex)
#pragma warning restore CA1031
        {
            done.SetException(ex);
        }
    }

    private sealed class Batch
    {
        public List<TKey> Keys { get; } = [];
        public TaskCompletionSource<IReadOnlyDictionary<TKey, TValue>>? Fetched { get; set; }
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key, Batch batch) : IDataLoaderResult<TValue>
    {
        public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await loader.Dispatch(batch, cancellationToken).ConfigureAwait(false);
            return values.TryGetValue(key, out var value) ? value : loader._missing;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
