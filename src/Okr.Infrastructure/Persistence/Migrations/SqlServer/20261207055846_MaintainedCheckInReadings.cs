using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okr.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "ForecastProgress",
                table: "KeyResults",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ForecastSlopePerDay",
                table: "KeyResults",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ForecastTrendingToMiss",
                table: "KeyResults",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ForecastValue",
                table: "KeyResults",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastCheckInAt",
                table: "KeyResults",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LatestConfidence",
                table: "KeyResults",
                type: "int",
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
