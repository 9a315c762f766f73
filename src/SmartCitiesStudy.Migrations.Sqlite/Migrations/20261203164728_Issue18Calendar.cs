using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartCitiesStudy.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Issue18Calendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "auto_close_at_deadline",
                table: "editions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "opens_on",
                table: "editions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "deadline_extensions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    edition_id = table.Column<int>(type: "INTEGER", nullable: false),
                    city_id = table.Column<int>(type: "INTEGER", nullable: false),
                    until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    granted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    granted_by = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deadline_extensions", x => x.id);
                    table.ForeignKey(
                        name: "fk_deadline_extensions_cities_city_id",
                        column: x => x.city_id,
                        principalTable: "cities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_deadline_extensions_editions_edition_id",
                        column: x => x.edition_id,
                        principalTable: "editions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scheduled_notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduled_notices", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deadline_extensions_city_id",
                table: "deadline_extensions",
                column: "city_id");

            migrationBuilder.CreateIndex(
                name: "ix_deadline_extensions_edition_id_city_id",
                table: "deadline_extensions",
                columns: new[] { "edition_id", "city_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_notices_key_day",
                table: "scheduled_notices",
                columns: new[] { "key", "day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deadline_extensions");

            migrationBuilder.DropTable(
                name: "scheduled_notices");

            migrationBuilder.DropColumn(
                name: "auto_close_at_deadline",
                table: "editions");

            migrationBuilder.DropColumn(
                name: "opens_on",
                table: "editions");
        }
    }
}
