using NewsWire.Core.Articles;

namespace NewsWire.Storage;

/// <summary>
/// A draft with what the writer derives from its text, computed apart from the writing so that a bulk import
/// can prepare the next articles on one core while the other writes.
/// </summary>
public sealed record PreparedArticle(ArticleDraft Draft, List<string> Paragraphs, string Hash, byte[] Signature, long[] BandKeys)
{
    public static PreparedArticle From(ArticleDraft draft)
    {
        var paragraphs = draft.Sections.SelectMany(s => s.Paragraphs).ToList();
        var signature = NearDuplicates.Signature(paragraphs);
        return new PreparedArticle(draft, paragraphs, ContentHash.Compute(draft.Source, draft.Headline, paragraphs),
            signature, NearDuplicates.BandKeys(signature));
    }
}

/// <summary>What became of one draft.</summary>
/// <param name="Id">The stored article: the new one, or the one the draft exactly duplicates.</param>
/// <param name="Created">False for an exact duplicate, which is not stored again.</param>
/// <param name="DuplicateOf">For a near-duplicate: the story it repeats.</param>
public readonly record struct WriteOutcome(long Id, bool Created, long? DuplicateOf);

/// <summary>What became of a replacement.</summary>
/// <param name="Found">False when there was no such article; nothing is written then.</param>
/// <param name="Conflict">Another article the new content exactly duplicates (nothing is written then), or null.</param>
public readonly record struct ReplaceOutcome(bool Found, long? Conflict);

/// <summary>How long a write connection will be busy: a bulk load may tune the connection for itself.</summary>
public enum WriteLoad
{
    OneArticle,
    Bulk,
}

/// <summary>
/// A provider's way in for writes. Every article write, by every path (POST, PUT, DELETE, bulk import over HTTP,
/// the command-line import, the seed), goes through an <see cref="IArticleWriter"/> from here, so duplicates are
/// decided one way and every write is in the change log in the same transaction (ADR 8, ADR 19, ADR 20).
/// </summary>
public interface IArticleWrites
{
    /// <summary>Holds the context's connection open for writing until disposed.</summary>
    Task<IWriteConnection> OpenAsync(NewsWireDb db, WriteLoad load, CancellationToken cancellationToken);
}

/// <summary>An open connection on which writes happen, one transaction at a time.</summary>
public interface IWriteConnection : IAsyncDisposable
{
    /// <summary>Begins a transaction (taking the write lock up front where the engine has one) and a writer in it.
    /// Until the writer is disposed, queries on the context run in that transaction too, so they see the
    /// database as the writes will find it.</summary>
    Task<IArticleWriter> BeginAsync(CancellationToken cancellationToken);
}

/// <summary>The writes of one transaction; nothing is kept unless <see cref="CommitAsync"/> is called.</summary>
public interface IArticleWriter : IAsyncDisposable
{
    /// <summary>Stores a new article, or names the stored one the draft exactly duplicates.</summary>
    ValueTask<WriteOutcome> CreateAsync(PreparedArticle article, DateTime now, CancellationToken cancellationToken);

    /// <summary>Stores a batch of new articles as <see cref="CreateAsync"/> would one after another, in order (a later
    /// article may duplicate an earlier one of the same batch): one outcome per article. A provider may load them
    /// in bulk (PostgreSQL: binary COPY, ADR 25).</summary>
    ValueTask<IReadOnlyList<WriteOutcome>> CreateManyAsync(IReadOnlyList<PreparedArticle> articles, DateTime now, CancellationToken cancellationToken);

    /// <summary>Replaces an article's content and recomputes its near-duplicate link; nothing is written when the
    /// article is missing or the new content exactly duplicates another.</summary>
    ValueTask<ReplaceOutcome> ReplaceAsync(long id, PreparedArticle article, DateTime now, CancellationToken cancellationToken);

    /// <summary>Deletes an article; its near-duplicates are unlinked. False when there was none.</summary>
    ValueTask<bool> DeleteAsync(long id, CancellationToken cancellationToken);

    /// <summary>Commits, and returns the change-log position the writes reached (ADR 20): the position of this
    /// transaction's last change, or the head it saw when it changed nothing. A reader that has seen the
    /// position has seen these writes.</summary>
    Task<long> CommitAsync(CancellationToken cancellationToken);
}
