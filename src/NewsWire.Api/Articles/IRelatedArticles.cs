namespace NewsWire.Api.Articles;

/// <summary>Finds the articles most like one; each provider answers with its own engine.</summary>
public interface IRelatedArticles
{
    /// <summary>Ids, most like first: never the article, its near-duplicates or hidden articles.</summary>
    Task<IReadOnlyList<long>> FindAsync(Article article, int limit, CancellationToken cancellationToken);
}

/// <summary>No engine for related articles on this provider yet (PostgreSQL: ADR 19): an empty list, not an error.</summary>
internal sealed class NoRelatedArticles : IRelatedArticles
{
    public Task<IReadOnlyList<long>> FindAsync(Article article, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<long>>([]);
}
