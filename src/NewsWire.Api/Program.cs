using NewsWire.Api.Articles;
using NewsWire.Api.Catalogue;
using NewsWire.Api.Data;
using NewsWire.Api.Feeds;
using NewsWire.Api.Health;
using NewsWire.Api.Ingest;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.OpenApi;
using NewsWire.Api.Search;

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
builder.Services.AddNewsWireOpenApi();
builder.Services.AddNewsWireHealth();
builder.Services.AddArticles(builder.Configuration);
builder.Services.AddSearch();
builder.Services.AddImport();
builder.Services.AddCatalogue();
builder.Services.AddRelatedArticles();
builder.Services.AddFeeds();

var app = builder.Build();

app.UseNewsWireHttp();
app.MapNewsWireOpenApi();
app.MapNewsWireHealth();
app.MapImport();
app.MapArticles();
app.MapRelatedArticles();
app.MapSearch();
app.MapCatalogue();
app.MapFeeds();

await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
