using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okr.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ObjectiveHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ObjectiveId",
                table: "AuditEvents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "RelatedObjectiveId",
                table: "AuditEvents",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_ObjectiveId_At",
                table: "AuditEvents",
                columns: new[] { "ObjectiveId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_RelatedObjectiveId_At",
                table: "AuditEvents",
                columns: new[] { "RelatedObjectiveId", "At" });

            migrationBuilder.Sql(AuditHistoryBackfill.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_ObjectiveId_At",
                table: "AuditEvents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_RelatedObjectiveId_At",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "ObjectiveId",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "RelatedObjectiveId",
                table: "AuditEvents");
        }
    }
}
