using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartCitiesStudy.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GeneratedReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "generated_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    edition_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    city_slug = table.Column<string>(type: "TEXT", maxLength: 140, nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    e_tag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_generated_reports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_generated_reports_edition_code_kind_city_slug_language",
                table: "generated_reports",
                columns: new[] { "edition_code", "kind", "city_slug", "language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "generated_reports");
        }
    }
}
