using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsWire.Api.Feeds;

/// <summary>A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1); names as the specification spells them.</summary>
public sealed record JsonFeed
{
    public const string ContentType = "application/feed+json";

    /// <example>https://jsonfeed.org/version/1.1</example>
    [JsonPropertyName("version")] public string Version { get; init; } = "https://jsonfeed.org/version/1.1";
    /// <example>NewsWire: refugees, source TASS</example>
    [JsonPropertyName("title")] public required string Title { get; init; }
    /// <example>The newest articles in the NewsWire archive for refugees, source TASS.</example>
    [JsonPropertyName("description")] public required string Description { get; init; }
    /// <example>https://news.example.com/</example>
    [JsonPropertyName("home_page_url")] public required string HomePageUrl { get; init; }
    /// <example>https://news.example.com/feeds/json?q=refugees&amp;source=TASS</example>
    [JsonPropertyName("feed_url")] public required string FeedUrl { get; init; }
    /// <summary>The next page; absent on the last.</summary>
    /// <example>https://news.example.com/feeds/json?q=refugees&amp;source=TASS&amp;cursor=bi42MzU3NzQ4ODAwMDAwMDAwMDAuMQ</example>
    [JsonPropertyName("next_url")] public string? NextUrl { get; init; }
    /// <example>en</example>
    [JsonPropertyName("language")] public string? Language { get; init; }
    [JsonPropertyName("authors")] public required IReadOnlyList<JsonFeedAuthor> Authors { get; init; }
    [JsonPropertyName("items")] public required IReadOnlyList<JsonFeedItem> Items { get; init; }
    /// <summary>NewsWire's extension (JSON Feed custom objects start with an underscore).</summary>
    [JsonPropertyName("_newswire")] public required JsonFeedExtension NewsWire { get; init; }

    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static byte[] Write(FeedDocument document)
    {
        var links = document.Links;
        var feed = new JsonFeed
        {
            Title = document.Title,
            Description = document.Description,
            HomePageUrl = links.Home.AbsoluteUri,
            FeedUrl = links.Self.AbsoluteUri,
            NextUrl = document.Page.Next is { } next ? links.Next(next).AbsoluteUri : null,
            Language = document.Language,
            Authors = [new JsonFeedAuthor { Name = "NewsWire" }],
            Items = document.Page.Entries.Select(entry => new JsonFeedItem
            {
                Id = links.EntryId(entry),
                Url = links.ArticlePage(entry).AbsoluteUri,
                ExternalUrl = entry.Url,
                Title = entry.Headline,
                ContentText = entry.Summary,
                DatePublished = new DateTimeOffset(entry.PublishedAt, TimeSpan.Zero),
                DateModified = new DateTimeOffset(entry.UpdatedAt, TimeSpan.Zero),
                Authors = entry.Source is null ? null : [new JsonFeedAuthor { Name = entry.Source }],
                Tags = entry.Tags.Count == 0 ? null : entry.Tags,
                Language = entry.Lang,
                NewsWire = new JsonFeedItemExtension { ApiUrl = links.ArticleJson(entry).AbsoluteUri },
            }).ToList(),
            NewsWire = new JsonFeedExtension { OpenSearch = links.OpenSearch.AbsoluteUri },
        };
        return JsonSerializer.SerializeToUtf8Bytes(feed, Options);
    }
}

public sealed record JsonFeedAuthor
{
    /// <example>TASS</example>
    [JsonPropertyName("name")] public required string Name { get; init; }
}

/// <summary>One article. <c>content_text</c> is its summary (the lead, or the opening of the body).</summary>
public sealed record JsonFeedItem
{
    /// <example>tag:news.example.com,2026-11-29:articles/1</example>
    [JsonPropertyName("id")] public required string Id { get; init; }
    /// <summary>The article's page.</summary>
    /// <example>https://news.example.com/articles/russian-security-service-refugee-crisis-used-by-islamic-state-to-send-people-to-europe</example>
    [JsonPropertyName("url")] public required string Url { get; init; }
    /// <summary>The original address, when known.</summary>
    /// <example>https://tass.com/world/822339</example>
    [JsonPropertyName("external_url")] public string? ExternalUrl { get; init; }
    /// <example>Russian Security Service: Refugee crisis used by Islamic State to send people to Europe</example>
    [JsonPropertyName("title")] public required string Title { get; init; }
    /// <example>The officer said the flow of refugees will only grow as Islamic State is seizing new territories</example>
    [JsonPropertyName("content_text")] public required string ContentText { get; init; }
    /// <example>2015-09-18T00:00:00+00:00</example>
    [JsonPropertyName("date_published")] public required DateTimeOffset DatePublished { get; init; }
    /// <example>2026-11-29T10:00:00+00:00</example>
    [JsonPropertyName("date_modified")] public required DateTimeOffset DateModified { get; init; }
    [JsonPropertyName("authors")] public IReadOnlyList<JsonFeedAuthor>? Authors { get; init; }
    /// <example>["refugees", "terrorism"]</example>
    [JsonPropertyName("tags")] public IReadOnlyList<string>? Tags { get; init; }
    /// <example>en</example>
    [JsonPropertyName("language")] public required string Language { get; init; }
    [JsonPropertyName("_newswire")] public required JsonFeedItemExtension NewsWire { get; init; }
}

public sealed record JsonFeedItemExtension
{
    /// <summary>The article as JSON from the API.</summary>
    /// <example>https://news.example.com/api/articles/1</example>
    [JsonPropertyName("api_url")] public required string ApiUrl { get; init; }
}

public sealed record JsonFeedExtension
{
    /// <summary>The OpenSearch description of the archive's search.</summary>
    /// <example>https://news.example.com/opensearch.xml</example>
    [JsonPropertyName("opensearch")] public required string OpenSearch { get; init; }
}
