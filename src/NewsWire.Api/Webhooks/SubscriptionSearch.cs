using Microsoft.AspNetCore.WebUtilities;
using NewsWire.Api.Articles;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.Search;
using NewsWire.Core.Search;

namespace NewsWire.Api.Webhooks;

/// <summary>
/// A subscription's search: the text of <c>q</c> and the listing filters in the query-string form the listing
/// reads, so a stored subscription is parsed by exactly the parsers <c>GET /api/search</c> uses, and a filter
/// added to the listing is a filter of subscriptions too.
/// </summary>
public sealed record SubscriptionSearch(string Q, ListingParameters Filters)
{
    /// <summary>The search of a request body, or null with the same errors search gives for the same values.</summary>
    public static SubscriptionSearch? FromInput(SubscriptionInput input, IDictionary<string, string[]> errors)
    {
        var filters = new ListingParameters
        {
            Source = Clean(input.Source),
            Tag = Clean(input.Tag),
            Place = Clean(input.Place),
            Lang = Clean(input.Lang),
            From = input.From?.Trim(),
            To = input.To?.Trim(),
            IncludeDuplicates = input.IncludeDuplicates is true ? "true" : null,
        };
        var search = new SubscriptionSearch(input.Q?.Trim() ?? "", filters);
        search.Parse(errors);
        // Search reads a control character in q as a space, but a subscription keeps q as sent, and PostgreSQL
        // refuses NUL in text: a 400 here, as for the filters, rather than a failed insert.
        _ = PlainInput.IsPlain(search.Q, "q", errors);
        return errors.Count == 0 ? search : null;
    }

    public static SubscriptionSearch FromStored(Subscription subscription)
    {
        var query = QueryHelpers.ParseQuery(subscription.Filters);
        string[]? Many(string name) => query.TryGetValue(name, out var values) ? values.Select(v => v ?? "").ToArray() : null;
        string? One(string name) => query.TryGetValue(name, out var values) ? values.ToString() : null;
        return new SubscriptionSearch(subscription.Query, new ListingParameters
        {
            Source = Many("source"),
            Tag = Many("tag"),
            Place = Many("place"),
            Lang = Many("lang"),
            From = One("from"),
            To = One("to"),
            IncludeDuplicates = One("includeDuplicates"),
        });
    }

    /// <summary>The query and the filter, checked; null with errors named as search names them.</summary>
    public (SearchQuery Query, ArticleFilter Filter)? Parse(IDictionary<string, string[]> errors)
    {
        var query = SearchParameters.ParseQuery(Q, errors);
        var filter = Filters.ToFilter(errors);
        return query is null || filter is null ? null : (query, filter);
    }

    /// <summary>The filters as they are stored: a query string, values in the order given.</summary>
    public string StoredFilters()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string name, IEnumerable<string>? values) => pairs.AddRange((values ?? []).Select(v => new KeyValuePair<string, string?>(name, v)));
        Add("source", Filters.Source);
        Add("tag", Filters.Tag);
        Add("place", Filters.Place);
        Add("lang", Filters.Lang);
        Add("from", Filters.From is null ? null : [Filters.From]);
        Add("to", Filters.To is null ? null : [Filters.To]);
        Add("includeDuplicates", Filters.IncludeDuplicates is null ? null : [Filters.IncludeDuplicates]);
        return QueryHelpers.AddQueryString("", pairs).TrimStart('?');
    }

    public SubscriptionItem ToItem(Subscription subscription) => new()
    {
        Id = subscription.Id,
        Q = Q,
        Source = Filters.Source ?? [],
        Tag = Filters.Tag ?? [],
        Place = Filters.Place ?? [],
        Lang = Filters.Lang ?? [],
        From = Filters.From,
        To = Filters.To,
        IncludeDuplicates = Filters.IncludeDuplicates is "true",
        Webhook = new WebhookItem { Url = subscription.WebhookUrl },
        CreatedAt = subscription.CreatedAt,
        DisabledAt = subscription.DisabledAt,
        DisabledReason = subscription.DisabledReason,
    };

    private static string[]? Clean(string[]? values) =>
        values?.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray() is { Length: > 0 } kept ? kept : null;
}
