using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AnswerCardSigningKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "signing_keys",
                columns: table => new
                {
                    Purpose = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Key = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signing_keys", x => x.Purpose);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "signing_keys");
        }
    }
}
