using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okr.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RotatingRefreshTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UsedRefreshTokens",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsedRefreshTokens", x => x.TokenHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UsedRefreshTokens_ExpiresAt",
                table: "UsedRefreshTokens",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UsedRefreshTokens");
        }
    }
}
