using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsWire.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddNearDuplicates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArticleBands",
                columns: table => new
                {
                    Key = table.Column<long>(type: "INTEGER", nullable: false),
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleBands", x => new { x.Key, x.ArticleId });
                    table.ForeignKey(
                        name: "FK_ArticleBands_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArticleSignatures",
                columns: table => new
                {
                    ArticleId = table.Column<long>(type: "INTEGER", nullable: false),
                    MinHash = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleSignatures", x => x.ArticleId);
                    table.ForeignKey(
                        name: "FK_ArticleSignatures_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleBands_ArticleId",
                table: "ArticleBands",
                column: "ArticleId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleBands");

            migrationBuilder.DropTable(
                name: "ArticleSignatures");
        }
    }
}
