using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartCitiesStudy.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue17EditionTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "edition_texts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    edition_id = table.Column<int>(type: "INTEGER", nullable: false),
                    block = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    markdown = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    signatory_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    signatory_title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    needs_review = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_edition_texts", x => x.id);
                    table.ForeignKey(
                        name: "fk_edition_texts_editions_edition_id",
                        column: x => x.edition_id,
                        principalTable: "editions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_edition_texts_edition_id_block_language",
                table: "edition_texts",
                columns: new[] { "edition_id", "block", "language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "edition_texts");
        }
    }
}
