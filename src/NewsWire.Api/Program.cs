using NewsWire.Api.Articles;
using NewsWire.Api.Data;
using NewsWire.Api.Health;
using NewsWire.Api.Ingest;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.OpenApi;
using NewsWire.Api.Search;

if (args is ["import", .. var importArguments])
{
    return await ImportCommand.RunAsync(importArguments);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddNewsWireLogging();
builder.Services.AddNewsWireStorage(builder.Configuration);
builder.Services.AddNewsWireHttp(builder.Configuration);
builder.Services.AddNewsWireOpenApi();
builder.Services.AddNewsWireHealth();
builder.Services.AddArticles();
builder.Services.AddSearch();
builder.Services.AddImport();

var app = builder.Build();

app.UseNewsWireHttp();
app.MapNewsWireOpenApi();
app.MapNewsWireHealth();
app.MapImport();
app.MapArticles();
app.MapSearch();

await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
