using Microsoft.EntityFrameworkCore.Migrations;
using NewsWire.Storage.Sqlite;

#nullable disable

namespace NewsWire.Storage.Sqlite.Migrations
{
    /// <summary>The FTS5 index over Articles, its triggers, and the index filled for rows already there.</summary>
    public partial class AddFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FullTextIndexSql.CreateIndex);
            migrationBuilder.Sql(FullTextIndexSql.CreateTriggers);
            migrationBuilder.Sql(FullTextIndexSql.Rebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FullTextIndexSql.Drop);
        }
    }
}
