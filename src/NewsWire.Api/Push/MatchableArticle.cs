using Lucene.Net.Index;
using Lucene.Net.Index.Memory;
using Lucene.Net.Search;
using NewsWire.Api.Search.Lucene;

namespace NewsWire.Api.Push;

/// <summary>
/// One new article indexed alone in memory (Lucene's <see cref="MemoryIndex"/>), so that saved searches run
/// against it rather than against the archive (ADR 26). It holds the Lucene engine's own document
/// (<see cref="ArticleDocument"/>) analyzed by the engine's own <see cref="NewsAnalyzer"/>: every field a
/// query or a value filter reads is indexed as the engine indexes it, so a saved search matches here exactly
/// when search would find the article. Doc values are the one thing a memory index does not keep; the date
/// filter reads <see cref="PublishedAt"/> instead (<see cref="SavedSearch"/>).
/// </summary>
public sealed class MatchableArticle
{
    private MatchableArticle(IndexedArticle article, IndexSearcher searcher, HashSet<string> words)
    {
        Article = article;
        Searcher = searcher;
        Words = words;
    }

    public IndexedArticle Article { get; }

    public DateTime PublishedAt => Article.PublishedAt;

    internal IndexSearcher Searcher { get; }

    /// <summary>Every index term of the text fields, whatever the field: what <see cref="SavedSearchMatcher{TKey}"/> prefilters by.</summary>
    internal HashSet<string> Words { get; }

    public static MatchableArticle Index(IndexedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var memory = new MemoryIndex();
        var analyzer = NewsAnalyzer.Instance;
        foreach (var field in ArticleDocument.Create(article))
        {
            if (field.IndexableFieldType.IsIndexed)
            {
                // Repeated fields (the body, then each sub-heading) are further values, apart by the analyzer's gap, as in the engine.
                memory.AddField(field.Name, field.GetTokenStream(analyzer), 1f,
                    analyzer.GetPositionIncrementGap(field.Name), analyzer.GetOffsetGap(field.Name));
            }
        }

        var searcher = memory.CreateSearcher();
        return new MatchableArticle(article, searcher, TextWords(searcher.IndexReader));
    }

    /// <summary>The values of an article's text fields (<see cref="LuceneFields.Text"/>, sub-headings among the body's):
    /// what <see cref="Words"/> is made of, and what <see cref="SavedSearchMatcher{TKey}.MayMatchAny"/> reads.</summary>
    public static IEnumerable<string?> TextValues(string headline, string? lead, string body, string? place, IEnumerable<string> headings) =>
        [headline, lead, body, place, .. headings];

    public static IEnumerable<string?> TextValues(IndexedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return TextValues(article.Headline, article.Lead, article.Body, article.Place, article.Headings);
    }

    private static HashSet<string> TextWords(IndexReader reader)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var fields = MultiFields.GetFields(reader);
        foreach (var name in LuceneFields.Text)
        {
            if (fields?.GetTerms(name)?.GetEnumerator() is { } terms)
            {
                while (terms.MoveNext())
                {
                    words.Add(terms.Term.Utf8ToString());
                }
            }
        }

        return words;
    }
}
