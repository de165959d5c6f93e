using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionReportWord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Word",
                table: "session_reports",
                type: "BLOB",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Word",
                table: "session_reports");
        }
    }
}
