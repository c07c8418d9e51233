using System.Text.RegularExpressions;
using NewsWire.Api.Data;
using NewsWire.Api.Infrastructure;
using NewsWire.Core.Text;
using NewsWire.Core.WireCopy;

namespace NewsWire.Api.Articles;

/// <summary>
/// Turns what a client sends (an ArticleInput, or wire copy plus metadata) into a draft. Both paths meet in
/// <see cref="Build"/>, so a field is checked the same way whichever way it came in.
/// </summary>
public static partial class ArticleDrafts
{
    public static DraftResult FromInput(ArticleInput input, DateTime utcNow)
    {
        var errors = new Dictionary<string, string[]>();
        IReadOnlyList<ArticleSection> sections = [];
        if (string.IsNullOrWhiteSpace(input.Body))
        {
            errors["body"] = ["The body is required."];
        }
        else if (input.Body.Length > WireCopyParser.MaxLength)
        {
            errors["body"] = [$"The body is {input.Body.Length:N0} characters; the limit is {WireCopyParser.MaxLength:N0}."];
        }
        else if (PlainText.HasControlCharacters(input.Body))
        {
            errors["body"] = ["The body contains control characters or invalid UTF-8; send plain text."];
        }
        else
        {
            sections = [new ArticleSection(null, PlainText.SplitParagraphs(input.Body))];
        }

        return Build(input, sections, dateline: null, errors, utcNow);
    }

    public static DraftResult FromWireCopy(ParsedArticle parsed, WireCopyMetadata metadata, DateTime utcNow)
    {
        var input = new ArticleInput
        {
            Headline = parsed.Headline,
            Lead = parsed.Lead,
            Source = metadata.Source ?? parsed.Dateline?.Agency,
            Place = metadata.Place ?? parsed.Dateline?.Place,
            PublishedAt = metadata.PublishedAt,
            Lang = metadata.Lang,
            Tags = metadata.Tags,
            Url = metadata.Url,
            ExternalId = metadata.ExternalId,
            Section = metadata.Section ?? parsed.Section,
            Byline = parsed.Byline,
            Credits = parsed.Credits,
        };
        return Build(input, parsed.Sections, parsed.Dateline, [], utcNow);
    }

    private static DraftResult Build(
        ArticleInput input, IReadOnlyList<ArticleSection> sections, Dateline? dateline,
        Dictionary<string, string[]> errors, DateTime utcNow)
    {
        var headline = Line(input.Headline, "headline", ArticleLimits.Headline, errors, required: true);
        var lead = Line(input.Lead, "lead", ArticleLimits.Lead, errors);
        var source = Line(input.Source, "source", ArticleLimits.Source, errors);
        var place = Line(input.Place, "place", ArticleLimits.Place, errors);
        var section = Line(input.Section, "section", ArticleLimits.Section, errors);
        var externalId = Line(input.ExternalId, "externalId", ArticleLimits.ExternalId, errors);
        var byline = Line(input.Byline, "byline", ArticleLimits.Byline, errors);
        var credits = Lines(input.Credits, "credits", ArticleLimits.Credits, errors);
        var url = Url(input.Url, errors);
        var tags = DraftTags.Read(input.Tags, errors);
        var publishedAt = PublishedAt(input.PublishedAt, dateline, utcNow, errors);

        if (sections.Count > 0 && !sections.Any(s => s.Paragraphs.Count > 0) && !errors.ContainsKey("body"))
        {
            errors["body"] = ["The body has no text."];
        }

        var allText = string.Join(' ', sections.SelectMany(s => s.Paragraphs).Prepend(headline ?? ""));
        var lang = Lang(input.Lang, errors) ?? (PlainText.IsMostlyCyrillic(allText) ? "ru" : "en");

        if (errors.Count > 0 || headline is null)
        {
            return DraftResult.Invalid(errors);
        }

        return new DraftResult(
            new ArticleDraft(source, headline, lead, place, dateline?.Text, section, sections, publishedAt, lang, tags,
                url, externalId, byline, credits),
            errors);
    }

    /// <summary>
    /// What is wrong with a source and a language given once for many articles (a feed import's query): the same
    /// checks as each article's fields, made before the first entry so a bad value is one 400, not a failure per entry.
    /// </summary>
    public static Dictionary<string, string[]> CheckSourceAndLang(string? source, string? lang)
    {
        var errors = new Dictionary<string, string[]>();
        _ = Line(source, "source", ArticleLimits.Source, errors);
        _ = Lang(lang, errors);
        return errors;
    }

    private static string? Line(string? value, string name, int maxLength, Dictionary<string, string[]> errors,
        bool required = false)
    {
        var line = value is null ? null : PlainText.NormalizeLine(value);
        if (string.IsNullOrEmpty(line))
        {
            if (required)
            {
                errors[name] = [$"The {name} is required."];
            }

            return null;
        }

        if (PlainInput.IsPlain(line, name, errors) && line.Length > maxLength)
        {
            errors[name] = [$"The {name} is {line.Length:N0} characters; the limit is {maxLength:N0}."];
        }

        return line;
    }

    /// <summary>Several lines (credits), each normalized like a single line; blank lines dropped.</summary>
    private static string? Lines(string? value, string name, int maxLength, Dictionary<string, string[]> errors)
    {
        var lines = (value ?? "").ReplaceLineEndings("\n").Split('\n').Select(PlainText.NormalizeLine).Where(l => l.Length > 0).ToList();
        var text = string.Join('\n', lines);
        if (lines.Any(PlainText.HasControlCharacters))
        {
            errors[name] = [$"The {name} contain control characters or invalid UTF-8."];
        }
        else if (text.Length > maxLength)
        {
            errors[name] = [$"The {name} are {text.Length:N0} characters; the limit is {maxLength:N0}."];
        }

        return text.Length == 0 ? null : text;
    }

    private static string? Url(string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var url = value.Trim();
        // Uri accepts control characters (it escapes them), but the url is stored as given: checked like every
        // other field, or a NUL is PostgreSQL's refusal of the whole write.
        if (PlainInput.IsPlain(url, "url", errors)
            && (url.Length > ArticleLimits.Url
                || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            errors["url"] = [$"The url must be an absolute http or https address of at most {ArticleLimits.Url:N0} characters."];
        }

        return url;
    }

    private static DateTime PublishedAt(string? value, Dateline? dateline, DateTime utcNow, Dictionary<string, string[]> errors)
    {
        if (value is not null)
        {
            if (!IsoDate.TryParse(value, out var published, out _))
            {
                errors["publishedAt"] = [$"'{Truncated(value)}' is not {IsoDate.Expected}."];
            }
            else if (published.Year < 1800 || published > utcNow.AddYears(1))
            {
                errors["publishedAt"] = ["The publishedAt must lie between 1800 and a year from now."];
            }

            return published;
        }

        // A dateline without a day (WASHINGTON (AP) —) says only "today": the moment it arrived is closer.
        return dateline?.Month is null ? utcNow : DatelineDates.Resolve(dateline, null, utcNow);
    }

    private static string? Lang(string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        var match = LanguageTag().Match(value.Trim());
        if (!match.Success || value.Trim().Length > ArticleLimits.Lang)
        {
            errors["lang"] = [$"'{Truncated(value)}' is not a BCP 47 language tag such as en, ru or en-GB."];
            return null;
        }

        // Canonical case: language lower, region upper (en-GB), so filters and facets see one spelling.
        var parts = value.Trim().Split('-');
        return string.Join('-', parts.Select((p, i) => i == 0 ? p.ToLowerInvariant()
            : p.Length == 2 ? p.ToUpperInvariant() : p.ToLowerInvariant()));
    }

    /// <summary>Whether <paramref name="value"/> is accepted as a lang; a feed's own language is taken only if so.</summary>
    internal static bool IsLanguageTag(string value) => value.Length <= ArticleLimits.Lang && LanguageTag().IsMatch(value);

    internal static string Truncated(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
