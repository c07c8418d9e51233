using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsWire.Api.Data;

namespace NewsWire.Api.Articles;

/// <summary>
/// Resolves the <c>{id}</c> of every article route: a numeric id or a slug (slugs always hold a letter).
/// Slugs are matched without regard to ASCII case, on every route alike (ADR 4): they are stored lower-case,
/// so the input is lower-cased and the unique index still serves the look-up.
/// </summary>
public static class ArticleLookup
{
    // The hottest reads are compiled once per model (one per provider: a compiled query is bound to the model
    // it first ran on), skipping EF Core's query cache look-up on every request.
    private static readonly ConditionalWeakTable<IModel, CompiledReads> Compiled = [];

    private sealed class CompiledReads
    {
        public readonly Func<NewsWireDb, long, CancellationToken, Task<Article?>> ById =
            EF.CompileAsyncQuery((NewsWireDb db, long id, CancellationToken _) => db.Articles.AsNoTracking().FirstOrDefault(a => a.Id == id));

        public readonly Func<NewsWireDb, string, CancellationToken, Task<Article?>> BySlug =
            EF.CompileAsyncQuery((NewsWireDb db, string slug, CancellationToken _) => db.Articles.AsNoTracking().FirstOrDefault(a => a.Slug == slug));

        public readonly Func<NewsWireDb, long, IAsyncEnumerable<ArticleTag>> TagsOf =
            EF.CompileAsyncQuery((NewsWireDb db, long id) => db.ArticleTags.AsNoTracking().Where(t => t.ArticleId == id));
    }

    private static CompiledReads Reads(NewsWireDb db) => Compiled.GetValue(db.Model, _ => new CompiledReads());

    private static Task<Article?> ById(NewsWireDb db, long id, CancellationToken cancellationToken) => Reads(db).ById(db, id, cancellationToken);

    private static Task<Article?> BySlug(NewsWireDb db, string slug, CancellationToken cancellationToken) => Reads(db).BySlug(db, slug, cancellationToken);

    private static IAsyncEnumerable<ArticleTag> TagsOf(NewsWireDb db, long id) => Reads(db).TagsOf(db, id);

    public static IQueryable<Article> WhereIdOrSlug(this IQueryable<Article> articles, string idOrSlug)
    {
        if (TryParseId(idOrSlug, out var id))
        {
            return articles.Where(a => a.Id == id);
        }

        var slug = AsStoredSlug(idOrSlug);
        return articles.Where(a => a.Slug == slug);
    }

    /// <summary>
    /// An article and its tags for reading, in two plain statements rather than EF Core's joined one:
    /// SQLite prepares every statement anew, and preparing the join cost more than running both.
    /// </summary>
    public static async Task<Article?> LoadForReadingAsync(this NewsWireDb db, string idOrSlug, CancellationToken cancellationToken) =>
        await WithTagsAsync(db, TryParseId(idOrSlug, out var id)
            ? await ById(db, id, cancellationToken)
            : await BySlug(db, AsStoredSlug(idOrSlug), cancellationToken), cancellationToken);

    /// <inheritdoc cref="LoadForReadingAsync(NewsWireDb, string, CancellationToken)"/>
    public static async Task<Article?> LoadForReadingAsync(this NewsWireDb db, long id, CancellationToken cancellationToken) =>
        await WithTagsAsync(db, await ById(db, id, cancellationToken), cancellationToken);

    public static Task<Article?> FindAsync(this NewsWireDb db, string idOrSlug, CancellationToken cancellationToken) =>
        db.Articles.Include(a => a.Tags).WhereIdOrSlug(idOrSlug).FirstOrDefaultAsync(cancellationToken);

    private static async Task<Article?> WithTagsAsync(NewsWireDb db, Article? article, CancellationToken cancellationToken)
    {
        if (article is not null)
        {
            await foreach (var tag in TagsOf(db, article.Id).WithCancellation(cancellationToken))
            {
                article.Tags.Add(tag);
            }
        }

        return article;
    }

    /// <summary>
    /// ASCII letters only: slugs hold nothing else, and a wider folding (the Kelvin sign to k, dotless ı to i)
    /// would make look-alike addresses resolve.
    /// </summary>
    private static string AsStoredSlug(string slug)
    {
        if (!slug.Any(char.IsAsciiLetterUpper))
        {
            return slug;
        }

        return string.Create(slug.Length, slug, static (lower, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                lower[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
            }
        });
    }

    private static bool TryParseId(string idOrSlug, out long id) =>
        long.TryParse(idOrSlug, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
