using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartCitiesStudy.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QuestionnairesAndAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "questionnaire_version",
                table: "editions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "answers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    response_id = table.Column<int>(type: "INTEGER", nullable: false),
                    path = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    question_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    value_json = table.Column<string>(type: "TEXT", nullable: false),
                    questionnaire_version = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by_user_id = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_answers_responses_response_id",
                        column: x => x.response_id,
                        principalTable: "responses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "questionnaire_versions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    edition_id = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    definition_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionnaire_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_questionnaire_versions_editions_edition_id",
                        column: x => x.edition_id,
                        principalTable: "editions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_answers_question_code",
                table: "answers",
                column: "question_code");

            migrationBuilder.CreateIndex(
                name: "ix_answers_response_id_path",
                table: "answers",
                columns: new[] { "response_id", "path" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_questionnaire_versions_edition_id_number",
                table: "questionnaire_versions",
                columns: new[] { "edition_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "answers");

            migrationBuilder.DropTable(
                name: "questionnaire_versions");

            migrationBuilder.DropColumn(
                name: "questionnaire_version",
                table: "editions");
        }
    }
}
