using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// The engine's index on disk: one <see cref="IndexWriter"/> and a <see cref="SearcherManager"/> over it, in an
/// <see cref="NIOFSDirectory"/> (MMapDirectory crashes on .NET, apache/lucenenet#1013). Writes are upserts and
/// deletes by article id; they are searchable after <see cref="Refresh"/> (near-real-time, no commit needed)
/// and durable after <see cref="Commit"/>, which the caller batches (each commit fsyncs, slow on .NET 8+,
/// apache/lucenenet#933) and tags with the position of the last change applied, so that a restart knows
/// where to resume (<see cref="LastAppliedPosition"/>). BM25 on both the writer and every searcher.
/// </summary>
public sealed class LuceneIndex : IDisposable
{
    private const string PositionKey = "position";

    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _commitLock = new();

    public LuceneIndex(string path, double ramBufferMB = 48)
    {
        System.IO.Directory.CreateDirectory(path);
        _directory = new NIOFSDirectory(path);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, NewsAnalyzer.Instance)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = ramBufferMB,
            MergedSegmentWarmer = new SegmentValues.Warmer(),
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    public string Path => _directory.Directory.FullName;

    /// <summary>The position recorded by the last commit, or null for an index never committed with one.</summary>
    public string? LastAppliedPosition =>
        _writer.CommitData is { } data && data.TryGetValue(PositionKey, out var position) ? position : null;

    /// <summary>Adds each article, or replaces the one with its id.</summary>
    public void Upsert(IEnumerable<IndexedArticle> articles)
    {
        foreach (var article in articles)
        {
            _writer.UpdateDocument(LuceneFields.IdTerm(article.Id), ArticleDocument.Create(article));
        }
    }

    public void Delete(IEnumerable<long> ids) => _writer.DeleteDocuments(ids.Select(LuceneFields.IdTerm).ToArray());

    /// <summary>Removes every document (a rebuild from the store starts here).</summary>
    public void Clear() => _writer.DeleteAll();

    /// <summary>Makes every write so far visible to searches that start from now on.</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>Makes every write so far durable, recording <paramref name="position"/> with them.</summary>
    public void Commit(string? position)
    {
        lock (_commitLock)
        {
            if (position is not null)
            {
                _writer.SetCommitData(new Dictionary<string, string> { [PositionKey] = position });
            }

            _writer.Commit();
        }
    }

    /// <summary>Live (not deleted) documents as the current searcher sees them.</summary>
    public int Count => Use(searcher => searcher.IndexReader.NumDocs);

    /// <summary>Runs a read on the current searcher, which stays open (and unchanged) until it returns.</summary>
    internal T Use<T>(Func<IndexSearcher, T> read)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        // Lucene 4.8 commits what is pending on close; replaying changes after the recorded position again is
        // harmless, as every write is an upsert or a delete by id.
        _writer.Dispose();
        _directory.Dispose();
    }

    /// <summary>BM25, and each new segment's arrays read before the searcher is handed out, so no search pays for them.</summary>
    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            foreach (var leaf in reader.Leaves)
            {
                SegmentValues.Of(leaf.AtomicReader);
            }

            return new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        }
    }
}
