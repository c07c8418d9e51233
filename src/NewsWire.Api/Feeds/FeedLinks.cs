using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using NewsWire.Api.Articles;

namespace NewsWire.Api.Feeds;

/// <summary>
/// The addresses a feed holds. Feeds are read away from the site (a reader stores entries and follows
/// links later), so every link is absolute, built from the request's scheme, host and path base (behind a
/// proxy, configure forwarded headers so that these are the public ones). Ids are tag URIs (RFC 4151)
/// that name the article, not an address, so they never change when a link does (ADR 12).
/// </summary>
public sealed partial class FeedLinks
{
    /// <summary>The domain (or e-mail address) that mints the tag URIs: <c>NewsWire:Feeds:IdAuthority</c>.</summary>
    public const string IdAuthoritySetting = "NewsWire:Feeds:IdAuthority";

    private readonly string _base;
    private readonly HttpRequest _request;
    private readonly string _authority;

    public FeedLinks(HttpRequest request, IConfiguration configuration)
    {
        _request = request;
        var host = request.Host.HasValue ? request.Host.ToUriComponent() : "localhost";
        _base = Uri.TryCreate($"{request.Scheme}://{host}{request.PathBase.ToUriComponent()}", UriKind.Absolute, out var root)
            ? root.AbsoluteUri.TrimEnd('/')
            : "http://localhost";
        var configured = configuration[IdAuthoritySetting];
        _authority = IsTaggingAuthority(configured) ? configured!
            : IsTaggingAuthority(request.Host.Host) ? request.Host.Host.ToLowerInvariant()
            : "localhost";
    }

    public Uri Home => Absolute("/");

    public Uri OpenSearch => Absolute("/opensearch.xml");

    /// <summary>This page, its parameters in the canonical order (see <see cref="Query"/>).</summary>
    public Uri Self => WithCursor(_request.Query["cursor"] is { Count: > 0 } cursor ? cursor.ToString() : null);

    /// <summary>The first page: the request without its cursor.</summary>
    public Uri First => WithCursor(null);

    public Uri Next(ListCursor cursor) => WithCursor(cursor.Encode());

    public Uri ArticlePage(FeedEntry entry) => Absolute("/articles/" + Uri.EscapeDataString(entry.Slug));

    public Uri ArticleJson(FeedEntry entry) => Absolute(string.Create(CultureInfo.InvariantCulture, $"/api/articles/{entry.Id}"));

    /// <summary><c>tag:news.example.com,2026-11-29:articles/17</c>: the day the article was stored, its id.</summary>
    public string EntryId(FeedEntry entry) =>
        string.Create(CultureInfo.InvariantCulture, $"tag:{_authority},{entry.CreatedAt:yyyy-MM-dd}:articles/{entry.Id}");

    /// <summary>The feed's id: the same for every page and every format of one query.</summary>
    public string FeedId()
    {
        var query = QueryHelpers.AddQueryString("", Query(cursor: null));
        return $"tag:{_authority},2026:feeds{query}";
    }

    private Uri WithCursor(string? cursor) => Absolute(QueryHelpers.AddQueryString(_request.Path.ToUriComponent(), Query(cursor)));

    /// <summary>
    /// The request's parameters in one order whatever order the reader wrote them in (names, then values, as the
    /// output cache orders them for its key): <c>source=TASS&amp;source=Reuters</c> is the same feed as the other
    /// way round, with the same id and links, and one cache entry serves both.
    /// </summary>
    private IEnumerable<KeyValuePair<string, string?>> Query(string? cursor) => _request.Query
        .Where(p => !p.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase))
        .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
        .SelectMany(p => p.Value.Order(StringComparer.Ordinal).Select(v => new KeyValuePair<string, string?>(p.Key, v)))
        .Concat(cursor is null ? [] : [new KeyValuePair<string, string?>("cursor", cursor)]);

    private Uri Absolute(string pathAndQuery) => new(_base + pathAndQuery, UriKind.Absolute);

    /// <summary>A DNS name or an e-mail address, as RFC 4151's taggingEntity requires.</summary>
    internal static bool IsTaggingAuthority(string? value) => value is not null && TaggingAuthority().IsMatch(value);

    [GeneratedRegex(@"^([A-Za-z0-9._%+-]+@)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$")]
    private static partial Regex TaggingAuthority();
}
