using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsWire.Api.Articles;
using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.Webhooks;

/// <summary>The page parameters of the subscription lists: newest first, keyset on the id.</summary>
public sealed record SubscriptionListParameters
{
    /// <summary>Page size, 1..100 (default 20).</summary>
    public string? Limit { get; init; }
    /// <summary>The nextCursor of the previous page.</summary>
    public string? Cursor { get; init; }

    /// <summary>The page size and the id to continue below, or null with errors.</summary>
    internal (int Limit, long? Below)? Parse(IDictionary<string, string[]> errors)
    {
        var limit = ListArticles.ParseLimit(Limit, errors);
        long? below = null;
        if (Cursor is not null)
        {
            below = DecodeCursor(Cursor);
            if (below is null)
            {
                errors["cursor"] = ["The cursor is not one this service issued; pass nextCursor from the previous page unchanged."];
            }
        }

        return errors.Count > 0 ? null : (limit, below);
    }

    internal static string EncodeCursor(long id) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"i.{id}")));

    private static long? DecodeCursor(string cursor)
    {
        if (cursor.Length is 0 or > 40 || !Base64Url.IsValid(cursor))
        {
            return null;
        }

        var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
        return text.StartsWith("i.", StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}

public static class ReadSubscriptions
{
    public static async Task<Results<Ok<SubscriptionPage>, ValidationProblem>> ListSubscriptions(
        [AsParameters] SubscriptionListParameters parameters, NewsWireDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (parameters.Parse(errors) is not var (limit, below))
        {
            return Problems.Validation(errors);
        }

        var all = db.Subscriptions.AsNoTracking();
        var total = await all.CountAsync(cancellationToken);
        var page = await all.Where(s => below == null || s.Id < below).OrderByDescending(s => s.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var next = NextCursor(page, limit, s => s.Id, http);
        return TypedResults.Ok(new SubscriptionPage
        {
            Items = page.Select(s => SubscriptionSearch.FromStored(s).ToItem(s)).ToList(),
            NextCursor = next,
            Total = total,
        });
    }

    public static async Task<Results<Ok<SubscriptionItem>, ProblemHttpResult>> GetSubscription(
        string id, NewsWireDb db, CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(db, id, cancellationToken);
        return subscription is null ? NotFound(id) : TypedResults.Ok(SubscriptionSearch.FromStored(subscription).ToItem(subscription));
    }

    /// <summary>Deletes the subscription and, by the foreign key's cascade, every delivery it still had pending.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteSubscription(
        string id, NewsWireDb db, CancellationToken cancellationToken)
    {
        var deleted = ParseId(id) is { } number
            ? await db.Subscriptions.Where(s => s.Id == number).ExecuteDeleteAsync(cancellationToken)
            : 0;
        return deleted == 0 ? NotFound(id) : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<DeliveryPage>, ValidationProblem, ProblemHttpResult>> ListDeliveries(
        string id, [AsParameters] SubscriptionListParameters parameters, NewsWireDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (parameters.Parse(errors) is not var (limit, below))
        {
            return Problems.Validation(errors);
        }

        if (await FindAsync(db, id, cancellationToken) is not { } subscription)
        {
            return NotFound(id);
        }

        var all = db.Deliveries.AsNoTracking().Where(d => d.SubscriptionId == subscription.Id);
        var total = await all.CountAsync(cancellationToken);
        var page = await all.Where(d => below == null || d.Id < below).OrderByDescending(d => d.Id).Take(limit + 1)
            .Select(d => new DeliveryItem
            {
                Id = d.Id,
                Article = d.ArticleId,
                State = d.State.ToString().ToLowerInvariant(),
                Attempts = d.Attempts,
                LastStatus = d.LastStatus,
                LastError = d.LastError,
                NextAttemptAt = d.NextAttemptAt,
                DeliveredAt = d.DeliveredAt,
                CreatedAt = d.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        var next = NextCursor(page, limit, d => d.Id, http);
        return TypedResults.Ok(new DeliveryPage { Items = page, NextCursor = next, Total = total });
    }

    private static async Task<Subscription?> FindAsync(NewsWireDb db, string id, CancellationToken cancellationToken) =>
        ParseId(id) is { } number ? await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == number, cancellationToken) : null;

    private static long? ParseId(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static ProblemHttpResult NotFound(string id) =>
        Problems.Status(StatusCodes.Status404NotFound, "Not found.", $"There is no subscription with id '{ArticleDrafts.Truncated(id)}'.");

    /// <summary>Trims the extra row a page was read with and, when there was one, gives the cursor and the Link header.</summary>
    private static string? NextCursor<T>(List<T> page, int limit, Func<T, long> id, HttpContext http)
    {
        if (page.Count <= limit)
        {
            return null;
        }

        page.RemoveAt(limit);
        var cursor = SubscriptionListParameters.EncodeCursor(id(page[^1]));
        var query = http.Request.Query.Where(p => !p.Key.Equals("cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", cursor));
        http.Response.Headers.Link = $"<{Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(http.Request.PathBase + http.Request.Path, query)}>; rel=\"next\"";
        return cursor;
    }
}
