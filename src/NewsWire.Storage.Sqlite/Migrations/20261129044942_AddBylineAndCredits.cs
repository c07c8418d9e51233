using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsWire.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddBylineAndCredits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Byline",
                table: "Articles",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Credits",
                table: "Articles",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Byline",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Credits",
                table: "Articles");
        }
    }
}
