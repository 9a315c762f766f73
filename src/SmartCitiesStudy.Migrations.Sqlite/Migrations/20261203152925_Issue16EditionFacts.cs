using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartCitiesStudy.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue16EditionFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "edition_facts",
                columns: table => new
                {
                    edition_id = table.Column<int>(type: "INTEGER", nullable: false),
                    publishing_body = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    collection_period = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    publication_date = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    methodology = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    questionnaire_reconstructed = table.Column<bool>(type: "INTEGER", nullable: false),
                    changed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_edition_facts", x => x.edition_id);
                    table.ForeignKey(
                        name: "fk_edition_facts_editions_edition_id",
                        column: x => x.edition_id,
                        principalTable: "editions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "edition_facts");
        }
    }
}
