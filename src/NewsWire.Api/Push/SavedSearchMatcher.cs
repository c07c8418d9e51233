using Lucene.Net.Analysis.TokenAttributes;
using NewsWire.Api.Search.Lucene;

namespace NewsWire.Api.Push;

/// <summary>
/// Many saved searches, each under its caller's key, and which of them one new article matches (ADR 26). The
/// article is indexed once (<see cref="MatchableArticle"/>); a search runs against it only when the article
/// holds one of the search's anchor words (<see cref="SearchAnchors"/>), found by looking each of the article's
/// words, and each of its prefixes, up in a map from anchors to searches. Safe to use from several threads:
/// adding and removing take a lock that matching also holds, and matching is read-only and short.
/// </summary>
public sealed class SavedSearchMatcher<TKey> where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, SavedSearch> _searches = [];
    private readonly Dictionary<string, HashSet<TKey>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<TKey>> _byPrefix = new(StringComparer.Ordinal);
    private readonly HashSet<TKey> _always = [];
    private int _longestPrefix;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _searches.Count;
            }
        }
    }

    /// <summary>Adds a search under a key, or replaces the one the key had.</summary>
    public void Add(TKey key, SavedSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        lock (_lock)
        {
            RemoveLocked(key);
            _searches[key] = search;
            if (search.Anchors is not { } anchors)
            {
                _always.Add(key);
                return;
            }

            foreach (var anchor in anchors)
            {
                var map = anchor.IsPrefix ? _byPrefix : _byWord;
                if (!map.TryGetValue(anchor.Text, out var keys))
                {
                    map[anchor.Text] = keys = [];
                }

                keys.Add(key);
                if (anchor.IsPrefix)
                {
                    _longestPrefix = Math.Max(_longestPrefix, anchor.Text.Length);
                }
            }
        }
    }

    public bool Remove(TKey key)
    {
        lock (_lock)
        {
            return RemoveLocked(key);
        }
    }

    /// <summary>The keys of the searches the article matches, in no particular order.</summary>
    public List<TKey> Match(MatchableArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var matched = new List<TKey>();
        lock (_lock)
        {
            var tried = new HashSet<TKey>();
            void Try(HashSet<TKey> keys)
            {
                foreach (var key in keys)
                {
                    if (tried.Add(key) && _searches[key].Matches(article))
                    {
                        matched.Add(key);
                    }
                }
            }

            Try(_always);
            var prefixes = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var word in article.Words)
            {
                if (_byWord.TryGetValue(word, out var keys))
                {
                    Try(keys);
                }

                for (var length = Math.Min(word.Length, _longestPrefix); length > 0 && _byPrefix.Count > 0; length--)
                {
                    if (prefixes.TryGetValue(word.AsSpan(0, length), out var prefixKeys))
                    {
                        Try(prefixKeys);
                    }
                }
            }
        }

        return matched;
    }

    /// <summary>
    /// Whether an article with these text values (its text fields' values, headings included) could match any of
    /// the searches, found without indexing it: some search has no anchors, or one of the article's words, or a
    /// prefix of one, is an anchor. False means <see cref="Match"/> would answer nothing. The values are analyzed
    /// as the engine analyzes them, and the first anchor found answers.
    /// </summary>
    public bool MayMatchAny(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        lock (_lock)
        {
            if (_always.Count > 0)
            {
                return true;
            }

            if (_searches.Count == 0)
            {
                return false;
            }

            var words = _byWord.GetAlternateLookup<ReadOnlySpan<char>>();
            var prefixes = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var value in values)
            {
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }

                // The analyzer ignores the field's name: every text field is analyzed alike.
                using var stream = NewsAnalyzer.Instance.GetTokenStream(LuceneFields.Body, value);
                var term = stream.AddAttribute<ICharTermAttribute>();
                stream.Reset();
                while (stream.IncrementToken())
                {
                    var word = term.Buffer.AsSpan(0, term.Length);
                    if (words.ContainsKey(word))
                    {
                        return true;
                    }

                    for (var length = Math.Min(word.Length, _longestPrefix); length > 0 && _byPrefix.Count > 0; length--)
                    {
                        if (prefixes.ContainsKey(word[..length]))
                        {
                            return true;
                        }
                    }
                }

                stream.End();
            }

            return false;
        }
    }

    private bool RemoveLocked(TKey key)
    {
        if (!_searches.Remove(key, out var search))
        {
            return false;
        }

        _always.Remove(key);
        foreach (var anchor in search.Anchors ?? [])
        {
            var map = anchor.IsPrefix ? _byPrefix : _byWord;
            if (map.TryGetValue(anchor.Text, out var keys) && keys.Remove(key) && keys.Count == 0)
            {
                map.Remove(anchor.Text);
            }
        }

        return true;
    }
}
