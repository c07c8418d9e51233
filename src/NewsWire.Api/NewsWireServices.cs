using NewsWire.Api.Articles;
using NewsWire.Api.Caching;
using NewsWire.Api.Catalogue;
using NewsWire.Api.Data;
using NewsWire.Api.Feeds;
using NewsWire.Api.Health;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.Ingest;
using NewsWire.Api.OpenApi;
using NewsWire.Api.Push;
using NewsWire.Api.RateLimits;
using NewsWire.Api.Search;
using NewsWire.Api.Search.Lucene;
using NewsWire.Api.Webhooks;

namespace NewsWire.Api;

/// <summary>
/// The composition root: every service NewsWire has, registered once, for the web host and the import command
/// alike, so the command stores articles with exactly what the service would (the same provider, writer,
/// settings and their checks at start-up).
/// </summary>
public static class NewsWireServices
{
    public static TBuilder AddNewsWire<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddNewsWireLogging();
        builder.Services.AddNewsWireStorage(builder.Configuration);
        builder.Services.AddNewsWireHttp();
        builder.Services.AddTrustedProxies();
        builder.Services.AddNewsWireRateLimits();
        builder.Services.AddNewsWireOpenApi();
        builder.Services.AddNewsWireHealth();
        builder.Services.AddNewsWireCaching();
        builder.Services.AddArticles();
        builder.Services.AddSearch();
        builder.Services.AddLuceneSearch(builder.Configuration);
        builder.Services.AddImport();
        builder.Services.AddCatalogue();
        builder.Services.AddFeeds();
        builder.Services.AddPush();
        builder.Services.AddWebhooks();
        return builder;
    }
}
