namespace NewsWire.Core.Search;

/// <summary>
/// What the parser tells a user whose query cannot run, worded for the detail of a 400 problem: what is
/// wrong and what to type instead.
/// </summary>
internal static class SearchQueryErrors
{
    public const string Empty = "The query is empty: give at least one word to search for.";

    public const string NoWords =
        "The query has no words to search for: punctuation, symbols and emoji are ignored, so give at least one word or number.";

    public const string OnlyExclusions =
        "The query only excludes terms. Full-text search finds articles that contain something and cannot list " +
        "\"everything except\", so add at least one word to look for, as in: refugees -Syria.";

    public const string LoneOr =
        "OR joins two terms, as in: refugees OR migrants. To search for the word itself, write it in lower case: or.";

    public static string TooLong(int length) =>
        $"The query is {length:N0} characters long; the limit is {SearchQueryParser.MaxLength} characters.";

    public static string ExcludedAlternative(string source) =>
        $"'{Shorten(source)}' is excluded, so it cannot be one side of OR. Write exclusions apart from OR, " +
        "as in: refugees OR migrants -Syria.";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
