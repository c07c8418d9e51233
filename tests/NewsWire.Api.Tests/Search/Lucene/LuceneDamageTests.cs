using System.Net;
using Lucene.Net.Index;
using NewsWire.Api.Search;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>
/// The index is derived from the store: one that is lost, damaged or of no use is rebuilt from the store when the
/// service starts, and searches answer 200 with every article, never a 500. A service that stops commits what it
/// applied, and the folder it leaves passes Lucene's CheckIndex.
/// </summary>
[Trait("Provider", "Sqlite")] // the index folder beside the SQLite file, kept between two services
public sealed class LuceneDamageTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"newswire-damage-{Guid.NewGuid():N}.db");

    private string IndexFolder => Path.ChangeExtension(_database, ".index");

    [Theory]
    [InlineData("missing")]
    [InlineData("corrupt segments file")]
    [InlineData("segments file gone")]
    [InlineData("truncated segment")]
    [InlineData("commit data unreadable")]
    public async Task ALostOrDamagedIndexIsRebuiltFromTheStoreAndSearchAnswers200(string damage)
    {
        var ids = await WriteAndStopAsync(5);
        Damage(damage);

        await using var app = new NewsWireApp(_database);
        var response = await app.CreateClient().GetAsync("/api/search?q=zqdamage&limit=100");

        response.StatusCode.Should().Be(HttpStatusCode.OK, damage);
        (await response.ReadAsAsync<SearchResults>()).Items.Select(h => h.Id).Should().BeEquivalentTo(ids);
    }

    [Fact]
    public async Task AStoppedServiceLeavesACommittedIndexThatPassesCheckIndexAndResumesFromItsPosition()
    {
        var ids = await WriteAndStopAsync(30);

        Check(IndexFolder).Clean.Should().BeTrue();
        IndexContents.Committed(IndexFolder).Ids.Should().Contain(ids);
        await using var app = new NewsWireApp(_database);
        (await app.CreateClient().GetFromJsonAsync<SearchResults>("/api/search?q=zqdamage&limit=100", HttpExtensions.Json))!.Total.Should().Be(30);
    }

    public void Dispose() => NewsWireApp.DeleteDatabase(_database);

    /// <summary>Lucene's own full check of a folder no writer holds.</summary>
    public static CheckIndex.Status Check(string folder)
    {
        using var directory = new global::Lucene.Net.Store.NIOFSDirectory(folder);
        return new CheckIndex(directory).DoCheckIndex();
    }

    private async Task<List<long>> WriteAndStopAsync(int count)
    {
        await using var app = new NewsWireApp(_database);
        using var writer = app.CreateWriter();
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await writer.CreateAsync(Stories.Input($"Damage story {i}", body: $"zqdamage number {i} of the damage run."))).Id);
        }

        (await app.CreateClient().GetFromJsonAsync<SearchResults>("/api/search?q=zqdamage&limit=100", HttpExtensions.Json))!.Total.Should().Be(count);
        return ids;
    }

    private void Damage(string damage)
    {
        var files = Directory.GetFiles(IndexFolder);
        switch (damage)
        {
            case "missing":
                Directory.Delete(IndexFolder, recursive: true);
                break;
            case "corrupt segments file":
                foreach (var file in files.Where(f => Path.GetFileName(f).StartsWith("segments_", StringComparison.Ordinal)))
                {
                    File.WriteAllBytes(file, [0x3f, 0xd7, 0x6c, 0x17, 0, 0, 0, 9, 0, 1, 2, 3]);
                }

                break;
            case "segments file gone":
                foreach (var file in files.Where(f => Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal)))
                {
                    File.Delete(file);
                }

                break;
            case "truncated segment":
                foreach (var file in files.Where(f => Path.GetExtension(f) is ".cfs" or ".si" or ".fnm"))
                {
                    File.WriteAllBytes(file, File.ReadAllBytes(file)[..Math.Min(20, (int)new FileInfo(file).Length)]);
                }

                break;
            case "commit data unreadable":
                using (var directory = new global::Lucene.Net.Store.NIOFSDirectory(IndexFolder))
                using (var writer = new IndexWriter(directory, new IndexWriterConfig(global::Lucene.Net.Util.LuceneVersion.LUCENE_48, null)))
                {
                    writer.SetCommitData(new Dictionary<string, string> { ["position"] = "not a position" });
                    writer.Commit();
                }

                break;
        }
    }
}
