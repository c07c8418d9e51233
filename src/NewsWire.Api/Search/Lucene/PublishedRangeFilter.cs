using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsWire.Api.Search.Lucene;

/// <summary>from ≤ publishedAt &lt; to, read from <see cref="SegmentValues"/>: random access, no postings, no bit set built.</summary>
internal sealed class PublishedRangeFilter(DateTime? from, DateTime? toExclusive) : Filter
{
    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var published = SegmentValues.Of(context.AtomicReader).Published;
        var (low, high) = (from?.Ticks ?? long.MinValue, toExclusive?.Ticks ?? long.MaxValue);
        return new FieldCacheDocIdSet(context.AtomicReader.MaxDoc, acceptDocs, doc => published[doc] >= low && published[doc] < high);
    }
}
