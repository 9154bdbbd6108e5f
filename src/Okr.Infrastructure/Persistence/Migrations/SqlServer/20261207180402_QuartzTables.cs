using Microsoft.EntityFrameworkCore.Migrations;
using Okr.Infrastructure.Persistence.Migrations.Quartz;

#nullable disable

namespace Okr.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <summary>The tables of Quartz's clustered job store (ADR 0025).</summary>
    public partial class QuartzTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            QuartzSchema.Create(migrationBuilder, "sqlServer");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            QuartzSchema.Drop(migrationBuilder);
        }
    }
}
