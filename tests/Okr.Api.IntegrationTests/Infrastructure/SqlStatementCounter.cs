using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Okr.Infrastructure.Persistence.Providers;

namespace Okr.Api.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the SQL statements one HTTP request sends: a request carrying the <see cref="Header"/> header gets its own
/// counter (flowing with the request's async context), which the test reads afterwards with <see cref="Take"/>.
/// </summary>
public sealed class SqlStatementCounter : DbCommandInterceptor
{
    public const string Header = "X-Test-Count-Sql";

    private static readonly AsyncLocal<List<string>?> Current = new();
    private static readonly AsyncLocal<List<(string Text, string Parameters)>?> CurrentWithParameters = new();
    private static readonly ConcurrentDictionary<string, List<string>> Finished = new();
    private static readonly ConcurrentDictionary<string, List<(string Text, string Parameters)>> FinishedWithParameters = new();

    public static SqlStatementCounter Instance { get; } = new();

    /// <summary>
    /// The statements the request tagged <paramref name="tag"/> sent. A tag no request carried (a typo, a request that
    /// never reached the API) fails rather than counting zero, and so does a request that sent nothing at all: every
    /// request reads something, and a count of zero would make every bound pass.
    /// </summary>
    public static IReadOnlyList<string> Take(string tag)
    {
        if (!Finished.TryRemove(tag, out var statements))
            throw new InvalidOperationException($"No request tagged {tag} was counted: was the {Header} header sent, and did the request reach the API?");
        if (statements.Count == 0)
            throw new InvalidOperationException($"The request tagged {tag} sent no SQL statement: the counter is not seeing its database.");
        return statements;
    }

    /// <summary>
    /// As <see cref="Take"/>, each statement with its parameters' values written out (arrays item by item), for tests of
    /// which rows a statement asks for.
    /// </summary>
    public static IReadOnlyList<(string Text, string Parameters)> TakeWithParameters(string tag)
    {
        var count = Take(tag).Count;
        FinishedWithParameters.TryRemove(tag, out var statements);
        statements.Should().NotBeNull().And.HaveCount(count);
        return statements!;
    }

    public static void Register(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteOkrDbContext>(o => o.AddInterceptors(Instance));
        services.ConfigureDbContext<PostgresOkrDbContext>(o => o.AddInterceptors(Instance));
        services.AddTransient<IStartupFilter, CountingStartupFilter>();
    }

    private static void Record(DbCommand command)
    {
        if (Current.Value is { } statements)
            lock (statements) statements.Add(command.CommandText);
        if (CurrentWithParameters.Value is { } withParameters)
        {
            var parameters = string.Join("; ", command.Parameters.Cast<DbParameter>().Select(p => p.Value switch
            {
                System.Collections.IEnumerable items and not string => string.Join(",", items.Cast<object?>()),
                var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            }));
            lock (withParameters) withParameters.Add((command.CommandText, parameters));
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private sealed class CountingStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (context.Request.Headers[Header].ToString() is not { Length: > 0 } tag)
                {
                    await nextMiddleware(context);
                    return;
                }
                var statements = new List<string>();
                var withParameters = new List<(string, string)>();
                Current.Value = statements;
                CurrentWithParameters.Value = withParameters;
                try
                {
                    await nextMiddleware(context);
                }
                finally
                {
                    Current.Value = null;
                    CurrentWithParameters.Value = null;
                    FinishedWithParameters[tag] = withParameters;
                    Finished[tag] = statements;
                }
            });
            next(app);
        };
    }
}
