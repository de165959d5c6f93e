using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScaleOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "unanswered_questions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "answer_feedback",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "job_leases",
                columns: table => new
                {
                    Job = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Until = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_leases", x => x.Job);
                });

            migrationBuilder.CreateTable(
                name: "processed_activities",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_processed_activities", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_unanswered_questions_TenantId_OutOfScope",
                table: "unanswered_questions",
                columns: new[] { "TenantId", "OutOfScope" });

            migrationBuilder.CreateIndex(
                name: "IX_answer_feedback_TenantId",
                table: "answer_feedback",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_processed_activities_ReceivedAt",
                table: "processed_activities",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_leases");

            migrationBuilder.DropTable(
                name: "processed_activities");

            migrationBuilder.DropIndex(
                name: "IX_unanswered_questions_TenantId_OutOfScope",
                table: "unanswered_questions");

            migrationBuilder.DropIndex(
                name: "IX_answer_feedback_TenantId",
                table: "answer_feedback");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "unanswered_questions");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "answer_feedback");
        }
    }
}
