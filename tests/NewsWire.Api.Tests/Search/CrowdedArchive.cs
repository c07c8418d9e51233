using System.Net;
using System.Text;
using System.Text.Json;
using NewsWire.Api.Ingest;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Search;

/// <summary>
/// Articles whose words crowd under one letter, for the search budget. Every body holds made-up words of w and
/// four more letters from a seeded generator: some 20,000 different ones over the default 400 articles, so
/// <c>w*</c> stands for twenty times the words one prefix may expand to, while three letters (<c>wqa*</c>)
/// stand for a few dozen. Every article also holds <see cref="Mark"/>, so one word matches them all.
/// </summary>
public static class CrowdedArchive
{
    public const string Mark = "zqcrowded";

    private static readonly string[] Tags = ["crowded"];

    public static async Task ImportAsync(HttpClient writer, int articles = 400, int wordsPerArticle = 60, int seed = 18092015)
    {
        var random = new Random(seed);
        var ndjson = new StringBuilder();
        for (var i = 0; i < articles; i++)
        {
            var body = new StringBuilder(Mark);
            for (var w = 0; w < wordsPerArticle; w++)
            {
                body.Append(" w").Append(Enumerable.Range(0, 4).Select(_ => (char)('a' + random.Next(26))).ToArray());
            }

            ndjson.AppendLine(JsonSerializer.Serialize(new
            {
                headline = $"Crowded story {i}",
                body = body.Append('.').ToString(),
                source = i % 2 == 0 ? "Reuters" : "AP",
                place = "Testville",
                publishedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                tags = Tags,
            }));
        }

        var content = new StringContent(ndjson.ToString(), Encoding.UTF8);
        content.Headers.ContentType = new("application/x-ndjson");
        var response = await writer.PostAsync("/api/articles/import", content);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.ReadAsAsync<ImportReport>()).Created.Should().Be(articles);
    }
}
