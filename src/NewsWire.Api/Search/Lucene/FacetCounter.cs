using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// Counts the asked facets over every match while the search collects it: per segment, one array of counts
/// by the segment's doc-value ordinals, turned into values only once the segment is done, so no document is
/// ever loaded. Values that differ only in case (NOCASE) count together under their lowest spelling, most
/// frequent first, as the FTS5 search answers.
/// </summary>
internal sealed class FacetCounter(IReadOnlySet<Facet> facets) : ICollector
{
    public const int ValuesPerFacet = 20;

    private readonly Counts?[] _counts = Enum.GetValues<Facet>().Select(f => facets.Contains(f) ? new Counts() : null).ToArray();
    private SortedDocValues? _source;
    private SortedDocValues? _place;
    private SortedDocValues? _month;
    private SortedSetDocValues? _tag;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _source = Open(Facet.Source, reader.GetSortedDocValues(LuceneFields.SourceValues));
        _place = Open(Facet.Place, reader.GetSortedDocValues(LuceneFields.PlaceValues));
        _month = Open(Facet.Month, reader.GetSortedDocValues(LuceneFields.MonthValues));
        _tag = _counts[(int)Facet.Tag] is { } tags ? reader.GetSortedSetDocValues(LuceneFields.TagValues) : null;
        if (_tag is not null)
        {
            _counts[(int)Facet.Tag]!.Start(_tag);
        }
    }

    public void Collect(int doc)
    {
        if (_source is not null)
        {
            _counts[(int)Facet.Source]!.Add(_source.GetOrd(doc));
        }

        if (_place is not null)
        {
            _counts[(int)Facet.Place]!.Add(_place.GetOrd(doc));
        }

        if (_month is not null)
        {
            _counts[(int)Facet.Month]!.Add(_month.GetOrd(doc));
        }

        if (_tag is not null)
        {
            var tags = _counts[(int)Facet.Tag]!;
            _tag.SetDocument(doc);
            for (var ord = _tag.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _tag.NextOrd())
            {
                tags.Add((int)ord);
            }
        }
    }

    /// <summary>The counts of every asked facet, keyed by its lower-case name; call once the search is done.</summary>
    public Dictionary<string, IReadOnlyList<FacetValue>> Result()
    {
        Flush();
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (var facet in Enum.GetValues<Facet>())
        {
            if (_counts[(int)facet] is { } counts)
            {
                result[facet.ToString().ToLowerInvariant()] = counts.Top(ValuesPerFacet);
            }
        }

        return result;
    }

    private SortedDocValues? Open(Facet facet, SortedDocValues? values)
    {
        if (_counts[(int)facet] is not { } counts || values is null)
        {
            return null;
        }

        counts.Start(values);
        return values;
    }

    private void Flush()
    {
        foreach (var counts in _counts)
        {
            counts?.Flush();
        }
    }

    /// <summary>One facet's counts: this segment's by ordinal, and all segments' so far by value.</summary>
    private sealed class Counts
    {
        private readonly Dictionary<string, int> _byValue = new(StringComparer.Ordinal);
        private readonly BytesRef _scratch = new();
        private int[] _byOrd = [];
        private Action<int, BytesRef>? _lookup;

        public void Start(SortedDocValues values)
        {
            _byOrd = new int[values.ValueCount];
            _lookup = values.LookupOrd;
        }

        public void Start(SortedSetDocValues values)
        {
            _byOrd = new int[checked((int)values.ValueCount)];
            _lookup = (ord, bytes) => values.LookupOrd(ord, bytes);
        }

        public void Add(int ord)
        {
            if (ord >= 0)
            {
                _byOrd[ord]++;
            }
        }

        public void Flush()
        {
            for (var ord = 0; ord < _byOrd.Length; ord++)
            {
                if (_byOrd[ord] > 0)
                {
                    _lookup!(ord, _scratch);
                    var value = _scratch.Utf8ToString();
                    _byValue[value] = _byValue.GetValueOrDefault(value) + _byOrd[ord];
                }
            }

            _byOrd = [];
        }

        public List<FacetValue> Top(int count) => _byValue
            .GroupBy(v => LuceneFields.Key(v.Key), StringComparer.Ordinal)
            .Select(g => new FacetValue { Value = g.Select(v => v.Key).Min(StringComparer.Ordinal)!, Count = g.Sum(v => v.Value) })
            .OrderByDescending(v => v.Count)
            .ThenBy(v => LuceneFields.Key(v.Value), StringComparer.Ordinal)
            .ThenBy(v => v.Value, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }
}
