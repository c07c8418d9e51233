using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// The one collector of a search: counts every match (the total is exact), keeps the best offset+limit in
/// a bounded heap, and feeds the facet counter. Relevance orders by score, then the higher id (the newer
/// write, as FTS5 breaks ties); newest and oldest order by date, then id, and score only the documents that
/// enter the heap. Ids and dates come from <see cref="SegmentValues"/>. Documents may arrive out of order
/// (Lucene's fastest disjunction scorer), which the id tie-break makes harmless. It looks at the cancellation
/// token at each segment and every <see cref="CancellationCheckInterval"/> matches, a cost no search notices,
/// and stops the search by throwing when it is cancelled.
/// </summary>
internal sealed class PageCollector : ICollector
{
    private readonly SearchSort _sort;
    private readonly int _size;
    private readonly FacetCounter? _facets;
    private const int CancellationCheckInterval = 4096;

    private readonly PriorityQueue<Entry, Entry> _heap;
    private readonly CancellationToken _cancellationToken;
    private Scorer? _scorer;
    private long[] _ids = [];
    private long[] _published = [];
    private int _docBase;

    /// <summary>A kept hit; <see cref="Key"/> is the date for the time orders.</summary>
    public readonly record struct Entry(float Score, long Key, long Id, int Doc);

    public PageCollector(SearchSort sort, int size, FacetCounter? facets, CancellationToken cancellationToken = default)
    {
        _cancellationToken = cancellationToken;
        _sort = sort;
        _size = Math.Max(1, size);
        _facets = facets;
        // The heap's top is the worst hit kept, the one a better hit replaces.
        _heap = new PriorityQueue<Entry, Entry>(_size + 1, Comparer<Entry>.Create(Compare));
    }

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var values = SegmentValues.Of(context.AtomicReader);
        _ids = values.Ids;
        _published = values.Published;
        _docBase = context.DocBase;
        _facets?.SetSegment(values);
    }

    public void Collect(int doc)
    {
        if (++Total % CancellationCheckInterval == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        _facets?.Collect(doc);
        var entry = _sort == SearchSort.Relevance
            ? new Entry(_scorer!.GetScore(), 0, _ids[doc], _docBase + doc)
            : new Entry(0, _published[doc], _ids[doc], _docBase + doc);
        if (_heap.Count == _size && Compare(entry, _heap.Peek()) <= 0)
        {
            return;
        }

        if (_sort != SearchSort.Relevance)
        {
            entry = entry with { Score = _scorer!.GetScore() };
        }

        if (_heap.Count == _size)
        {
            _heap.DequeueEnqueue(entry, entry);
        }
        else
        {
            _heap.Enqueue(entry, entry);
        }
    }

    /// <summary>The kept hits best first, from <paramref name="offset"/>; call once the search is done.</summary>
    public List<Entry> Page(int offset, int limit)
    {
        var kept = new List<Entry>(_heap.Count);
        while (_heap.TryDequeue(out var entry, out _))
        {
            kept.Add(entry);
        }

        kept.Reverse();
        return kept.Skip(offset).Take(limit).ToList();
    }

    /// <summary>Positive when <paramref name="a"/> ranks before <paramref name="b"/>.</summary>
    private int Compare(Entry a, Entry b) => _sort switch
    {
        SearchSort.Relevance => a.Score != b.Score ? a.Score.CompareTo(b.Score) : a.Id.CompareTo(b.Id),
        SearchSort.Newest => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Id.CompareTo(b.Id),
        _ => a.Key != b.Key ? b.Key.CompareTo(a.Key) : b.Id.CompareTo(a.Id),
    };
}
