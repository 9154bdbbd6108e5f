using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Okr.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BusinessReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ListUnsubscribeUrl",
                table: "OutboxMessages",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BusinessReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    AsOf = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ScheduledFor = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RequestedById = table.Column<Guid>(type: "uuid", nullable: true),
                    PreviousReviewId = table.Column<Guid>(type: "uuid", nullable: true),
                    Document = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BusinessReviews_OrgUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BusinessReviews_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BusinessReviews_People_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BusinessReviews_Periods_PeriodId",
                        column: x => x.PeriodId,
                        principalTable: "Periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EmailOptOuts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailOptOuts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmailOptOuts_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EmailOptOuts_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessReviews_OrganizationId",
                table: "BusinessReviews",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessReviews_PeriodId",
                table: "BusinessReviews",
                column: "PeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessReviews_RequestedById",
                table: "BusinessReviews",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessReviews_UnitId_PeriodId_AsOf",
                table: "BusinessReviews",
                columns: new[] { "UnitId", "PeriodId", "AsOf" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessReviews_UnitId_PeriodId_ScheduledFor",
                table: "BusinessReviews",
                columns: new[] { "UnitId", "PeriodId", "ScheduledFor" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmailOptOuts_OrganizationId",
                table: "EmailOptOuts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailOptOuts_PersonId_Kind",
                table: "EmailOptOuts",
                columns: new[] { "PersonId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BusinessReviews");

            migrationBuilder.DropTable(
                name: "EmailOptOuts");

            migrationBuilder.DropColumn(
                name: "ListUnsubscribeUrl",
                table: "OutboxMessages");
        }
    }
}
