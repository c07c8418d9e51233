using Microsoft.EntityFrameworkCore.Migrations;
using NewsWire.Storage.Sqlite;

#nullable disable

namespace NewsWire.Storage.Sqlite.Migrations
{
    /// <summary>
    /// The band table becomes one b-tree (<c>WITHOUT ROWID</c>, ADR 32): the model does not change, only how SQLite
    /// stores it. Only ArticleBands is rebuilt, so the change log's triggers on Articles stay as they are.
    /// </summary>
    public partial class ArticleBandsWithoutRowid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(BandTableSql.WithoutRowid);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(BandTableSql.WithRowid);
        }
    }
}
