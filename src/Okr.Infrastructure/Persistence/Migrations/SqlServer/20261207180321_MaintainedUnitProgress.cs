using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okr.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class MaintainedUnitProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UnitProgress",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PeriodId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OwnSum = table.Column<long>(type: "bigint", nullable: false),
                    OwnCount = table.Column<int>(type: "int", nullable: false),
                    SubtreeSum = table.Column<long>(type: "bigint", nullable: false),
                    SubtreeCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitProgress", x => new { x.PeriodId, x.UnitId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_UnitProgress_OrganizationId",
                table: "UnitProgress",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UnitProgress");
        }
    }
}
