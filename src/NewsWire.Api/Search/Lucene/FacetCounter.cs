namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// Counts the asked facets over every match as the search collects it: per segment, an array of counts by
/// the segment's ordinals (<see cref="SegmentValues"/>), added up by value when the segment is done, so no
/// document is ever loaded. Values that differ only in case (NOCASE) count together under their lowest
/// spelling, most frequent first, as the FTS5 search answers.
/// </summary>
internal sealed class FacetCounter
{
    public const int ValuesPerFacet = 20;

    private readonly Counts? _source;
    private readonly Counts? _place;
    private readonly Counts? _month;
    private readonly Counts? _tag;
    private int[]? _sourceOf;
    private int[]? _placeOf;
    private int[]? _monthOf;
    private SegmentValues.OrdinalSets? _tags;

    public FacetCounter(IReadOnlySet<Facet> facets)
    {
        _source = facets.Contains(Facet.Source) ? new Counts() : null;
        _place = facets.Contains(Facet.Place) ? new Counts() : null;
        _month = facets.Contains(Facet.Month) ? new Counts() : null;
        _tag = facets.Contains(Facet.Tag) ? new Counts() : null;
    }

    public void SetSegment(SegmentValues values)
    {
        _sourceOf = _source?.Start(values.Source.Values) is null ? null : values.Source.Of;
        _placeOf = _place?.Start(values.Place.Values) is null ? null : values.Place.Of;
        _monthOf = _month?.Start(values.Month.Values) is null ? null : values.Month.Of;
        _tags = _tag?.Start(values.Tags.Values) is null ? null : values.Tags;
    }

    public void Collect(int doc)
    {
        if (_sourceOf is not null)
        {
            _source!.Add(_sourceOf[doc]);
        }

        if (_placeOf is not null)
        {
            _place!.Add(_placeOf[doc]);
        }

        if (_monthOf is not null)
        {
            _month!.Add(_monthOf[doc]);
        }

        if (_tags is { } tags)
        {
            for (var i = tags.Starts[doc]; i < tags.Starts[doc + 1]; i++)
            {
                _tag!.Add(tags.Ords[i]);
            }
        }
    }

    /// <summary>The counts of every asked facet, keyed by its lower-case name; call once the search is done.</summary>
    public Dictionary<string, IReadOnlyList<FacetValue>> Result()
    {
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>();
        void Add(string name, Counts? counts)
        {
            if (counts is not null)
            {
                result[name] = counts.Top(ValuesPerFacet);
            }
        }

        Add("source", _source);
        Add("tag", _tag);
        Add("place", _place);
        Add("month", _month);
        return result;
    }

    /// <summary>One facet's counts: this segment's by ordinal, and all segments' so far by value.</summary>
    private sealed class Counts
    {
        private readonly Dictionary<string, int> _byValue = new(StringComparer.Ordinal);
        private int[] _byOrd = [];
        private string[] _values = [];

        /// <summary>Adds up the last segment's counts and starts on the next one's.</summary>
        public Counts Start(string[] values)
        {
            Flush();
            _values = values;
            _byOrd = new int[values.Length];
            return this;
        }

        public void Add(int ord)
        {
            if (ord >= 0)
            {
                _byOrd[ord]++;
            }
        }

        public List<FacetValue> Top(int count)
        {
            Flush();
            return _byValue
                .GroupBy(v => LuceneFields.Key(v.Key), StringComparer.Ordinal)
                .Select(g => new FacetValue { Value = g.Select(v => v.Key).Min(StringComparer.Ordinal)!, Count = g.Sum(v => v.Value) })
                .OrderByDescending(v => v.Count)
                .ThenBy(v => LuceneFields.Key(v.Value), StringComparer.Ordinal)
                .ThenBy(v => v.Value, StringComparer.Ordinal)
                .Take(count)
                .ToList();
        }

        private void Flush()
        {
            for (var ord = 0; ord < _byOrd.Length; ord++)
            {
                if (_byOrd[ord] > 0)
                {
                    _byValue[_values[ord]] = _byValue.GetValueOrDefault(_values[ord]) + _byOrd[ord];
                }
            }

            _byOrd = [];
        }
    }
}
