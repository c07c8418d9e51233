using NewsWire.Api.Search;
using NewsWire.Api.Search.Lucene;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>The service with the Lucene engine behind IArticleSearch (<c>NewsWire:Search:Engine=Lucene</c>).</summary>
public static class LuceneSettings
{
    public static Dictionary<string, string?> Engine() => new() { [$"{LuceneSearchSetup.Section}:Engine"] = "Lucene" };
}

/// <summary>The search fixture's stories in a service searching with Lucene.</summary>
public sealed class LuceneSearchFixture() : SearchFixture(LuceneSettings.Engine());

/// <summary>Every search test of the FTS5 engine, unchanged, against the Lucene engine.</summary>
public sealed class LuceneSearchTests(LuceneSearchFixture fixture) : SearchTests(fixture), IClassFixture<LuceneSearchFixture>;

/// <summary>Every hostile query, through HTTP and the filters, against the Lucene engine.</summary>
public sealed class LuceneHostileQueryTests(LuceneSearchFixture fixture) : HostileQueryTests(fixture), IClassFixture<LuceneSearchFixture>;

/// <summary>Writes show in Lucene search at once, and the seed is found on first start.</summary>
public sealed class LuceneSearchIndexTests() : SearchIndexTests(LuceneSettings.Engine())
{
    [Fact]
    [Trait("Provider", "Sqlite")] // the index folder beside the SQLite file
    public async Task TheSeedsSubHeadingsAreSearchedWhichFts5DoesNotDo()
    {
        // "serious" stands only in a sub-heading of the seeded TASS report; FTS5 indexes no sub-heading.
        var results = await Reader.GetFromJsonAsync<SearchResults>("/api/search?q=serious", HttpExtensions.Json);

        results!.Total.Should().Be(1);
        Directory.Exists(Path.ChangeExtension(App.DatabasePath, ".index")).Should().BeTrue();
    }

    [Fact]
    public async Task APrefixPastTheBudgetIsA400NamingQ()
    {
        var writer = Writer;
        for (var i = 0; i < 3; i++)
        {
            await writer.CreateAsync(Stories.Input($"Story {i}", body: string.Join(' ', Enumerable.Range(0, 400).Select(n => $"zq{i}x{n}"))));
        }

        var response = await Reader.GetAsync("/api/search?q=zq*");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["q"].Single().Should().Contain("stands for more than 1,000 different words");
    }
}
