using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.RateLimits;

namespace NewsWire.Api.Search;

public static class SearchApi
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchBudget>().BindConfiguration(SearchBudget.Section).ValidateDataAnnotations().ValidateOnStart();
        // The engine itself, inside this budget, is LuceneSearchSetup's.
        return services;
    }

    public static RouteHandlerBuilder MapSearch(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/search", SearchArticles)
            .WithTags("Search")
            .WithName(nameof(SearchArticles))
            .WithSummary("Full-text search with ranking, highlights and facets")
            .WithDescription("""
                `q` (1..500 characters), web-search style:

                | you type | finds |
                |---|---|
                | `refugees europe` | both words (words are ANDed) |
                | `"Islamic State"` | the exact phrase |
                | `Assad OR Putin` | either word |
                | `SCO -Damascus` | SCO, but not articles that mention Damascus |
                | `recruit*` | words starting with recruit |
                | `headline:refugee` | the word in the headline (also `lead:`, `body:`, `place:`) |

                Matching ignores case and diacritics (`zurich` finds Zürich), stems English words (`refugee`
                finds refugees) and works for Cyrillic (`беженц*`). Every listing filter combines with `q`.
                `sort=relevance|newest|oldest`; relevance is BM25 with the headline weighted above the lead
                and the lead above the body. `limit` 1..100, `offset` 0..10000. `facets=source,tag,place,month`
                adds counts over the whole match set. Highlights are HTML: matched words in `<mark>`, everything
                else escaped.

                Every search has a budget (`NewsWire:Search`; by default 10 s, at most 10 prefixes in a query and
                1,000 different words of the archive per prefix). Past it the answer is a 400 problem that says the
                query is too broad and how to narrow it: more letters before a `*`, fewer prefixes, more words,
                filters. A search stops when its client disconnects.
                """)
            .RejectUnknownQueryParameters()
            .RequireRateLimiting(RateLimitSetup.SearchPolicy);

    public static async Task<Results<Ok<SearchResults>, ValidationProblem>> SearchArticles(
        [AsParameters] SearchParameters parameters, IArticleSearch search, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var request = parameters.ToRequest(errors);
        if (request is null)
        {
            return Problems.Validation(errors);
        }

        SearchPage page;
        try
        {
            page = await search.SearchAsync(request, cancellationToken);
        }
        catch (SearchTooBroadException tooBroad)
        {
            return Problems.TooBroad(tooBroad.Message);
        }

        return TypedResults.Ok(new SearchResults
        {
            Query = parameters.Q!,
            Total = page.Total,
            Items = page.Items,
            Facets = page.Facets,
        });
    }
}
