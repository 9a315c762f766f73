using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartCitiesStudy.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ArchivedEditions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "holds_demo_data",
                table: "editions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "published_records",
                columns: table => new
                {
                    edition_id = table.Column<int>(type: "integer", nullable: false),
                    respondents = table.Column<int>(type: "integer", nullable: false),
                    document_json = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_published_records", x => x.edition_id);
                    table.ForeignKey(
                        name: "fk_published_records_editions_edition_id",
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
                name: "published_records");

            migrationBuilder.DropColumn(
                name: "holds_demo_data",
                table: "editions");
        }
    }
}
