using NewsWire.Api.Data;
using NewsWire.Core.Text;

namespace NewsWire.Api.Articles;

/// <summary>
/// The tags of a draft, from whatever list a client gave (JSON, repeated query parameters, feed categories):
/// normalized, split at commas, told apart without regard to case. Checking stops at the first tag past the
/// limit, so a long list costs no more than a short one.
/// </summary>
public static class DraftTags
{
    public static List<string> Read(IReadOnlyList<string>? values, Dictionary<string, string[]> errors)
    {
        var tags = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var value in values ?? [])
        {
            // A comma separates tags, so "a,b" in one query parameter is two tags.
            var text = value ?? "";
            foreach (var range in text.AsSpan().Split(','))
            {
                var tag = PlainText.NormalizeLine(text[range]);
                if (tag.Length == 0 || seen.Contains(tag))
                {
                    continue;
                }

                // Refused tags count too: otherwise 100,000 overlong ones would each get a message.
                if (seen.Count == ArticleLimits.TagsPerArticle)
                {
                    problems.Add(TooMany("more"));
                    errors["tags"] = [.. problems];
                    return tags;
                }

                seen.Add(tag);
                if (tag.Length > ArticleLimits.Tag || PlainText.HasControlCharacters(tag))
                {
                    problems.Add($"The tag '{tag[..Math.Min(tag.Length, 20)]}…' is too long (limit {ArticleLimits.Tag}) or has control characters.");
                }
                else
                {
                    tags.Add(tag);
                }
            }
        }

        if (problems.Count > 0)
        {
            errors["tags"] = [.. problems];
        }

        return tags;
    }

    /// <summary>The refusal of a list over the limit; <paramref name="given"/> is a count, or "more" when reading stopped.</summary>
    public static string TooMany(string given) =>
        $"An article takes at most {ArticleLimits.TagsPerArticle} tags; {given} were given.";
}
