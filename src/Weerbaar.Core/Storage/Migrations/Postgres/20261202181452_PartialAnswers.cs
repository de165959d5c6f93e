using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartialAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Partial",
                table: "unanswered_questions",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Partial",
                table: "unanswered_questions");
        }
    }
}
