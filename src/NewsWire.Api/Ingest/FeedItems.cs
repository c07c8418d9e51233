using System.Globalization;
using System.Runtime.CompilerServices;
using System.ServiceModel.Syndication;
using System.Xml;
using NewsWire.Api.Articles;
using NewsWire.Core.Text;

namespace NewsWire.Api.Ingest;

/// <summary>
/// Reads an Atom or RSS feed as a stream of entries. The reader moves through the document asynchronously
/// and hands one entry at a time to System.ServiceModel.Syndication, so a large feed never sits in memory
/// whole. The feed's own title and language stand in for source and lang when the client gives none.
/// DTDs are refused (no entity expansion, no external fetches).
/// </summary>
public static class FeedItems
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static async IAsyncEnumerable<ImportItem> ReadAsync(
        Stream stream, string? source, string? lang, TimeProvider clock,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings
        {
            Async = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true,
            IgnoreProcessingInstructions = true, MaxCharactersInDocument = 0,
        };
        using var reader = XmlReader.Create(stream, settings);
        var entry = 0;
        string? feedTitle = null, feedLang = null;
        while (true)
        {
            ImportItem? item = null;
            bool more;
            try
            {
                more = await reader.ReadAsync();
                while (more && !IsEntry(reader))
                {
                    if (reader.NodeType == XmlNodeType.Element && IsFeedTitle(reader))
                    {
                        feedTitle ??= PlainText.NormalizeLine(await reader.ReadElementContentAsStringAsync());
                        more = !reader.EOF;
                        continue;
                    }

                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "language" && reader.Depth <= 2)
                    {
                        feedLang ??= (await reader.ReadElementContentAsStringAsync()).Trim();
                        more = !reader.EOF;
                        continue;
                    }

                    if (reader.NodeType == XmlNodeType.Element && reader.Depth == 0)
                    {
                        feedLang ??= reader.GetAttribute("xml:lang"); // Atom: <feed xml:lang="en">
                    }

                    more = await reader.ReadAsync();
                }

                if (!more)
                {
                    yield break;
                }

                entry++;
                var xml = await reader.ReadOuterXmlAsync();
                item = ToItem(entry, xml, source ?? feedTitle, lang ?? feedLang, clock.GetUtcNow().UtcDateTime);
            }
            catch (XmlException e)
            {
                // A document broken mid-way ends the import there; the entries before it are kept.
                item = new ImportItem(entry + 1, null, new Dictionary<string, string[]>
                {
                    ["xml"] = [$"The feed is not well-formed XML at line {e.LineNumber}, position {e.LinePosition}; reading stopped here."],
                });
            }

            yield return item;
            if (item.Errors?.ContainsKey("xml") == true)
            {
                yield break;
            }
        }
    }

    private static bool IsEntry(XmlReader reader) =>
        reader.NodeType == XmlNodeType.Element
        && ((reader.LocalName == "entry" && reader.NamespaceURI == AtomNamespace) || (reader.LocalName == "item" && reader.Depth <= 2));

    private static bool IsFeedTitle(XmlReader reader) => reader.LocalName == "title" && reader.Depth <= 2;

    private static ImportItem ToItem(int entry, string xml, string? source, string? lang, DateTime now)
    {
        SyndicationItem syndicationItem;
        try
        {
            using var entryReader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            syndicationItem = SyndicationItem.Load(entryReader);
        }
        catch (Exception e) when (e is XmlException or FormatException)
        {
            return new ImportItem(entry, null, new Dictionary<string, string[]> { ["entry"] = ["The entry is not a valid Atom entry or RSS item: " + e.Message] });
        }

        var published = syndicationItem.PublishDate != default ? syndicationItem.PublishDate : syndicationItem.LastUpdatedTime;
        var input = new ArticleInput
        {
            Headline = Text(syndicationItem.Title),
            Body = Text(syndicationItem.Content as TextSyndicationContent) ?? Text(syndicationItem.Summary),
            Source = source,
            Lang = lang,
            PublishedAt = published == default ? null : published.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            // RSS turns a permalink guid into a link even when it is not an address: take web addresses only.
            Url = syndicationItem.Links
                .Where(l => l.RelationshipType is null or "alternate")
                .Select(l => l.Uri)
                .FirstOrDefault(u => u is { IsAbsoluteUri: true } && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
                ?.ToString(),
            ExternalId = string.IsNullOrWhiteSpace(syndicationItem.Id) ? null : syndicationItem.Id,
            Tags = syndicationItem.Categories.Select(c => c.Label ?? c.Name).Where(c => !string.IsNullOrWhiteSpace(c)).ToList(),
        };
        var result = ArticleDrafts.FromInput(input, now);
        return new ImportItem(entry, result.Draft, result.Draft is null ? result.Errors : null);
    }

    private static string? Text(TextSyndicationContent? content) =>
        content is null ? null
        : content.Type is "html" or "xhtml" || content.Text.Contains('<', StringComparison.Ordinal) ? HtmlText.ToPlainText(content.Text)
        : content.Text;
}
