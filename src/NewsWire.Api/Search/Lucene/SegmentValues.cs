using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// One segment's doc values as plain arrays: ids and dates by document, and the facet fields as ordinals
/// into each segment's own table of values. Segments never change (a delete only hides a document), so the
/// arrays are read once per segment and kept as long as the segment lives, keyed by its core. Read through
/// NIOFSDirectory, doc values cost a file read per lookup; from arrays, counting a facet over 300,000
/// matches or sorting them by date is a few array reads each.
/// </summary>
internal sealed class SegmentValues
{
    private static readonly ConditionalWeakTable<object, SegmentValues> Cache = new();

    private SegmentValues(AtomicReader reader)
    {
        var count = reader.MaxDoc;
        Ids = Numbers(reader.GetNumericDocValues(LuceneFields.Id), count);
        Published = Numbers(reader.GetNumericDocValues(LuceneFields.Published), count);
        Source = new Ordinals(reader.GetSortedDocValues(LuceneFields.SourceValues), count);
        Place = new Ordinals(reader.GetSortedDocValues(LuceneFields.PlaceValues), count);
        Month = new Ordinals(reader.GetSortedDocValues(LuceneFields.MonthValues), count);
        Tags = new OrdinalSets(reader.GetSortedSetDocValues(LuceneFields.TagValues), count);
    }

    public long[] Ids { get; }

    /// <summary>UTC ticks.</summary>
    public long[] Published { get; }

    public Ordinals Source { get; }

    public Ordinals Place { get; }

    public Ordinals Month { get; }

    public OrdinalSets Tags { get; }

    public static SegmentValues Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentValues(reader));

    private static long[] Numbers(NumericDocValues? values, int count)
    {
        var numbers = new long[count];
        if (values is not null)
        {
            for (var doc = 0; doc < count; doc++)
            {
                numbers[doc] = values.Get(doc);
            }
        }

        return numbers;
    }

    private static string[] Table(Func<long, BytesRef, BytesRef> lookup, long count)
    {
        var table = new string[count];
        var bytes = new BytesRef();
        for (var ord = 0L; ord < count; ord++)
        {
            table[ord] = lookup(ord, bytes).Utf8ToString();
        }

        return table;
    }

    /// <summary>A single-valued field: each document's ordinal (-1 for none) and the values by ordinal.</summary>
    internal sealed class Ordinals
    {
        public Ordinals(SortedDocValues? values, int count)
        {
            Of = new int[count];
            Values = values is null ? [] : Table((ord, bytes) => { values.LookupOrd((int)ord, bytes); return bytes; }, values.ValueCount);
            for (var doc = 0; doc < count; doc++)
            {
                Of[doc] = values?.GetOrd(doc) ?? -1;
            }
        }

        public int[] Of { get; }

        public string[] Values { get; }
    }

    /// <summary>A multi-valued field: document d's ordinals are Ords[Starts[d] .. Starts[d + 1]).</summary>
    internal sealed class OrdinalSets
    {
        public OrdinalSets(SortedSetDocValues? values, int count)
        {
            Starts = new int[count + 1];
            var ords = new List<int>(count);
            Values = values is null ? [] : Table((ord, bytes) => { values.LookupOrd(ord, bytes); return bytes; }, values.ValueCount);
            for (var doc = 0; doc < count; doc++)
            {
                Starts[doc] = ords.Count;
                if (values is not null)
                {
                    values.SetDocument(doc);
                    for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
                    {
                        ords.Add((int)ord);
                    }
                }
            }

            Starts[count] = ords.Count;
            Ords = [.. ords];
        }

        public int[] Starts { get; }

        public int[] Ords { get; }

        public string[] Values { get; }
    }

    /// <summary>Reads a newly merged segment's arrays before searches see it, so no search pays for it.</summary>
    internal sealed class Warmer : IndexWriter.IndexReaderWarmer
    {
        public override void Warm(AtomicReader reader) => Of(reader);
    }
}
