using NewsWire.Api.Articles;
using NewsWire.Api.Data;
using NewsWire.Api.Health;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.OpenApi;

var builder = WebApplication.CreateBuilder(args);

builder.AddNewsWireLogging();
builder.Services.AddNewsWireStorage(builder.Configuration);
builder.Services.AddNewsWireHttp(builder.Configuration);
builder.Services.AddNewsWireOpenApi();
builder.Services.AddNewsWireHealth();
builder.Services.AddArticles();

var app = builder.Build();

app.UseNewsWireHttp();
app.MapNewsWireOpenApi();
app.MapNewsWireHealth();
app.MapArticles();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
