using GraphQL.DataLoader;

namespace Okr.Api.GraphQL.Loading;

/// <summary>Combinators over pending results, so a resolver can shape what a batch loader returns without awaiting it.</summary>
public static class DataLoaderResults
{
    /// <summary>A pending result mapped with <paramref name="map"/> once it is ready.</summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> source, Func<T, TResult> map)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(map);
        return new Deferred<TResult>(async cancellationToken => map(await source.GetResultAsync(cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>
    /// A pending result that, once ready, asks another loader: the execution strategy completes the second
    /// stage in a later step, so its keys are batched too.
    /// </summary>
    public static IDataLoaderResult<IDataLoaderResult<TResult>> ThenLoad<T, TResult>(this IDataLoaderResult<T> source, Func<T, IDataLoaderResult<TResult>> next) =>
        source.Then(next);

    /// <summary>An already known value.</summary>
    public static IDataLoaderResult<T> FromValue<T>(T value) => new Deferred<T>(_ => Task.FromResult(value));

    /// <summary>Runs <c>produce</c> at most once, when the result is first asked for.</summary>
    internal sealed class Deferred<T>(Func<CancellationToken, Task<T>> produce) : IDataLoaderResult<T>
    {
        private readonly Lock _gate = new();
        private Task<T>? _result;

        public Task<T> GetResultAsync(CancellationToken cancellationToken = default)
        {
            lock (_gate)
                return _result ??= produce(cancellationToken);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
