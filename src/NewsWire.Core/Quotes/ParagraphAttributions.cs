namespace NewsWire.Core.Quotes;

/// <summary>
/// A paragraph's attributions in token order, speakers resolved, for finding those around a quotation without
/// reading them all: a paragraph of thousands of quotations then costs no more per quotation than a short one.
/// An attribution is made of words and commas, never a quotation, so those before a quotation are a prefix.
/// </summary>
internal sealed class ParagraphAttributions
{
    private readonly List<Attribution> _all;
    private readonly int[] _firsts;
    private readonly int[] _lastWithSpeaker;
    private readonly int[] _nextWithSpeaker;

    /// <param name="sorted">The attributions ordered by their first token.</param>
    public ParagraphAttributions(List<Attribution> sorted)
    {
        _all = sorted;
        _firsts = [.. sorted.Select(a => a.First)];
        _lastWithSpeaker = new int[sorted.Count + 1];
        _nextWithSpeaker = new int[sorted.Count + 1];
        _lastWithSpeaker[0] = -1;
        for (var i = 0; i < sorted.Count; i++)
        {
            _lastWithSpeaker[i + 1] = sorted[i].Speaker is null ? _lastWithSpeaker[i] : i;
        }

        _nextWithSpeaker[sorted.Count] = -1;
        for (var i = sorted.Count - 1; i >= 0; i--)
        {
            _nextWithSpeaker[i] = sorted[i].Speaker is null ? _nextWithSpeaker[i + 1] : i;
        }
    }

    /// <summary>The last attribution, not a mere mention, from token <paramref name="start"/> up to the quotation.</summary>
    public Attribution? LastSpeechBefore(int quote, int start)
    {
        for (var i = FirstAfter(quote) - 1; i >= 0 && _all[i].First >= start; i--)
        {
            if (_all[i].Kind != SubjectKind.Mention)
            {
                return _all[i];
            }
        }

        return null;
    }

    /// <summary>The first attribution, not a mere mention, after the quotation and ending before token <paramref name="end"/>.</summary>
    public Attribution? FirstSpeechAfter(int quote, int end)
    {
        for (var i = FirstAfter(quote); i < _all.Count && _all[i].First < end; i++)
        {
            if (_all[i].Kind != SubjectKind.Mention && _all[i].Last < end)
            {
                return _all[i];
            }
        }

        return null;
    }

    /// <summary>The nearest attribution with a speaker: the last before the quotation, else the first after it.</summary>
    public Attribution? NearestWithSpeaker(int quote)
    {
        var split = FirstAfter(quote);
        var index = _lastWithSpeaker[split] >= 0 ? _lastWithSpeaker[split] : _nextWithSpeaker[split];
        return index >= 0 ? _all[index] : null;
    }

    /// <summary>Index of the first attribution that starts after token <paramref name="quote"/>.</summary>
    private int FirstAfter(int quote) => CountAtMost(_firsts, quote);

    /// <summary>How many of the ascending <paramref name="sorted"/> are at most <paramref name="value"/> (binary search).</summary>
    public static int CountAtMost(int[] sorted, int value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] > value)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
