using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Data;
using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.Articles;

public sealed record ListArticlesParameters : ListingParameters
{
    /// <summary>newest (default) or oldest.</summary>
    public string? Order { get; init; }
    /// <summary>Page size, 1..100 (default 20).</summary>
    public string? Limit { get; init; }
    /// <summary>The nextCursor of the previous page.</summary>
    public string? Cursor { get; init; }
}

public static class ListArticles
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static async Task<Results<Ok<ArticlePage>, ValidationProblem>> GetArticles(
        [AsParameters] ListArticlesParameters parameters, NewsWireDb db, ListingTotals totals, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = parameters.ToFilter(errors);
        var order = ParseOrder(parameters.Order, errors);
        var limit = ParseLimit(parameters.Limit, errors);
        ListCursor? cursor = null;
        if (parameters.Cursor is not null && !ListCursor.TryDecode(parameters.Cursor, out cursor))
        {
            errors["cursor"] = ["The cursor is not one this service issued; pass nextCursor from the previous page unchanged."];
        }
        else if (cursor is not null && cursor.Order != order)
        {
            errors["cursor"] = [$"The cursor was issued for order={cursor.Order.ToString().ToLowerInvariant()}; keep the order while paging."];
        }

        if (errors.Count > 0 || filter is null)
        {
            return Problems.Validation(errors);
        }

        var matching = filter.ApplyTo(db.Articles.AsNoTracking());
        var total = await totals.CountAsync(filter, matching, cancellationToken);
        var page = await Page(matching, order, cursor).Take(limit + 1).Select(ArticleMappings.ToSummary).ToListAsync(cancellationToken);

        string? nextCursor = null;
        if (page.Count > limit)
        {
            page.RemoveAt(limit);
            nextCursor = new ListCursor(order, page[^1].PublishedAt, page[^1].Id).Encode();
            http.Response.Headers.Link = $"<{NextPageLink(http.Request, nextCursor)}>; rel=\"next\"";
        }

        return TypedResults.Ok(new ArticlePage { Items = page, NextCursor = nextCursor, Total = total });
    }

    /// <summary>Keyset paging on (PublishedAt, Id): an article added while a client pages sorts before or
    /// after the cursor, never into a page already read, so nothing repeats and nothing is skipped.</summary>
    internal static IQueryable<Article> Page(IQueryable<Article> articles, ListOrder order, ListCursor? cursor)
    {
        if (order == ListOrder.Newest)
        {
            if (cursor is not null)
            {
                articles = articles.Where(a => a.PublishedAt < cursor.PublishedAt
                    || (a.PublishedAt == cursor.PublishedAt && a.Id < cursor.Id));
            }

            return articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);
        }

        if (cursor is not null)
        {
            articles = articles.Where(a => a.PublishedAt > cursor.PublishedAt
                || (a.PublishedAt == cursor.PublishedAt && a.Id > cursor.Id));
        }

        return articles.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id);
    }

    internal static ListOrder ParseOrder(string? value, IDictionary<string, string[]> errors)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "newest":
                return ListOrder.Newest;
            case "oldest":
                return ListOrder.Oldest;
            default:
                errors["order"] = [$"'{ArticleDrafts.Truncated(value)}' is not an order; use newest or oldest."];
                return ListOrder.Newest;
        }
    }

    /// <summary>A page size of listings, searches and feeds: 1..100, 20 when absent.</summary>
    internal static int ParseLimit(string? value, IDictionary<string, string[]> errors) =>
        QueryLimit.Parse(value, DefaultLimit, MaxLimit, errors);

    /// <summary>The same request with the cursor replaced, as a relative link that survives proxies.</summary>
    private static string NextPageLink(HttpRequest request, string cursor)
    {
        var query = request.Query
            .Where(p => !p.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", cursor));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}
