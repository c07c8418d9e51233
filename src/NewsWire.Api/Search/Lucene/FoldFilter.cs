using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace NewsWire.Api.Search.Lucene;

/// <summary>
/// Folds case and diacritics as FTS5's <c>unicode61 remove_diacritics 2</c> does, character by character:
/// lower case (with the few case foldings unicode61 applies beyond lower-casing: ς → σ, ſ → s, µ → μ, …);
/// a letter whose decomposition is an ASCII letter plus combining marks becomes that letter (Zürich →
/// zurich, but ё stays ё, as in FTS5); the combining marks unicode61 counts as diacritics (a set within
/// U+0300..U+0331) are dropped, so <c>Zu\u0308rich</c> is zurich too. Every other mark stays.
/// </summary>
/// <remarks>
/// Checked against FTS5 itself for every letter, digit and mark (<c>AnalyzerAgreementTests</c>): they differ
/// only where .NET's Unicode tables are newer than SQLite's (letters of scripts added since, which FTS5
/// does not lower-case).
/// </remarks>
internal sealed class FoldFilter : TokenFilter
{
    private const char Drop = '\uFFFF';

    /// <summary>The folded form of each BMP character, filled as characters are met ('\0': not yet).</summary>
    private static readonly char[] Folded = new char[0x10000];

    private static readonly Dictionary<char, char> CaseFoldings = new()
    {
        ['\u00B5'] = '\u03BC', ['\u017F'] = 's', ['\u03C2'] = '\u03C3', ['\u03D0'] = '\u03B2', ['\u03D1'] = '\u03B8',
        ['\u03D5'] = '\u03C6', ['\u03D6'] = '\u03C0', ['\u03F0'] = '\u03BA', ['\u03F1'] = '\u03C1', ['\u03F5'] = '\u03B5',
        ['\u1E9B'] = 's', ['\u1FBE'] = '\u03B9', ['\u0130'] = 'i', ['\u01E0'] = '\u01E1', ['\u01E1'] = '\u01E1',
    };

    private readonly ICharTermAttribute _term;

    public FoldFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        var length = _term.Length;
        var write = 0;
        for (var read = 0; read < length; read++)
        {
            var c = buffer[read];
            if (c < 0x80)
            {
                buffer[write++] = (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
            }
            else if (char.IsHighSurrogate(c) && read + 1 < length && char.IsLowSurrogate(buffer[read + 1]))
            {
                // Outside the BMP only case applies (no diacritic unicode61 removes lives there).
                var lower = Rune.ToLowerInvariant(new Rune(c, buffer[read + 1]));
                write += lower.EncodeToUtf16(buffer.AsSpan(write));
                read++;
            }
            else
            {
                var folded = Fold(c);
                if (folded != Drop)
                {
                    buffer[write++] = folded;
                }
            }
        }

        _term.Length = write;
        return true;
    }

    /// <summary>One BMP character folded, or <see cref="Drop"/> for a diacritic unicode61 removes.</summary>
    public static char Fold(char c)
    {
        var folded = Folded[c];
        if (folded == '\0')
        {
            // Idempotent, so threads racing on a slot write the same value.
            folded = Folded[c] = Compute(c);
        }

        return folded;
    }

    private static char Compute(char c)
    {
        if (IsRemovedDiacritic(c))
        {
            return Drop;
        }

        if (CaseFoldings.TryGetValue(c, out var special))
        {
            return special;
        }

        if (char.IsSurrogate(c))
        {
            return c;
        }

        var lower = char.ToLowerInvariant(c);
        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 1 && decomposed[0] < 0x80 && decomposed.Skip(1).All(IsMark)
            ? char.ToLowerInvariant(decomposed[0])
            : lower;
    }

    private static bool IsMark(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>unicode61's diacritics: the combining marks it drops from a token (sqlite3Fts5UnicodeIsdiacritic).</summary>
    private static bool IsRemovedDiacritic(char c)
    {
        const uint low = 0x08029FDF;
        const uint high = 0x000361F8;
        return c switch
        {
            < '\u0300' or > '\u0331' => false,
            < '\u0320' => (low & (1u << (c - 0x300))) != 0,
            _ => (high & (1u << (c - 0x320))) != 0,
        };
    }
}
