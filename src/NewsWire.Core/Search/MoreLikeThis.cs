namespace NewsWire.Core.Search;

/// <summary>A word of an article that may say what it is about, and how much: its count in the article,
/// a headline word counting three times and a lead word twice.</summary>
public sealed record TermCandidate(string Word, double Weight);

/// <summary>A candidate with the number of articles whose index entries hold it.</summary>
public sealed record TermFrequency(TermCandidate Candidate, long DocumentFrequency);

/// <summary>
/// The terms of a "more like this" query: an article's most distinctive words, by tf-idf, as an OR query
/// for the full-text index, whose BM25 then ranks the articles that share them (ADR 13). Two steps with a
/// look-up between: <see cref="Candidates"/> picks the words worth looking up (the article's most frequent
/// words that are not stop words), the index answers how many articles hold each, <see cref="Choose"/>
/// keeps the most distinctive within a budget of matches, so the query's cost is bounded whatever the
/// size of the archive.
/// </summary>
public static class MoreLikeThis
{
    public const int MaxCandidates = 30;
    public const int MaxTerms = 20;

    /// <summary>A word in more than this share of the archive says little about any one story; an archive
    /// smaller than <see cref="SmallArchive"/> counts as that size, so its few stories' words all count.</summary>
    public const double MaxDocumentShare = 0.3;
    public const long SmallArchive = 1000;

    private const double HeadlineWeight = 3;
    private const double LeadWeight = 2;

    public static IReadOnlyList<TermCandidate> Candidates(string headline, string? lead, string body)
    {
        ArgumentNullException.ThrowIfNull(headline);
        ArgumentNullException.ThrowIfNull(body);
        var terms = new Dictionary<string, (string Word, double Weight, int First)>(StringComparer.Ordinal);
        var position = 0;
        foreach (var (text, weight) in new[] { (headline, HeadlineWeight), (lead ?? "", LeadWeight), (body, 1.0) })
        {
            foreach (var token in QueryTokenizer.Tokenize(text))
            {
                var folded = Text.Folding.Fold(token.Text);
                if (folded.Length < 3 || folded.All(char.IsDigit) || StopWords.Contains(folded))
                {
                    continue;
                }

                var key = Key(folded);
                terms[key] = terms.TryGetValue(key, out var seen)
                    ? (seen.Word, seen.Weight + weight, seen.First)
                    : (folded, weight, position++);
            }
        }

        // Ties go to the word seen first: the headline's before the body's.
        return terms.Values
            .OrderByDescending(t => t.Weight)
            .ThenBy(t => t.First)
            .Take(MaxCandidates)
            .Select(t => new TermCandidate(t.Word, t.Weight))
            .ToList();
    }

    /// <summary>
    /// The most distinctive candidates (weight × ln(documents / document frequency)) whose matches add up
    /// to at most <paramref name="matchBudget"/>. A word only the article itself holds matches nothing
    /// else; one in more than <see cref="MaxDocumentShare"/> of the archive says little; one that alone
    /// would take more than <see cref="MaxWordMatches"/> crowds out the rarer words that say more.
    /// </summary>
    public static IReadOnlyList<string> Choose(IEnumerable<TermFrequency> frequencies, long documents, long matchBudget)
    {
        ArgumentNullException.ThrowIfNull(frequencies);
        var chosen = new List<string>();
        var matches = 0L;
        var maxFrequency = Math.Min(MaxDocumentFrequency(documents), MaxWordMatches(matchBudget));
        foreach (var term in frequencies
                     .Where(f => f.DocumentFrequency >= 2 && f.DocumentFrequency <= maxFrequency)
                     .OrderByDescending(f => f.Candidate.Weight * Math.Log((double)Math.Max(documents, f.DocumentFrequency) / f.DocumentFrequency))
                     .ThenBy(f => f.DocumentFrequency))
        {
            if (chosen.Count == MaxTerms)
            {
                break;
            }

            if (matches + term.DocumentFrequency <= matchBudget)
            {
                chosen.Add(term.Candidate.Word);
                matches += term.DocumentFrequency;
            }
        }

        return chosen;
    }

    /// <summary>The most matches one word may bring: a quarter of the budget.</summary>
    public static long MaxWordMatches(long matchBudget) => matchBudget / 4;

    /// <summary>The most articles a chosen word may be in, for the size of the archive.</summary>
    public static long MaxDocumentFrequency(long documents) => (long)(Math.Max(documents, SmallArchive) * MaxDocumentShare);

    /// <summary>Any of the words: one clause of alternatives, which BM25 scores by how many and how rare.</summary>
    public static SearchQuery Query(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return new SearchQuery([new SearchClause(new ValueList<SearchTerm>(words.Select(w => SearchTerm.Word(w))))]);
    }

    /// <summary>Singular and plural as one candidate (prices, price): the index stems both to one term, and
    /// two look-ups and two query terms for it would count the one word twice.</summary>
    private static string Key(string folded) =>
        folded.Length > 4 && folded[^1] == 's' && folded[^2] != 's' ? folded[..^1] : folded;
}
