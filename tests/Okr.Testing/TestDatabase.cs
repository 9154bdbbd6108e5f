using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Okr.Infrastructure.Persistence.Providers;
using Respawn;
using Xunit;

namespace Okr.Testing;

/// <summary>
/// A throwaway database of one provider: a SQLite file, or a PostgreSQL database created on the server named
/// by <c>OKR_TEST_POSTGRES</c> (an admin connection string; the test script starts such a server). Dropped on dispose.
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

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var name = $"okr_test_{Guid.NewGuid():N}";
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var file = Path.Combine(Path.GetTempPath(), name + ".db");
                return new TestDatabase(provider, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString(), file);
            case DatabaseProvider.Postgres:
                var admin = Environment.GetEnvironmentVariable(PostgresVariable)
                    ?? throw new InvalidOperationException($"Set {PostgresVariable} to test on PostgreSQL.");
                await using (var connection = new NpgsqlConnection(admin))
                {
                    await connection.OpenAsync();
                    await using var create = connection.CreateCommand();
                    create.CommandText = $"CREATE DATABASE \"{name}\"";
                    await create.ExecuteNonQueryAsync();
                }
                var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
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
                NpgsqlConnection.ClearAllPools();
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
