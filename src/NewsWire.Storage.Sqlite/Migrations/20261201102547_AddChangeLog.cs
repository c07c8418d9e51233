using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsWire.Storage.Sqlite.Migrations
{
    /// <summary>The change log (ADR 20): its table, the triggers that append to it, and the articles already stored, as created.</summary>
    public partial class AddChangeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArticleChanges",
                columns: table => new
                {
                    Position = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleChanges", x => x.Position);
                });

            migrationBuilder.CreateTable(
                name: "ChangeLogState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    CompactedThrough = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeLogState", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleChanges_ArticleId_Position",
                table: "ArticleChanges",
                columns: new[] { "ArticleId", "Position" });

            migrationBuilder.Sql(ChangeLogSql.CreateTriggers);
            migrationBuilder.Sql(ChangeLogSql.Backfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ChangeLogSql.DropTriggers);
            migrationBuilder.DropTable(
                name: "ArticleChanges");

            migrationBuilder.DropTable(
                name: "ChangeLogState");
        }
    }
}
