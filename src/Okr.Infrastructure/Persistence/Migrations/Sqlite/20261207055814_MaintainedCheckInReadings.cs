using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okr.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MaintainedCheckInReadings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CheckInCount",
                table: "KeyResults",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "ForecastProgress",
                table: "KeyResults",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ForecastSlopePerDay",
                table: "KeyResults",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ForecastTrendingToMiss",
                table: "KeyResults",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ForecastValue",
                table: "KeyResults",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastCheckInAt",
                table: "KeyResults",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LatestConfidence",
                table: "KeyResults",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CheckInCount",
                table: "KeyResults");

            migrationBuilder.DropColumn(
                name: "ForecastProgress",
                table: "KeyResults");

            migrationBuilder.DropColumn(
                name: "ForecastSlopePerDay",
                table: "KeyResults");

            migrationBuilder.DropColumn(
                name: "ForecastTrendingToMiss",
                table: "KeyResults");

            migrationBuilder.DropColumn(
                name: "ForecastValue",
                table: "KeyResults");

            migrationBuilder.DropColumn(
                name: "LastCheckInAt",
                table: "KeyResults");

            migrationBuilder.DropColumn(
                name: "LatestConfidence",
                table: "KeyResults");
        }
    }
}
