using NewsWire.Api.Caching;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.Search;
using NewsWire.Core.Text;

namespace NewsWire.Api.Catalogue;

/// <summary>
/// What the archive holds: its sources, tags and places with how many visible articles carry each, most
/// used first. The entries are search's facet values (<see cref="FacetValue"/>) over the whole archive.
/// </summary>
public static class CatalogueApi
{
    private const string Common = """
        Counts visible articles: near-duplicates, hidden from listings and search, are left out, so each
        count is the `total` of the listing filtered by that value. Values that differ only in case count
        together. `prefix` keeps values that start with it, ignoring case and diacritics (`zu` finds Zürich),
        for a frontend's autocomplete; `limit` 1..1000 (default 100). Always up to date: counts are kept
        until anything is written.
        """;

    public static IServiceCollection AddCatalogue(this IServiceCollection services) =>
        services.AddSingleton<CatalogueCounts>();

    public static RouteGroupBuilder MapCatalogue(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Catalogue").RejectUnknownQueryParameters().CacheUntilStoreChanges();

        group.MapGet("/sources", GetSources)
            .WithName(nameof(GetSources))
            .WithSummary("Sources (agencies), most used first")
            .WithDescription("Every source with its number of articles, e.g. `[{ \"value\": \"Reuters\", \"count\": 1200 }]`. " + Common);

        group.MapGet("/tags", GetTags)
            .WithName(nameof(GetTags))
            .WithSummary("Tags, most used first")
            .WithDescription("Every tag with its number of articles, e.g. `[{ \"value\": \"grain\", \"count\": 87 }]`. " + Common);

        group.MapGet("/places", GetPlaces)
            .WithName(nameof(GetPlaces))
            .WithSummary("Dateline places, most used first")
            .WithDescription("Every dateline place with its number of articles, e.g. `[{ \"value\": \"London\", \"count\": 310 }]`. " + Common);

        return group;
    }

    public static Task<Results<Ok<List<FacetValue>>, ValidationProblem>> GetSources(
        [AsParameters] CatalogueParameters parameters, CatalogueCounts counts, CancellationToken cancellationToken) =>
        List(CatalogueKind.Source, parameters, counts, cancellationToken);

    public static Task<Results<Ok<List<FacetValue>>, ValidationProblem>> GetTags(
        [AsParameters] CatalogueParameters parameters, CatalogueCounts counts, CancellationToken cancellationToken) =>
        List(CatalogueKind.Tag, parameters, counts, cancellationToken);

    public static Task<Results<Ok<List<FacetValue>>, ValidationProblem>> GetPlaces(
        [AsParameters] CatalogueParameters parameters, CatalogueCounts counts, CancellationToken cancellationToken) =>
        List(CatalogueKind.Place, parameters, counts, cancellationToken);

    private static async Task<Results<Ok<List<FacetValue>>, ValidationProblem>> List(
        CatalogueKind kind, CatalogueParameters parameters, CatalogueCounts counts, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (parameters.Parse(errors) is not ({ } limit, { } prefix))
        {
            return Problems.Validation(errors);
        }

        var folded = Folding.Fold(prefix);
        var entries = await counts.GetAsync(kind, cancellationToken);
        return TypedResults.Ok(entries
            .Where(e => Folding.StartsWithFolded(e.Folded, folded))
            .Take(limit)
            .Select(e => new FacetValue { Value = e.Value, Count = e.Count })
            .ToList());
    }
}
