using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okr.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>Check-in reminders: the organisation's settings (existing organisations get the defaults, off), people's time zone and pause, and the deliveries' unique key (ADR 0025).</summary>
    public partial class CheckInReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RemindersPausedUntil",
                table: "People",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "People",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reminders_DayOfWeek",
                table: "Organizations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Monday");

            migrationBuilder.AddColumn<bool>(
                name: "Reminders_Enabled",
                table: "Organizations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Reminders_EscalateAfterMissedCycles",
                table: "Organizations",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "Reminders_Hour",
                table: "Organizations",
                type: "integer",
                nullable: false,
                defaultValue: 9);

            migrationBuilder.AddColumn<bool>(
                name: "Reminders_SecondNudge",
                table: "Organizations",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "Reminders_TimeZone",
                table: "Organizations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");

            migrationBuilder.CreateTable(
                name: "ReminderDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Cycle = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OutboxMessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderDeliveries_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReminderDeliveries_OutboxMessages_OutboxMessageId",
                        column: x => x.OutboxMessageId,
                        principalTable: "OutboxMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReminderDeliveries_People_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReminderDeliveries_People_SubjectPersonId",
                        column: x => x.SubjectPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_OrganizationId",
                table: "ReminderDeliveries",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_OutboxMessageId",
                table: "ReminderDeliveries",
                column: "OutboxMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_RecipientId_SubjectPersonId_Cycle_Kind",
                table: "ReminderDeliveries",
                columns: new[] { "RecipientId", "SubjectPersonId", "Cycle", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_SubjectPersonId",
                table: "ReminderDeliveries",
                column: "SubjectPersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReminderDeliveries");

            migrationBuilder.DropColumn(
                name: "RemindersPausedUntil",
                table: "People");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Reminders_DayOfWeek",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Reminders_Enabled",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Reminders_EscalateAfterMissedCycles",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Reminders_Hour",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Reminders_SecondNudge",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "Reminders_TimeZone",
                table: "Organizations");
        }
    }
}
