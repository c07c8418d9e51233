using System.Globalization;
using NewsWire.Core.Search;

namespace NewsWire.Api.Search;

/// <summary>
/// A search refused because it would cost more than its <see cref="SearchBudget"/>. The message is worded
/// for the user, as the detail of a 400 problem: what was too broad and how to narrow it.
/// </summary>
public sealed class SearchTooBroadException(string message) : Exception(message)
{
    public static SearchTooBroadException PrefixTooBroad(SearchTerm prefix, int maxWords) => PrefixTooBroad(prefix.Display, maxWords);

    /// <param name="shownPrefix">The prefix as the user typed it, star included.</param>
    /// <param name="maxWords">The budget it went past.</param>
    public static SearchTooBroadException PrefixTooBroad(string shownPrefix, int maxWords) => new(
        $"'{shownPrefix}' stands for more than {maxWords:N0} different words in the archive, more than one search " +
        "may look through. Give the prefix more letters before the *, or write the whole word.");

    public static SearchTooBroadException TooManyPrefixes(int prefixes, int maxPrefixes) => new(
        $"The query has {prefixes:N0} prefixes (words ending in *); one search may hold at most {maxPrefixes:N0}. " +
        "Write some of them as whole words, or split the search into several.");

    public static SearchTooBroadException OutOfTime(TimeSpan limit, bool askedForFacets) => new(
        $"The search ran past its time limit of {Describe(limit)} and was stopped. Narrow it: add words (every word " +
        "must match), use fewer prefixes or give them more letters, scope words to a field (headline:word), or filter " +
        "by source, tag, place, lang or date (from, to)" + (askedForFacets ? "; asking for fewer facets helps too." : "."));

    private static string Describe(TimeSpan limit) => limit.TotalSeconds >= 1
        ? limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
        : limit.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
