namespace Okr.Api.GraphQL.Execution;

/// <summary>
/// Bounds how many GraphQL documents execute at once (setting <c>GraphQL:MaxConcurrentExecutions</c>, default twice the
/// cores), so a burst of expensive reads queues instead of starving every other request of CPU and memory. A request
/// that waits longer than <c>GraphQL:QueueTimeout</c> (default 10 s) for its turn answers 503 with Retry-After.
/// REST commands never wait here.
/// </summary>
public sealed class ExecutionGate(GraphQLLimits limits) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, limits.MaxConcurrentExecutions), Math.Max(1, limits.MaxConcurrentExecutions));

    public TimeSpan QueueTimeout => limits.QueueTimeout;

    /// <summary>Waits for a turn; false when none came in time. Release with <see cref="Release"/>.</summary>
    public Task<bool> EnterAsync(CancellationToken cancellationToken) => _slots.WaitAsync(limits.QueueTimeout, cancellationToken);

    public void Release() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}
