using NewsWire.Api.Articles;
using NewsWire.Api.Caching;
using NewsWire.Api.Catalogue;
using NewsWire.Api.Data;
using NewsWire.Api.Feeds;
using NewsWire.Api.Health;
using NewsWire.Api.Ingest;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.OpenApi;
using NewsWire.Api.RateLimits;
using NewsWire.Api.Reader;
using NewsWire.Api.Search;
using NewsWire.Api.Search.Lucene;

if (args is ["import", .. var importArguments])
{
    return await ImportCommand.RunAsync(importArguments);
}

// Settings files come from beside the binary, so the service finds them whatever folder it starts in;
// the working folder is where the database file goes (newswire.db by default).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddNewsWireLogging();
builder.Services.AddNewsWireStorage(builder.Configuration);
builder.Services.AddNewsWireHttp(builder.Configuration);
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
builder.Services.AddRelatedArticles();
builder.Services.AddFeeds();

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
app.MapReaderPage();
app.MapCatalogue();
app.MapFeeds();

await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
