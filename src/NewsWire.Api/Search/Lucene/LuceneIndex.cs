using System.Globalization;
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
/// apache/lucenenet#933) and tags with the change-log position of the last change applied, in the same commit
/// as the documents, so a restart knows where to resume (<see cref="Position"/>). Closing commits nothing: what
/// was not committed is applied again from the position (ADR 22). BM25 on both the writer and every searcher.
/// </summary>
public sealed class LuceneIndex : IDisposable
{
    public const double DefaultRamBufferMB = 48;

    /// <summary>A rebuild holds many more documents in memory before it writes a segment: fewer, larger segments.</summary>
    public const double BulkRamBufferMB = 256;

    private const string PositionKey = "position";

    /// <summary>Held open without sharing while the index is open (an OS lock the kernel drops with the process).</summary>
    private const string GuardFile = "newswire.lock";

    private readonly FileStream _guard;
    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _commitLock = new();

    /// <exception cref="SearchIndexInUseException">Another writer (a running service, a reindex) holds the folder.</exception>
    public LuceneIndex(string path, double ramBufferMB = DefaultRamBufferMB)
    {
        System.IO.Directory.CreateDirectory(path);
        _guard = Guard(path);
        _directory = new NIOFSDirectory(path);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, NewsAnalyzer.Instance)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = ramBufferMB,
            MergedSegmentWarmer = new SegmentValues.Warmer(),
        };
        try
        {
            _writer = new IndexWriter(_directory, config);
        }
        catch (LockObtainFailedException e)
        {
            _directory.Dispose();
            _guard.Dispose();
            throw new SearchIndexInUseException(path, e);
        }
        catch
        {
            _directory.Dispose();
            _guard.Dispose();
            throw;
        }

        try
        {
            _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
        }
        catch
        {
            _writer.Rollback();
            _directory.Dispose();
            _guard.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Lucene's write.lock keeps a second writer out within a process, but through Lucene.NET's native lock it did
    /// not keep another process out on Linux (a command beside a running service opened the same folder). A file
    /// opened without sharing is an OS lock (flock on Unix) that every NewsWire process respects.
    /// </summary>
    private static FileStream Guard(string path)
    {
        try
        {
            return new FileStream(System.IO.Path.Combine(path, GuardFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new SearchIndexInUseException(path, e);
        }
    }

    /// <summary>
    /// Opens the index in <paramref name="path"/>; one that cannot be opened (corrupt, of a format this Lucene does
    /// not read, a segment missing) is deleted and a new empty one made in its place, and <paramref name="damage"/>
    /// says why. Everything in the index is derived from the store, so nothing is lost that a rebuild does not restore.
    /// </summary>
    public static LuceneIndex OpenOrReplace(string path, out string? damage)
    {
        damage = null;
        try
        {
            return new LuceneIndex(path);
        }
        catch (Exception e) when (e is not SearchIndexInUseException and not UnauthorizedAccessException)
        {
            damage = $"{e.GetType().Name}: {e.Message}";
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(path).Where(f => System.IO.Path.GetFileName(f) != GuardFile))
        {
            File.Delete(file);
        }

        return new LuceneIndex(path);
    }

    public string Path => _directory.Directory.FullName;

    /// <summary>The change-log position recorded by the last commit, or null for an index never committed with
    /// one, or whose commit data cannot be read as a position.</summary>
    public long? Position =>
        _writer.CommitData is { } data && data.TryGetValue(PositionKey, out var position)
        && long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Adds each article, or replaces the one with its id.</summary>
    public void Upsert(IEnumerable<IndexedArticle> articles)
    {
        foreach (var article in articles)
        {
            _writer.UpdateDocument(LuceneFields.IdTerm(article.Id), ArticleDocument.Create(article));
        }
    }

    /// <summary>Adds articles known not to be in the index (a rebuild after <see cref="Clear"/>): no look-up by id.
    /// Safe to call from several threads at once.</summary>
    public void Add(IEnumerable<IndexedArticle> articles)
    {
        foreach (var article in articles)
        {
            _writer.AddDocument(ArticleDocument.Create(article));
        }
    }

    public void Delete(IEnumerable<long> ids) => _writer.DeleteDocuments(ids.Select(LuceneFields.IdTerm).ToArray());

    /// <summary>Removes every document (a rebuild from the store starts here). Searches and the disk keep the
    /// old documents until the next <see cref="Refresh"/> and <see cref="Commit"/>.</summary>
    public void Clear() => _writer.DeleteAll();

    /// <summary>How much the writer buffers in memory before it writes a segment; a rebuild raises it.</summary>
    public double RamBufferMB
    {
        get => _writer.Config.RAMBufferSizeMB;
        set => _writer.Config.RAMBufferSizeMB = value;
    }

    /// <summary>Makes every write so far visible to searches that start from now on.</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>Makes every write so far durable, recording <paramref name="position"/> in the same commit.</summary>
    public void Commit(long position)
    {
        lock (_commitLock)
        {
            _writer.SetCommitData(new Dictionary<string, string> { [PositionKey] = position.ToString(CultureInfo.InvariantCulture) });
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
        // Lucene 4.8 would commit what is pending on close, under the last commit's position: a rebuild cut
        // short would then be durable, half done, as if complete. Rolling back leaves the last deliberate commit;
        // the tailer commits before it closes, and anything after the position is applied again.
        _writer.Rollback();
        _directory.Dispose();
        _guard.Dispose();
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

/// <summary>The index folder is held by another writer: Lucene's write.lock, taken by a running service or a reindex.</summary>
public sealed class SearchIndexInUseException(string path, Exception inner) : Exception(
    $"The search index at {path} is in use by another NewsWire process (Lucene's write.lock). Each instance needs an " +
    $"index folder of its own ({LuceneSearchSetup.Section}:IndexPath), and `reindex` runs while the service using the folder is stopped.", inner);
