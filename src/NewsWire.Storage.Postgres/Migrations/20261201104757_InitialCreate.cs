using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NewsWire.Storage.Postgres.Migrations
{
    /// <summary>The whole schema on PostgreSQL (case-insensitive columns as citext), and the change-log trigger (ADR 20).</summary>
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:citext", ",,");

            migrationBuilder.CreateTable(
                name: "ArticleChanges",
                columns: table => new
                {
                    Position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleChanges", x => x.Position);
                });

            migrationBuilder.CreateTable(
                name: "Articles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C"),
                    Source = table.Column<string>(type: "citext", maxLength: 100, nullable: true),
                    Headline = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Lead = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Place = table.Column<string>(type: "citext", maxLength: 200, nullable: true),
                    Dateline = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Section = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Lang = table.Column<string>(type: "citext", maxLength: 35, nullable: false),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WordCount = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DuplicateOfId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SectionLayout = table.Column<string>(type: "text", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Byline = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Credits = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Articles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Articles_Articles_DuplicateOfId",
                        column: x => x.DuplicateOfId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ChangeLogState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    CompactedThrough = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeLogState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ArticleBands",
                columns: table => new
                {
                    Key = table.Column<long>(type: "bigint", nullable: false),
                    ArticleId = table.Column<long>(type: "bigint", nullable: false)
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
                    ArticleId = table.Column<long>(type: "bigint", nullable: false),
                    MinHash = table.Column<byte[]>(type: "bytea", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "ArticleTags",
                columns: table => new
                {
                    ArticleId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "citext", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleTags", x => new { x.ArticleId, x.Name });
                    table.ForeignKey(
                        name: "FK_ArticleTags_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleBands_ArticleId",
                table: "ArticleBands",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleChanges_ArticleId_Position",
                table: "ArticleChanges",
                columns: new[] { "ArticleId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ContentHash",
                table: "Articles",
                column: "ContentHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_DuplicateOfId_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "DuplicateOfId", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ExternalId",
                table: "Articles",
                column: "ExternalId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Lang_PublishedAt_Id_DuplicateOfId",
                table: "Articles",
                columns: new[] { "Lang", "PublishedAt", "Id", "DuplicateOfId" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Place_PublishedAt_Id_DuplicateOfId",
                table: "Articles",
                columns: new[] { "Place", "PublishedAt", "Id", "DuplicateOfId" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublishedAt_Id",
                table: "Articles",
                columns: new[] { "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Slug",
                table: "Articles",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Source_PublishedAt_Id_DuplicateOfId",
                table: "Articles",
                columns: new[] { "Source", "PublishedAt", "Id", "DuplicateOfId" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleTags_Name_ArticleId",
                table: "ArticleTags",
                columns: new[] { "Name", "ArticleId" });

            migrationBuilder.Sql(ChangeLogSql.CreateTrigger);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ChangeLogSql.DropTrigger);
            migrationBuilder.DropTable(
                name: "ArticleBands");

            migrationBuilder.DropTable(
                name: "ArticleChanges");

            migrationBuilder.DropTable(
                name: "ArticleSignatures");

            migrationBuilder.DropTable(
                name: "ArticleTags");

            migrationBuilder.DropTable(
                name: "ChangeLogState");

            migrationBuilder.DropTable(
                name: "Articles");
        }
    }
}
