using System.Collections.Concurrent;
using System.Text;

// The HTTP baseline for NewsWire's reads: the same framework, the same server (Kestrel) and the same body
// size, but no routing groups, filters, database or serialization. GET /json/{bytes} answers a JSON object of
// exactly that many bytes, built once and cached, so what NewsWire adds on top is what the ratio shows.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning); // NewsWire is benchmarked at Warning too

var app = builder.Build();
var bodies = new ConcurrentDictionary<int, byte[]>();

app.MapGet("/json/{bytes:int:range(16,10000000)}", (int bytes) =>
    Results.Bytes(bodies.GetOrAdd(bytes, Body), "application/json; charset=utf-8"));

await app.RunAsync();

// {"padding":"xxx…"}: 14 bytes of frame plus filler.
static byte[] Body(int bytes) => Encoding.UTF8.GetBytes("{\"padding\":\"" + new string('x', bytes - 14) + "\"}");
