using System.IO.Compression;
using System.Text;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Ingest;

/// <summary>The command-line import, run as a real process on a real database file.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newswire-cli-").FullName;
    private string Database => Path.Combine(_folder, "cli.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ImportsAFolderOfNdjsonGzipAndWireCopyIntoTheDatabaseTheServiceReads()
    {
        var input = Directory.CreateDirectory(Path.Combine(_folder, "in")).FullName;
        await File.WriteAllTextAsync(Path.Combine(input, "a.ndjson"), Line("Alpha story") + "\n" + Line("Beta story") + "\n{broken\n");
        await using (var gz = new GZipStream(File.Create(Path.Combine(input, "b.jsonl.gz")), CompressionLevel.Fastest))
        {
            await gz.WriteAsync(Encoding.UTF8.GetBytes(Line("Gamma story") + "\n" + Line("Alpha story") + "\n"));
        }

        await File.WriteAllTextAsync(Path.Combine(input, "c.txt"), Stories.KazakhGrain);

        var (exitCode, output, errors) = await Run(input);

        exitCode.Should().Be(1, "one line failed: {0}", errors);
        output.Should().Contain("4 created").And.Contain("1 exact duplicates").And.Contain("1 failed");
        errors.Should().Contain("a.ndjson:3:");

        await using var app = new NewsWireApp(Database);
        var page = await app.CreateClient().GetFromJsonAsync<ArticlePage>("/api/articles?limit=100", HttpExtensions.Json);
        page!.Items.Select(i => i.Headline).Should().Contain(["Alpha story", "Beta story", "Gamma story", "Kazakhstan raises grain export forecast"]);
    }

    [Fact]
    public async Task AMissingFileIsAnErrorWithUsage()
    {
        var (exitCode, _, errors) = await Run(Path.Combine(_folder, "nope.ndjson"));

        exitCode.Should().Be(2);
        errors.Should().Contain("No such file").And.Contain("Usage");
    }

    private Task<(int ExitCode, string Output, string Errors)> Run(params string[] arguments) =>
        CommandRun.RunAsync(_folder, Database, "import", arguments);

    private static string Line(string headline) =>
        System.Text.Json.JsonSerializer.Serialize(new { headline, body = $"The full story of {headline}, with its own words.", source = "Reuters" });
}
