using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsWire.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndexesForHiddenDuplicates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_DuplicateOfId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Lang_PublishedAt_Id",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Place_PublishedAt_Id",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Source_PublishedAt_Id",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_DuplicateOfId_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "DuplicateOfId", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Lang_PublishedAt_Id_DuplicateOfId",
                table: "Articles",
                columns: new[] { "Lang", "PublishedAt", "Id", "DuplicateOfId" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Place_PublishedAt_Id_DuplicateOfId",
                table: "Articles",
                columns: new[] { "Place", "PublishedAt", "Id", "DuplicateOfId" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Source_PublishedAt_Id_DuplicateOfId",
                table: "Articles",
                columns: new[] { "Source", "PublishedAt", "Id", "DuplicateOfId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Articles_DuplicateOfId_PublishedAt_Id",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Lang_PublishedAt_Id_DuplicateOfId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Place_PublishedAt_Id_DuplicateOfId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Source_PublishedAt_Id_DuplicateOfId",
                table: "Articles");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_DuplicateOfId",
                table: "Articles",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Lang_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "Lang", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Place_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "Place", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Source_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "Source", "PublishedAt", "Id" });
        }
    }
}
