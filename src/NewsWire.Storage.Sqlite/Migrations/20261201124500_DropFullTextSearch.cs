using Microsoft.EntityFrameworkCore.Migrations;
using NewsWire.Storage.Sqlite;

#nullable disable

namespace NewsWire.Storage.Sqlite.Migrations
{
    /// <summary>
    /// Lucene is the search engine (ADR 23): the FTS5 index and its three triggers go. Dropping them touches
    /// nothing else: the Articles table is not rebuilt, so the change log's triggers stay as they are.
    /// </summary>
    public partial class DropFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FullTextIndexSql.Drop);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FullTextIndexSql.CreateIndex);
            migrationBuilder.Sql(FullTextIndexSql.CreateTriggers);
            migrationBuilder.Sql(FullTextIndexSql.Rebuild);
        }
    }
}
