using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okr.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditEventKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "AuditEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Change");
            migrationBuilder.Sql(AuditKindBackfill.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "AuditEvents");
        }
    }
}
