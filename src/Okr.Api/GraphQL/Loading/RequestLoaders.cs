using System.Collections.Concurrent;

namespace Okr.Api.GraphQL.Loading;

/// <summary>The batch loaders of one request (scoped): one loader per kind of list and per variant (an <c>asOf</c>, say).</summary>
public sealed class RequestLoaders
{
    private readonly ConcurrentDictionary<(string Name, object? Variant), object> _loaders = new();

    public BatchLoader<TKey, TValue> Get<TKey, TValue>(string name, object? variant,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, TValue missing)
        where TKey : notnull =>
        (BatchLoader<TKey, TValue>)_loaders.GetOrAdd((name, variant), _ => new BatchLoader<TKey, TValue>(fetch, missing));
}
