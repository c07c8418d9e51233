namespace NewsWire.Core.Search;

public enum TermKind
{
    /// <summary>One token: <c>refugees</c>.</summary>
    Word,

    /// <summary>Adjacent tokens: <c>"Islamic State"</c>, and also <c>U.S.</c> (u, s) or <c>don't</c> (don, t).</summary>
    Phrase,

    /// <summary>Tokens whose last one is a prefix: <c>беженц*</c>, <c>"Islamic St"*</c>.</summary>
    Prefix,
}

/// <summary>
/// One thing to look for. Tokens are kept as the user typed them (case and diacritics included): the
/// index's tokenizer folds them the same way it folded the stored text, so folding here would only be a
/// second, possibly different, opinion. The kind follows from the tokens, so it can never disagree
/// with them.
/// </summary>
public sealed record SearchTerm(ValueList<string> Tokens, bool IsPrefix = false, SearchColumn? Column = null)
{
    public ValueList<string> Tokens { get; } = CheckTokens(Tokens);

    public TermKind Kind => IsPrefix ? TermKind.Prefix : Tokens.Count == 1 ? TermKind.Word : TermKind.Phrase;

    public static SearchTerm Word(string token, SearchColumn? column = null) => new([token], false, column);

    /// <summary>The term in the query syntax, without its scope, for messages: <c>refug*</c>, <c>"islamic st"*</c>.</summary>
    public string Display =>
        (Tokens.Count == 1 ? Tokens[0] : $"\"{string.Join(' ', Tokens)}\"") + (IsPrefix ? "*" : "");

    private static ValueList<string> CheckTokens(ValueList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            throw new ArgumentException("A term needs at least one token.", nameof(tokens));
        }

        // A token is what the tokenizer would emit: no separators. Space or control characters inside one
        // would make a renderer's output mean something else (or, for NUL, cut the expression short).
        if (tokens.Any(t => string.IsNullOrEmpty(t) || t.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            throw new ArgumentException("Tokens must be non-empty and hold no spaces or control characters.", nameof(tokens));
        }

        return tokens;
    }
}
