using NewsWire.Api;
using NewsWire.Api.Articles;
using NewsWire.Api.Caching;
using NewsWire.Api.Catalogue;
using NewsWire.Api.Feeds;
using NewsWire.Api.Health;
using NewsWire.Api.Ingest;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.OpenApi;
using NewsWire.Api.Push;
using NewsWire.Api.RateLimits;
using NewsWire.Api.Reader;
using NewsWire.Api.Search;
using NewsWire.Api.Search.Lucene;
using NewsWire.Api.Webhooks;

if (args is ["import", .. var importArguments])
{
    return await ImportCommand.RunAsync(importArguments);
}

if (args is ["reindex", .. var reindexArguments])
{
    return await ReindexCommand.RunAsync(reindexArguments);
}

// Settings files come from beside the binary, so the service finds them whatever folder it starts in;
// the working folder is where the database file goes (newswire.db by default).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddNewsWire();

var app = builder.Build();

app.UseTrustedProxies();
app.UseNewsWireHttp();
app.UseNewsWireRateLimits();
app.UseNewsWireCaching();
app.MapNewsWireOpenApi();
app.MapNewsWireHealth();
app.MapImport();
app.MapArticles();
app.MapRelatedArticles();
app.MapSearch();
app.MapSearchStream();
app.MapReaderPage();
app.MapCatalogue();
app.MapFeeds();
app.MapSubscriptions();

await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
