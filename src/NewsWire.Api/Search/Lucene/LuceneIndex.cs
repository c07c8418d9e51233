using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Directory = Lucene.Net.Store.Directory;

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
    private readonly Directory _directory;
    private readonly string _path;
    private readonly double _ramBufferMB; // what a reopened writer buffers, as the first did
    private readonly System.Threading.Lock _commitLock = new();
    /// <summary>The writer and the searchers over it, replaced together by <see cref="Reopen"/>.</summary>
    private volatile Generation _current;
    private volatile bool _broken;
    private volatile bool _disposed;

    /// <exception cref="SearchIndexInUseException">Another writer (a running service, a reindex) holds the folder.</exception>
    public LuceneIndex(string path, double ramBufferMB = DefaultRamBufferMB) : this(path, ramBufferMB, folder => new NIOFSDirectory(folder))
    {
    }

    /// <summary>As the public constructor, with <paramref name="openDirectory"/> saying how the folder is opened as a
    /// Lucene directory (tests wrap it to inject faults).</summary>
    internal LuceneIndex(string path, double ramBufferMB, Func<string, Directory> openDirectory)
    {
        System.IO.Directory.CreateDirectory(path);
        _path = System.IO.Path.GetFullPath(path);
        _ramBufferMB = ramBufferMB;
        _guard = Guard(path);
        _directory = openDirectory(path);
        try
        {
            _current = Generation.Open(_directory, path, ramBufferMB);
        }
        catch
        {
            _directory.Dispose();
            _guard.Dispose();
            throw;
        }
    }

    /// <summary>One <see cref="IndexWriter"/> and the <see cref="SearcherManager"/> over it.</summary>
    private sealed class Generation(IndexWriter writer, SearcherManager searchers)
    {
        public IndexWriter Writer => writer;
        public SearcherManager Searchers => searchers;

        public static Generation Open(Directory directory, string path, double ramBufferMB)
        {
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, NewsAnalyzer.Instance)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Similarity = new BM25Similarity(),
                RAMBufferSizeMB = ramBufferMB,
                MergedSegmentWarmer = new SegmentValues.Warmer(),
            };
            IndexWriter writer;
            try
            {
                writer = new IndexWriter(directory, config);
            }
            catch (LockObtainFailedException e)
            {
                throw new SearchIndexInUseException(path, e);
            }

            try
            {
                return new Generation(writer, new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory()));
            }
            catch
            {
                writer.Rollback();
                throw;
            }
        }

        /// <summary>Closes both, committing nothing (see <see cref="LuceneIndex.Dispose"/>); a broken writer may throw
        /// as it closes, and is closed as far as it goes.</summary>
        public void Close()
        {
            try
            {
                searchers.Dispose();
            }
            finally
            {
                try
                {
                    writer.Rollback();
                }
                catch (Exception e) when (e is ObjectDisposedException or OutOfMemoryException or IOException or InvalidOperationException)
                {
                    // Already closed by Lucene, or broken past closing cleanly: its files are left to the next writer.
                }
            }
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

    public string Path => _path;

    /// <summary>
    /// The writer can no longer be trusted: Lucene closed it itself (an exception it cannot recover from in a flush
    /// or merge) or it ran out of memory, after which Lucene 4.8 refuses every commit. Every later write or refresh
    /// would fail too; <see cref="Reopen"/> replaces it.
    /// </summary>
    public bool Broken => _broken;

    /// <summary>
    /// Closes the writer and searchers and opens new ones at the last commit (what was written since is gone,
    /// applied again by the tailer from <see cref="Position"/>); an index that cannot be opened is emptied (and so
    /// without a position, rebuilt from the store). Searches still running on the old searcher finish on it.
    /// </summary>
    public void Reopen()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_commitLock)
        {
            var old = _current;
            old.Close();
            Generation next;
            try
            {
                next = Generation.Open(_directory, _path, _ramBufferMB);
            }
            catch (Exception e) when (e is not SearchIndexInUseException and not UnauthorizedAccessException)
            {
                foreach (var file in _directory.ListAll().Where(f => f != GuardFile && f != IndexWriter.WRITE_LOCK_NAME))
                {
                    _directory.DeleteFile(file);
                }

                next = Generation.Open(_directory, _path, _ramBufferMB);
            }

            _current = next;
            _broken = false;
        }
    }

    /// <summary>Runs a write on the writer, marking the index <see cref="Broken"/> when the writer is past using.</summary>
    private void Write(Action<IndexWriter> write)
    {
        var writer = _current.Writer;
        try
        {
            write(writer);
        }
        catch (Exception e) when (!_disposed && (e is OutOfMemoryException or ObjectDisposedException))
        {
            _broken = true;
            throw;
        }
    }

    /// <summary>The change-log position recorded by the last commit, or null for an index never committed with
    /// one, or whose commit data cannot be read as a position.</summary>
    public long? Position =>
        _current.Writer.CommitData is { } data && data.TryGetValue(PositionKey, out var position)
        && long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Adds each article, or replaces the one with its id.</summary>
    public void Upsert(IEnumerable<IndexedArticle> articles)
    {
        Write(writer =>
        {
            foreach (var article in articles)
            {
                writer.UpdateDocument(LuceneFields.IdTerm(article.Id), ArticleDocument.Create(article));
            }
        });
    }

    /// <summary>Adds articles known not to be in the index (a rebuild after <see cref="Clear"/>): no look-up by id.
    /// Safe to call from several threads at once.</summary>
    public void Add(IEnumerable<IndexedArticle> articles)
    {
        Write(writer =>
        {
            foreach (var article in articles)
            {
                writer.AddDocument(ArticleDocument.Create(article));
            }
        });
    }

    public void Delete(IEnumerable<long> ids) => Write(writer => writer.DeleteDocuments(ids.Select(LuceneFields.IdTerm).ToArray()));

    /// <summary>Removes every document (a rebuild from the store starts here). Searches and the disk keep the
    /// old documents until the next <see cref="Refresh"/> and <see cref="Commit"/>.</summary>
    public void Clear() => Write(writer => writer.DeleteAll());

    /// <summary>How much the writer buffers in memory before it writes a segment; a rebuild raises it.</summary>
    public double RamBufferMB
    {
        get => _current.Writer.Config.RAMBufferSizeMB;
        set => _current.Writer.Config.RAMBufferSizeMB = value;
    }

    /// <summary>Makes every write so far visible to searches that start from now on.</summary>
    public void Refresh() => Write(_ => _current.Searchers.MaybeRefreshBlocking());

    /// <summary>Makes every write so far durable, recording <paramref name="position"/> in the same commit.</summary>
    public void Commit(long position)
    {
        lock (_commitLock)
        {
            Write(writer =>
            {
                writer.SetCommitData(new Dictionary<string, string> { [PositionKey] = position.ToString(CultureInfo.InvariantCulture) });
                writer.Commit();
            });
        }
    }

    /// <summary>Live (not deleted) documents as the current searcher sees them.</summary>
    public int Count => Use(searcher => searcher.IndexReader.NumDocs);

    /// <summary>Runs a read on the current searcher, which stays open (and unchanged) until it returns.</summary>
    internal T Use<T>(Func<IndexSearcher, T> read)
    {
        // Released to the manager it came from: a reopen may replace the current one meanwhile.
        var searchers = _current.Searchers;
        IndexSearcher searcher;
        try
        {
            searcher = searchers.Acquire();
        }
        catch (ObjectDisposedException) when (!_disposed)
        {
            // Closed by a reopen between the read of _current and the acquire: the new one is in place once the
            // reopen lets go of the lock.
            lock (_commitLock)
            {
                searchers = _current.Searchers;
            }

            searcher = searchers.Acquire();
        }

        try
        {
            return read(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        // Lucene 4.8 would commit what is pending on close, under the last commit's position: a rebuild cut
        // short would then be durable, half done, as if complete. Rolling back leaves the last deliberate commit;
        // the tailer commits before it closes, and anything after the position is applied again.
        _current.Close();
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
