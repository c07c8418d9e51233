using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Articles;
using NewsWire.Api.Data;

namespace NewsWire.Api.Search.Lucene;

/// <summary>What the engine indexes of an article: the searchable text and what filters, facets and sorts read.</summary>
public sealed record IndexedArticle(
    long Id,
    string Headline,
    string? Lead,
    string Body,
    IReadOnlyList<string> Headings,
    string? Place,
    string? Source,
    IReadOnlyList<string> Tags,
    string Lang,
    DateTime PublishedAt,
    bool IsDuplicate)
{
    /// <summary>A stored article (its Tags loaded) as the engine sees it.</summary>
    public static IndexedArticle From(Article article) => new(
        article.Id, article.Headline, article.Lead, article.Body,
        SectionLayouts.Rebuild(article.Body, article.SectionLayout)
            .Select(s => s.Heading).OfType<string>().Where(h => h.Length > 0).ToList(),
        article.Place, article.Source, article.Tags.Select(t => t.Name).ToList(), article.Lang,
        DateTime.SpecifyKind(article.PublishedAt, DateTimeKind.Utc), article.DuplicateOfId is not null);

    /// <summary>The stored articles as <see cref="From"/> reads them: untracked, with their tags in a query of their
    /// own (a batch of articles is not repeated once per tag). The tailer, the rebuild and the matcher all read this.</summary>
    public static IQueryable<Article> Stored(NewsWireDb db) => db.Articles.AsNoTracking().AsSplitQuery().Include(a => a.Tags);
}

/// <summary>
/// The index's field names. Text fields are analyzed by <see cref="NewsAnalyzer"/>; the <c>.key</c> fields
/// hold filter values folded as SQLite's NOCASE folds them (ASCII only), so filters match what the store's
/// filters match; the <c>.dv</c> fields are doc values that facets and sorts read without loading documents.
/// </summary>
internal static class LuceneFields
{
    public const string Id = "id";
    public const string Headline = "headline";
    public const string Lead = "lead";
    public const string Body = "body";
    public const string Place = "place";
    public const string Published = "published";
    public const string Hidden = "hidden";
    public const string SourceKey = "source.key";
    public const string PlaceKey = "place.key";
    public const string TagKey = "tag.key";
    public const string LangKey = "lang.key";
    public const string SourceValues = "source.dv";
    public const string PlaceValues = "place.dv";
    public const string TagValues = "tag.dv";
    public const string MonthValues = "month.dv";

    /// <summary>The text fields a term without a scope looks in.</summary>
    public static IReadOnlyList<string> Text { get; } = [Headline, Lead, Body, Place];

    /// <summary>The id as the term the writer updates and deletes by.</summary>
    public static Term IdTerm(long id) => new(Id, id.ToString(CultureInfo.InvariantCulture));

    /// <summary>SQLite's NOCASE: A-Z fold to a-z, nothing else changes.</summary>
    public static string Key(string value) => string.Create(value.Length, value, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }
    });

    /// <summary>The month facet's value, as the store writes it (YYYY-MM of the UTC time).</summary>
    public static string Month(DateTime publishedAt) => publishedAt.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

internal static class ArticleDocument
{
    /// <summary>
    /// The Lucene document of an article. Nothing is stored: a hit is its id (doc values) and score, and the
    /// store reads what the page shows, highlights' text included. Sub-headings are further values of the
    /// body field, so <c>body:</c> finds them, and the position gap keeps a phrase inside one value.
    /// </summary>
    public static Document Create(IndexedArticle article)
    {
        var document = new Document
        {
            new StringField(LuceneFields.Id, article.Id.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new NumericDocValuesField(LuceneFields.Id, article.Id),
            new TextField(LuceneFields.Headline, article.Headline, Field.Store.NO),
            new TextField(LuceneFields.Body, article.Body, Field.Store.NO),
            new NumericDocValuesField(LuceneFields.Published, article.PublishedAt.Ticks),
            new SortedDocValuesField(LuceneFields.MonthValues, new BytesRef(LuceneFields.Month(article.PublishedAt))),
            new StringField(LuceneFields.LangKey, LuceneFields.Key(article.Lang), Field.Store.NO),
        };

        foreach (var heading in article.Headings)
        {
            document.Add(new TextField(LuceneFields.Body, heading, Field.Store.NO));
        }

        if (article.Lead is { Length: > 0 } lead)
        {
            document.Add(new TextField(LuceneFields.Lead, lead, Field.Store.NO));
        }

        if (article.Place is { } place)
        {
            document.Add(new TextField(LuceneFields.Place, place, Field.Store.NO));
            document.Add(new StringField(LuceneFields.PlaceKey, LuceneFields.Key(place), Field.Store.NO));
            document.Add(new SortedDocValuesField(LuceneFields.PlaceValues, new BytesRef(place)));
        }

        if (article.Source is { } source)
        {
            document.Add(new StringField(LuceneFields.SourceKey, LuceneFields.Key(source), Field.Store.NO));
            document.Add(new SortedDocValuesField(LuceneFields.SourceValues, new BytesRef(source)));
        }

        foreach (var tag in article.Tags.Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(LuceneFields.TagKey, LuceneFields.Key(tag), Field.Store.NO));
            document.Add(new SortedSetDocValuesField(LuceneFields.TagValues, new BytesRef(tag)));
        }

        if (article.IsDuplicate)
        {
            document.Add(new StringField(LuceneFields.Hidden, "1", Field.Store.NO));
        }

        return document;
    }
}
