using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Data;
using NewsWire.Core.Articles;
using NewsWire.Core.WireCopy;

namespace NewsWire.Api.Articles;

/// <summary>
/// Writes drafts to the database: slugs, content hashes and exact-duplicate detection live here, so every
/// write path (HTTP, seed, later bulk import) stores articles the same way.
/// </summary>
public sealed class ArticleStore(NewsWireDb db, TimeProvider clock)
{
    private const int SqliteConstraint = 19;

    /// <summary>Stores a new article, or returns the stored one when the draft is an exact duplicate.</summary>
    public async Task<(Article Article, bool Created)> CreateAsync(ArticleDraft draft, CancellationToken cancellationToken)
    {
        var hash = Hash(draft);
        // Two attempts: a concurrent writer may take the same hash or slug between our check and our insert.
        for (var attempt = 0; ; attempt++)
        {
            if (await FindByHashAsync(hash, cancellationToken) is { } existing)
            {
                return (existing, false);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var article = new Article
            {
                Slug = await UniqueSlugAsync(draft.Headline, cancellationToken),
                Headline = draft.Headline, Body = "", SectionLayout = "", ContentHash = hash, Lang = draft.Lang,
                CreatedAt = now,
            };
            Apply(article, draft, hash, now);
            db.Articles.Add(article);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (article, true);
            }
            catch (DbUpdateException e) when (attempt == 0 && e.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint })
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Replaces an article's content; the slug stays so links keep working. Null when the draft
    /// is an exact duplicate of another article, whose id is returned as the conflict.</summary>
    public async Task<(Article? Updated, long? Conflict)> ReplaceAsync(Article article, ArticleDraft draft, CancellationToken cancellationToken)
    {
        var hash = Hash(draft);
        var other = await db.Articles.AsNoTracking()
            .Where(a => a.ContentHash == hash && a.Id != article.Id)
            .Select(a => (long?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
        {
            return (null, other);
        }

        Apply(article, draft, hash, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return (article, null);
    }

    private static void Apply(Article article, ArticleDraft draft, string hash, DateTime now)
    {
        var paragraphs = draft.Sections.SelectMany(s => s.Paragraphs).ToList();
        article.Source = draft.Source;
        article.Headline = draft.Headline;
        article.Lead = draft.Lead;
        article.Place = draft.Place;
        article.Dateline = draft.Dateline;
        article.Section = draft.Section;
        article.Body = string.Join("\n\n", paragraphs);
        article.SectionLayout = SectionLayouts.Serialize(draft.Sections);
        article.PublishedAt = draft.PublishedAt;
        article.Lang = draft.Lang;
        article.Url = draft.Url;
        article.ExternalId = draft.ExternalId;
        article.WordCount = Core.Text.PlainText.CountWords(paragraphs);
        article.ContentHash = hash;
        article.UpdatedAt = now;
        article.Tags.RemoveAll(t => !draft.Tags.Contains(t.Name, StringComparer.OrdinalIgnoreCase));
        foreach (var tag in draft.Tags.Where(t => !article.Tags.Any(x => string.Equals(x.Name, t, StringComparison.OrdinalIgnoreCase))))
        {
            article.Tags.Add(new ArticleTag { Name = tag });
        }
    }

    private static string Hash(ArticleDraft draft) =>
        ContentHash.Compute(draft.Source, draft.Headline, draft.Sections.SelectMany(s => s.Paragraphs));

    private Task<Article?> FindByHashAsync(string hash, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking().Include(a => a.Tags).FirstOrDefaultAsync(a => a.ContentHash == hash, cancellationToken);

    /// <summary>The headline's slug, or the first free "slug-2", "slug-3"… when another story has it.</summary>
    private async Task<string> UniqueSlugAsync(string headline, CancellationToken cancellationToken)
    {
        var slug = Slugs.FromHeadline(headline, ArticleLimits.Slug - 8);
        var taken = await db.Articles.AsNoTracking()
            .Where(a => a.Slug == slug || a.Slug.StartsWith(slug + "-"))
            .Select(a => a.Slug)
            .ToListAsync(cancellationToken);
        if (!taken.Contains(slug))
        {
            return slug;
        }

        var suffix = 2;
        while (taken.Contains($"{slug}-{suffix}"))
        {
            suffix++;
        }

        return $"{slug}-{suffix}";
    }
}

/// <summary>Sections are stored as the body's paragraphs plus a layout of where the sub-headings stand.</summary>
public static class SectionLayouts
{
    private sealed record Entry(string? Heading, int Paragraphs);

    public static string Serialize(IReadOnlyList<ArticleSection> sections) =>
        JsonSerializer.Serialize(sections.Select(s => new Entry(s.Heading, s.Paragraphs.Count)), JsonSerializerOptions.Web);

    public static IReadOnlyList<ArticleSection> Rebuild(string body, string layout)
    {
        var paragraphs = body.Length == 0 ? [] : body.Split("\n\n");
        var entries = JsonSerializer.Deserialize<Entry[]>(layout, JsonSerializerOptions.Web) ?? [];
        var sections = new List<ArticleSection>(entries.Length);
        var start = 0;
        foreach (var entry in entries)
        {
            var count = Math.Clamp(entry.Paragraphs, 0, paragraphs.Length - start);
            sections.Add(new ArticleSection(entry.Heading, paragraphs[start..(start + count)]));
            start += count;
        }

        return sections;
    }
}
