using NewsWire.Api.Articles;
using NewsWire.Api.Data;
using NewsWire.Api.Health;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.OpenApi;
using NewsWire.Api.Search;

var builder = WebApplication.CreateBuilder(args);

builder.AddNewsWireLogging();
builder.Services.AddNewsWireStorage(builder.Configuration);
builder.Services.AddNewsWireHttp(builder.Configuration);
builder.Services.AddNewsWireOpenApi();
builder.Services.AddNewsWireHealth();
builder.Services.AddArticles();
builder.Services.AddSearch();

var app = builder.Build();

app.UseNewsWireHttp();
app.MapNewsWireOpenApi();
app.MapNewsWireHealth();
app.MapArticles();
app.MapSearch();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
