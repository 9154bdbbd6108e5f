using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Okr.Infrastructure.Persistence;
using Okr.Infrastructure.Persistence.Providers;
using Respawn;
using Xunit;

namespace Okr.Testing;

/// <summary>
/// A throwaway database of one provider: a SQLite file, or a PostgreSQL database created on the server named
/// by <c>OKR_TEST_POSTGRES</c> (an admin connection string; the test script starts such a server). Dropped on dispose.
/// Connections are pooled, as the product's are: without a pool every statement on PostgreSQL paid for a new server
/// process, its authentication and cold catalogue caches (see the README's testing section).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "OKR_TEST_POSTGRES";

    private Respawner? _respawner;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? dropName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _dropName = dropName;
    }

    private readonly string? _dropName;

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The providers this run can test: SQLite always, PostgreSQL when configured.</summary>
    public static IReadOnlyList<DatabaseProvider> AvailableProviders =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable))
            ? [DatabaseProvider.Sqlite]
            : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    /// <summary>An empty database (no tables): for the tests of the migrations and of a host migrating at start-up.</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) => CreateAsync(provider, template: null);

    /// <summary>
    /// A database with every migration applied: a copy of a template this test process migrated once per provider (a file
    /// copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL), so a fixture or a host pays for the migrations
    /// once per run, not once per database. Migrating an empty database stays tested by <see cref="CreateAsync(DatabaseProvider)"/>'s users.
    /// </summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider) =>
        await CreateAsync(provider, await Templates.GetOrAdd(provider, p => new Lazy<Task<TestDatabase>>(() => MigratedTemplateAsync(p))).Value);

    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<TestDatabase>>> Templates = new();

    private static async Task<TestDatabase> MigratedTemplateAsync(DatabaseProvider provider)
    {
        var template = await CreateAsync(provider, template: null);
        await using (var db = template.Context())
            await db.Database.MigrateAsync();
        // A copy needs the template closed: no pooled connection may stay open on it.
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                await using (var connection = new SqliteConnection(template.ConnectionString))
                {
                    await connection.OpenAsync();
                    await using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                    await checkpoint.ExecuteNonQueryAsync();
                    SqliteConnection.ClearPool(connection);
                }
                break;
            default:
                await using (var connection = new NpgsqlConnection(template.ConnectionString))
                    NpgsqlConnection.ClearPool(connection);
                break;
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return template;
    }

    private OkrDbContext Context() => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteOkrDbContext(new DbContextOptionsBuilder<SqliteOkrDbContext>().UseSqlite(ConnectionString).Options),
        _ => new PostgresOkrDbContext(new DbContextOptionsBuilder<PostgresOkrDbContext>().UseNpgsql(ConnectionString).Options),
    };

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, TestDatabase? template)
    {
        var name = $"okr_test_{Guid.NewGuid():N}";
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var file = Path.Combine(Path.GetTempPath(), name + ".db");
                if (template?._dropName is { } templateFile)
                    File.Copy(templateFile, file);
                return new TestDatabase(provider, new SqliteConnectionStringBuilder { DataSource = file }.ToString(), file);
            case DatabaseProvider.Postgres:
                var admin = Environment.GetEnvironmentVariable(PostgresVariable)
                    ?? throw new InvalidOperationException($"Set {PostgresVariable} to test on PostgreSQL.");
                await using (var connection = new NpgsqlConnection(admin))
                {
                    await connection.OpenAsync();
                    await using var create = connection.CreateCommand();
                    create.CommandText = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template._dropName}\"";
                    await create.ExecuteNonQueryAsync();
                }
                // A pool as large as the tests' largest burst (200 concurrent check-ins): a test waits on the database, never
                // on the pool, as it did when every request opened a connection of its own (the server allows 400).
                var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 250 };
                return new TestDatabase(provider, builder.ToString(), name);
            default:
                throw new NotSupportedException($"{provider} cannot run on this machine.");
        }
    }

    public DbConnection OpenConnection() => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnection(ConnectionString),
        _ => new NpgsqlConnection(ConnectionString),
    };

    /// <summary>Empties every table but the migrations history (Respawn), between tests.</summary>
    public async Task ResetAsync()
    {
        await using var connection = OpenConnection();
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = Provider == DatabaseProvider.Sqlite ? DbAdapter.Sqlite : DbAdapter.Postgres,
            TablesToIgnore = ["__EFMigrationsHistory"],
            SchemasToInclude = Provider == DatabaseProvider.Postgres ? ["public"] : [],
        });
        if (Provider == DatabaseProvider.Sqlite)
        {
            // Respawn runs its script in a transaction, where SQLite ignores its "PRAGMA foreign_keys = OFF"; and SQLite checks
            // ON DELETE RESTRICT row by row, so a self-reference (a rolled-over objective, a sub-unit, a quarter in its year)
            // fails the DELETE. Outside a transaction the pragma holds.
            await using var delete = connection.CreateCommand();
            delete.CommandText = _respawner.DeleteSql;
            await delete.ExecuteNonQueryAsync();
            return;
        }
        await _respawner.ResetAsync(connection);
    }

    public async ValueTask DisposeAsync()
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite when _dropName is not null:
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                    File.Delete(_dropName + suffix);
                break;
            case DatabaseProvider.Postgres when _dropName is not null:
                await using (var pooled = new NpgsqlConnection(ConnectionString))
                    NpgsqlConnection.ClearPool(pooled);
                await using (var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable)))
                {
                    await connection.OpenAsync();
                    await using var drop = connection.CreateCommand();
                    drop.CommandText = $"DROP DATABASE IF EXISTS \"{_dropName}\" WITH (FORCE)";
                    await drop.ExecuteNonQueryAsync();
                }
                break;
        }
    }
}

/// <summary>Theory data: one row per provider available in this run.</summary>
public sealed class Providers : TheoryData<DatabaseProvider>
{
    public Providers()
    {
        foreach (var provider in TestDatabase.AvailableProviders)
            Add(provider);
    }
}
