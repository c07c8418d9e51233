namespace NewsWire.Core.Search;

/// <summary>
/// The first pass over the user's text: cuts it into items (a word, a quoted phrase, or the OR operator)
/// with their markers (a leading <c>-</c>, a <c>column:</c> scope, a trailing <c>*</c>). It never rejects
/// anything: what an item means, and whether it holds any tokens, is the parser's business.
/// </summary>
internal static class QueryLexer
{
    /// <summary>One item. <paramref name="Source"/> is the text as typed, for error messages.</summary>
    public sealed record Item(
        string Text, bool IsOr, bool IsQuoted, bool IsExcluded, bool IsPrefix, SearchColumn? Column, string Source);

    public static List<Item> Split(string query)
    {
        var items = new List<Item>();
        var i = 0;
        while (true)
        {
            while (i < query.Length && IsSeparator(query[i]))
            {
                i++;
            }

            if (i == query.Length)
            {
                return items;
            }

            items.Add(ReadItem(query, ref i));
        }
    }

    /// <summary>
    /// Whitespace and control characters end an item. Control characters count as space so that
    /// <c>a\tOR\0b</c> reads like <c>a OR b</c> and none of them can ever reach FTS5.
    /// </summary>
    public static bool IsSeparator(char c) => char.IsWhiteSpace(c) || char.IsControl(c);

    private static Item ReadItem(string query, ref int i)
    {
        var start = i;

        // "-" excludes only when something is attached to it; a "-" on its own is punctuation (no tokens),
        // so it is dropped later rather than excluding the next word.
        var isExcluded = query[i] == '-' && i + 1 < query.Length && !IsSeparator(query[i + 1]);
        if (isExcluded)
        {
            i++;
        }

        var column = ReadScope(query, ref i);

        if (i < query.Length && query[i] == '"')
        {
            // A lone quote runs to the end of the input: the user was still typing the phrase.
            var close = query.IndexOf('"', i + 1);
            var text = close < 0 ? query[(i + 1)..] : query[(i + 1)..close];
            i = close < 0 ? query.Length : close + 1;
            var isPrefix = false;
            while (i < query.Length && query[i] == '*')
            {
                isPrefix = true;
                i++;
            }

            return new Item(text, false, true, isExcluded, isPrefix, column, query[start..i]);
        }

        // A word runs to the next separator or quote: abc"def" is the word abc and the phrase "def".
        var end = i;
        while (end < query.Length && !IsSeparator(query[end]) && query[end] != '"')
        {
            end++;
        }

        var word = query[i..end];
        i = end;

        // Only a bare upper-case OR is the operator; "or", "-OR" and "headline:OR" are words, and NOT, AND
        // and NEAR are always words: FTS5's keywords never reach it unquoted.
        var isOr = word == "OR" && !isExcluded && column is null;
        return new Item(word, isOr, false, isExcluded, !isOr && EndsWithPrefixStar(word), column, query[start..i]);
    }

    /// <summary>Reads <c>headline:</c>, <c>lead:</c>, <c>body:</c> or <c>place:</c> (any case). Other text before a colon is just text.</summary>
    private static SearchColumn? ReadScope(string query, ref int i)
    {
        foreach (var column in SearchColumns.All)
        {
            var name = column.Name();
            if (string.Compare(query, i, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && i + name.Length < query.Length && query[i + name.Length] == ':')
            {
                i += name.Length + 1;
                return column;
            }
        }

        return null;
    }

    /// <summary>
    /// A word is a prefix when a <c>*</c> follows its last token: <c>refug*</c>, and also <c>(refug*)</c>
    /// or <c>U.S.*</c>. A star inside (<c>a*b</c>) or alone (<c>*</c>) is only punctuation.
    /// </summary>
    private static bool EndsWithPrefixStar(string word)
    {
        var tokens = QueryTokenizer.Tokenize(word);
        return tokens.Count > 0 && word.IndexOf('*', tokens[^1].End) >= 0;
    }
}
