using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Okr.Infrastructure.Persistence.Migrations.Quartz;

/// <summary>
/// The QRTZ_ tables of Quartz's clustered job store, created by our migrations from Quartz.NET 4.7.3's own schema for
/// each database (the create_*.sql files beside this one, embedded), so one migration run sets up everything the
/// product stores (ADR 0025). They are not in the EF model: only Quartz reads and writes them.
/// </summary>
internal static class QuartzSchema
{
    /// <summary>Children before parents, for dropping.</summary>
    private static readonly string[] Tables =
    [
        "QRTZ_JOB_STATUS", "QRTZ_MISFIRE_HISTORY", "QRTZ_EXECUTION_HISTORY", "QRTZ_LOCKS", "QRTZ_SCHEDULER_STATE",
        "QRTZ_FIRED_TRIGGERS", "QRTZ_PAUSED_JOB_GRPS", "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_CALENDARS", "QRTZ_BLOB_TRIGGERS",
        "QRTZ_SIMPROP_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS",
    ];

    /// <summary>Runs Quartz's script for the database (<c>sqlite</c>, <c>postgres</c> or <c>sqlServer</c>), a statement at a time.</summary>
    public static void Create(MigrationBuilder migrationBuilder, string database)
    {
        foreach (var statement in Statements(database))
            migrationBuilder.Sql(statement);
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
            migrationBuilder.Sql($"DROP TABLE IF EXISTS {table}");
    }

    /// <summary>The script's statements: the pieces between lines reading <c>--;;</c> that hold more than comments.</summary>
    public static IReadOnlyList<string> Statements(string database)
    {
        var name = $"Okr.Infrastructure.Persistence.Migrations.Quartz.create_{database}.sql";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The Quartz schema {name} is not embedded.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        return script.Split("\n--;;\n")
            .Where(piece => piece.Split('\n').Any(line => line.Trim() is { Length: > 0 } text && !text.StartsWith("--", StringComparison.Ordinal)))
            .Select(piece => piece.Trim())
            .ToList();
    }
}
