using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using NewsWire.Api.Articles;
using NewsWire.Core.Text;

namespace NewsWire.Api.Ingest;

/// <summary>What an entry takes from its feed: the client's source and lang, else the feed's title and language.</summary>
internal sealed record FeedDefaults(string? Source, string? Lang, string? FeedLang);

/// <summary>
/// One entry found by <see cref="FeedScanner"/> as an import item. System.ServiceModel.Syndication reads the
/// entry alone, in memory; when it cannot, XmlReader tells whether (and where in the upload) the entry is not
/// well-formed, so a failure names the entry and its place. title → headline; content:encoded, else content, else
/// media:description → body (HTML becomes text); published or pubDate, else dc:date, else updated → publishedAt;
/// link, id or guid, categories and dc:subject, dc:creator or the Atom authors → url, externalId, tags, byline.
/// A date that is there but is not a date fails its entry alone. The library's own messages (in English only,
/// and about its internals) never reach the client.
/// </summary>
internal static class FeedEntryReader
{
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string MediaNamespace = "http://search.yahoo.com/mrss/";
    private const string AtomExample = "2026-11-23T07:00:00Z";

    public static ImportItem Read(FeedPiece piece, FeedDefaults defaults, DateTime now)
    {
        var entry = Invariant($"Entry {piece.Entry} (line {piece.Start.Line})");
        if (piece.Kind == FeedPieceKind.OversizedEntry)
        {
            return Failed(piece, "entry", Invariant($"{entry} is longer than {NdjsonItems.MaxLineBytes:N0} bytes, the limit for one article; it was skipped."));
        }

        if (piece.Kind == FeedPieceKind.CutOffEntry)
        {
            return Failed(piece, "entry", $"{entry} is cut off: the upload ends inside it.");
        }

        // The formatter reads every byte of the entry, so it meets any XML error in it; only then is the entry
        // read again to tell an XML error (and where it is) from content the formatter cannot map.
        if (Load(piece) is not var (item, xmlLang))
        {
            var kind = piece.Format == FeedFormat.Atom ? "an Atom entry" : "an RSS item";
            return FeedXml.FirstError(piece) is { } error
                ? Failed(piece, "entry", Invariant($"Entry {piece.Entry} is not well-formed XML at line {error.Line}, position {error.Column}."))
                : Failed(piece, "entry", $"{entry} is not {kind} that can be read: an element holds what it may not "
                    + "(markup where text belongs: escape HTML or put it in CDATA; a number or address that is not one).");
        }

        var (published, dateProblem) = Published(item, piece);
        if (dateProblem is not null)
        {
            return Failed(piece, "publishedAt", $"{entry}: {dateProblem}");
        }

        var input = new ArticleInput
        {
            Headline = Text(item.Title),
            Body = Body(item),
            Source = defaults.Source,
            Lang = defaults.Lang ?? LanguageTag(xmlLang) ?? LanguageTag(defaults.FeedLang),
            PublishedAt = published?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            // RSS turns a permalink guid into a link even when it is not an address: take web addresses only.
            Url = item.Links
                .Where(l => l.RelationshipType is null or "alternate")
                .Select(l => l.Uri)
                .FirstOrDefault(u => u is { IsAbsoluteUri: true } && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
                ?.ToString(),
            ExternalId = string.IsNullOrWhiteSpace(item.Id) ? null : item.Id,
            Tags = [.. item.Categories.Select(c => c.Label ?? c.Name).Concat(Extensions(item, "subject", FeedOutline.DublinCoreNamespace))
                .Where(c => !string.IsNullOrWhiteSpace(c))],
            Byline = Join(Extensions(item, "creator", FeedOutline.DublinCoreNamespace)) ?? Join(item.Authors.Select(a => a.Name)),
        };
        var result = ArticleDrafts.FromInput(input, now);
        return new ImportItem(piece.Entry, result.Draft, result.Draft is null ? result.Errors : null);
    }

    private static ImportItem Failed(FeedPiece piece, string key, string message) =>
        new(piece.Entry, null, new Dictionary<string, string[]> { [key] = [message] });

    /// <summary>The entry read by the Atom or RSS formatter, or null when it is well-formed but not readable as one.</summary>
    private static (SyndicationItem Item, string? XmlLang)? Load(FeedPiece piece)
    {
        try
        {
            using var reader = FeedXml.Open(piece.Document);
            FeedXml.MoveTo(reader, piece.Depth);
            var xmlLang = reader.XmlLang;
            SyndicationItemFormatter formatter = piece.Format == FeedFormat.Atom ? new Atom10ItemFormatter() : new Rss20ItemFormatter();
            formatter.ReadFrom(reader);
            return (formatter.Item, xmlLang);
        }
        catch (Exception e) when (e is XmlException or FormatException or ArgumentException or OverflowException or InvalidOperationException)
        {
            // What the formatters throw on content they cannot map (an enclosure length of 10^20 is an OverflowException).
            return null;
        }
    }

    /// <summary>
    /// The entry's date (published or pubDate, else dc:date, else updated), or why one of the dates it has is not
    /// a date: every date that is there must be one. The formatter keeps a bad date's exception and throws it
    /// when the date is read, which is where it becomes a message about this entry.
    /// </summary>
    private static (DateTimeOffset? Date, string? Problem) Published(SyndicationItem item, FeedPiece piece)
    {
        var atom = piece.Format == FeedFormat.Atom;
        if (!TryRead(() => item.PublishDate, out var published))
        {
            return atom ? (null, BadDate(piece, "published", FeedOutline.AtomNamespace, AtomExample))
                : (null, BadDate(piece, "pubDate", "", "Mon, 23 Nov 2026 07:00:00 GMT"));
        }

        if (!TryRead(() => item.LastUpdatedTime, out var updated))
        {
            return (null, BadDate(piece, "updated", FeedOutline.AtomNamespace, AtomExample));
        }

        DateTimeOffset? dcDate = null;
        if (Extensions(item, "date", FeedOutline.DublinCoreNamespace).FirstOrDefault() is { } dcText)
        {
            if (!DateTimeOffset.TryParse(dcText.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return (null, DateMessage("dc:date", dcText, AtomExample));
            }

            dcDate = parsed;
        }

        // The formatter gives DateTimeOffset.MinValue for a date that is absent and for one written as 0001-01-01;
        // only the element tells them apart, and a date that is there is the article's (or its 400), not now.
        var hasPublished = published != default || FeedXml.ChildText(piece, atom ? "published" : "pubDate", atom ? FeedOutline.AtomNamespace : "") is not null;
        var hasUpdated = updated != default || FeedXml.ChildText(piece, "updated", FeedOutline.AtomNamespace) is not null;
        return (hasPublished ? published : dcDate ?? (hasUpdated ? updated : null), null);
    }

    private static bool TryRead(Func<DateTimeOffset> read, out DateTimeOffset date)
    {
        try
        {
            date = read();
            return true;
        }
        catch (XmlException)
        {
            date = default;
            return false;
        }
    }

    private static string BadDate(FeedPiece piece, string localName, string ns, string example) =>
        DateMessage(localName, FeedXml.ChildText(piece, localName, ns) ?? "", example);

    private static string DateMessage(string element, string value, string example) =>
        $"<{element}> holds '{ArticleDrafts.Truncated(value.Trim())}', which is not a date; write it as in '{example}'.";

    private static string? Body(SyndicationItem item) =>
        Extensions(item, "encoded", ContentNamespace).Select(HtmlText.ToPlainText).FirstOrDefault(b => !string.IsNullOrWhiteSpace(b))
        ?? Text(item.Content as TextSyndicationContent)
        ?? Text(item.Summary)
        ?? MediaDescription(item);

    /// <summary>Media RSS puts a video's or picture's text in media:description, directly or in a media:group.</summary>
    private static string? MediaDescription(SyndicationItem item)
    {
        foreach (var extension in item.ElementExtensions.Where(e => e.OuterNamespace == MediaNamespace && e.OuterName is "description" or "group"))
        {
            using var reader = extension.GetReader();
            reader.MoveToContent();
            if (extension.OuterName == "group" && !reader.ReadToDescendant("description", MediaNamespace))
            {
                continue;
            }

            var text = FeedXml.InnerText(reader);
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>The text of each extension element so named (dc:creator, dc:subject, content:encoded, ...).</summary>
    private static IEnumerable<string> Extensions(SyndicationItem item, string name, string ns)
    {
        foreach (var extension in item.ElementExtensions.Where(e => e.OuterName == name && e.OuterNamespace == ns))
        {
            using var reader = extension.GetReader();
            reader.MoveToContent();
            yield return FeedXml.InnerText(reader);
        }
    }

    private static string? Join(IEnumerable<string?> names)
    {
        var joined = string.Join(", ", names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>A language from the feed is a default, not the client's word: one that is not a BCP 47 tag
    /// (English, en_US) is mended or left out, so that it cannot fail every entry.</summary>
    private static string? LanguageTag(string? value)
    {
        var tag = value?.Trim().Replace('_', '-');
        return tag is not null && ArticleDrafts.IsLanguageTag(tag) ? tag : null;
    }

    private static string? Text(TextSyndicationContent? content) =>
        content is null ? null
        : content.Type is "html" or "xhtml" || content.Text.Contains('<', StringComparison.Ordinal) ? HtmlText.ToPlainText(content.Text)
        : content.Text;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
