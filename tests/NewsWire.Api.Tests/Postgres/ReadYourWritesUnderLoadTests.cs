using System.Collections.Concurrent;
using System.Net;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Postgres;

/// <summary>
/// Read-your-writes across instances while the head readings are shared (ADR 21, ADR 30): 32 readers keep one
/// instance's cached article and first page busy, so nearly every request shares a reading another started,
/// while the other instance replaces the article again and again. Each acknowledged write is what the busy
/// instance serves on the very next request, and no reader ever goes back to an older version.
/// </summary>
public sealed class ReadYourWritesUnderLoadTests
{
    private const int Readers = 32;
    private const int Writes = 25;

    [PostgresFact]
    public async Task ABusyInstanceServesEveryWriteOfAnotherOnTheVeryNextRequest()
    {
        await using var database = new PostgresDatabase(migrated: true);
        var writer = database.Instance().CreateWriter();
        var busy = database.Instance();
        var clients = Enumerable.Range(0, Readers + 1).Select(_ => busy.CreateClient()).ToArray(); // started once, before the load
        var article = await writer.CreateAsync(Stories.Input("Harbour report 0"));
        var failures = new ConcurrentQueue<string>();
        using var writing = new CancellationTokenSource();

        var readers = Enumerable.Range(0, Readers).Select(r => Task.Run(async () =>
        {
            var client = clients[r];
            var lastSeen = 0;
            while (!writing.IsCancellationRequested)
            {
                var path = r % 2 == 0 ? $"/api/articles/{article.Id}" : "/api/articles?limit=20";
                var response = await client.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Enqueue($"{path}: {(int)response.StatusCode}");
                    continue;
                }

                var seen = Version(await response.Content.ReadAsStringAsync());
                if (seen < lastSeen)
                {
                    failures.Enqueue($"{path}: version {seen} after {lastSeen}");
                }

                lastSeen = Math.Max(lastSeen, seen);
            }
        })).ToList();

        var checker = clients[Readers];
        for (var n = 1; n <= Writes; n++)
        {
            var replaced = await writer.PutAsJsonAsync($"/api/articles/{article.Id}", Stories.Input($"Harbour report {n}"), HttpExtensions.Json);
            replaced.StatusCode.Should().Be(HttpStatusCode.OK);

            (await checker.GetFromJsonAsync<ArticleDetail>($"/api/articles/{article.Id}", HttpExtensions.Json))!.Headline
                .Should().Be($"Harbour report {n}", "write {0} was acknowledged before this request", n);
            var page = await checker.GetFromJsonAsync<ArticlePage>("/api/articles?limit=20", HttpExtensions.Json);
            page!.Items.Should().Contain(a => a.Headline == $"Harbour report {n}");
        }

        await writing.CancelAsync();
        await Task.WhenAll(readers);
        failures.Should().BeEmpty();
    }

    /// <summary>The n of "Harbour report n" in an answer (an article or a page holding it).</summary>
    private static int Version(string body)
    {
        var at = body.IndexOf("Harbour report ", StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, "the answer holds the article: {0}", body);
        var digits = body[(at + "Harbour report ".Length)..].TakeWhile(char.IsAsciiDigit).ToArray();
        return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }
}
