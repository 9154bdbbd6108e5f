using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Okr.Application.Common.Behaviours;
using Okr.Application.Common.Interfaces;

namespace Okr.Infrastructure.Persistence.Providers;

/// <summary>The three providers the product runs on. Which one is used is chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>The embedded zero-setup default.</summary>
public sealed class SqliteOkrDbContext(DbContextOptions<SqliteOkrDbContext> options, ICurrentUser? currentUser = null, AuditScope? audit = null, IClock? clock = null,
    IAppLinks? links = null)
    : OkrDbContext(options, currentUser, audit, clock, links)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no native DateTimeOffset or decimal: stored this way they still compare and order in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}

/// <summary>The real server of development and tests.</summary>
public sealed class PostgresOkrDbContext(DbContextOptions<PostgresOkrDbContext> options, ICurrentUser? currentUser = null, AuditScope? audit = null, IClock? clock = null,
    IAppLinks? links = null)
    : OkrDbContext(options, currentUser, audit, clock, links);

/// <summary>The production target (docker-compose).</summary>
public sealed class SqlServerOkrDbContext(DbContextOptions<SqlServerOkrDbContext> options, ICurrentUser? currentUser = null, AuditScope? audit = null, IClock? clock = null,
    IAppLinks? links = null)
    : OkrDbContext(options, currentUser, audit, clock, links);

/// <summary>Lets <c>dotnet ef</c> build each provider's context without the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOkrDbContext>
{
    public SqliteOkrDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOkrDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOkrDbContext>
{
    public PostgresOkrDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOkrDbContext>().UseNpgsql("Host=localhost;Database=okr_design").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerOkrDbContext>
{
    public SqlServerOkrDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerOkrDbContext>().UseSqlServer("Server=localhost;Database=okr_design;TrustServerCertificate=True").Options);
}
