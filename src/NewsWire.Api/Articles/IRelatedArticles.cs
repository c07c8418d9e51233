namespace NewsWire.Api.Articles;

/// <summary>Finds the articles most like one; the search engine answers (Lucene, for every provider: ADR 23).</summary>
public interface IRelatedArticles
{
    /// <summary>Ids, most like first: never the article, its near-duplicates or hidden articles.</summary>
    Task<IReadOnlyList<long>> FindAsync(Article article, int limit, CancellationToken cancellationToken);
}
