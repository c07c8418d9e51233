using NewsWire.Api.Search.Lucene;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>The index's life: upserts and deletes by id, visibility after a refresh, commits that record a position and survive a restart.</summary>
public sealed class LuceneIndexTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"newswire-lucene-{Guid.NewGuid():N}");

    [Fact]
    public void UpsertsReplaceByIdAndDeletesRemove()
    {
        using var index = new LuceneIndex(_folder);
        var engine = new LuceneSearchEngine(index);

        index.Upsert([Article(1, "Volcano erupts in Iceland", "Lava reached the town of Grindavik.")]);
        index.Refresh();
        Total(engine, "grindavik").Should().Be(1);

        index.Upsert([Article(1, "Volcano calms in Iceland", "Lava stopped short of Reykjanes.")]);
        index.Refresh();
        Total(engine, "grindavik").Should().Be(0);
        Total(engine, "reykjanes").Should().Be(1);
        Total(engine, "headline:calms").Should().Be(1);
        index.Count.Should().Be(1);

        index.Delete([1]);
        index.Refresh();
        Total(engine, "volcano").Should().Be(0);
        index.Count.Should().Be(0);
    }

    [Fact]
    public void AWriteIsSearchableAfterARefreshWithoutACommit()
    {
        using var index = new LuceneIndex(_folder);
        var engine = new LuceneSearchEngine(index);

        index.Upsert([Article(7, "Quake shakes Anchorage", "No damage was reported.")]);
        Total(engine, "anchorage").Should().Be(0);

        index.Refresh();
        Total(engine, "anchorage").Should().Be(1);
        index.LastAppliedPosition.Should().BeNull();
    }

    [Fact]
    public void ACommitRecordsThePositionAndARestartResumesFromIt()
    {
        using (var index = new LuceneIndex(_folder))
        {
            index.Upsert([Article(1, "First story", "Alpha."), Article(2, "Second story", "Beta.")]);
            index.Commit("change-2");
            index.Upsert([Article(3, "Third story", "Gamma.")]);
            index.Commit("change-3");
        }

        using var reopened = new LuceneIndex(_folder);
        reopened.LastAppliedPosition.Should().Be("change-3");
        reopened.Count.Should().Be(3);
        Total(new LuceneSearchEngine(reopened), "gamma").Should().Be(1);
    }

    [Fact]
    public void WritesAfterTheLastCommitSurviveAClose()
    {
        using (var index = new LuceneIndex(_folder))
        {
            index.Upsert([Article(1, "First story", "Alpha.")]);
            index.Commit("change-1");
            index.Upsert([Article(2, "Second story", "Beta.")]);
        }

        // Replaying from change-1 again is harmless: every change is an upsert or a delete by id.
        using var reopened = new LuceneIndex(_folder);
        reopened.LastAppliedPosition.Should().Be("change-1");
        reopened.Count.Should().Be(2);
    }

    [Fact]
    public void ClearEmptiesTheIndex()
    {
        using var index = new LuceneIndex(_folder);
        index.Upsert([Article(1, "First story", "Alpha.")]);
        index.Clear();
        index.Refresh();

        index.Count.Should().Be(0);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int Total(LuceneSearchEngine engine, string q) => engine.Search(Requests.For(q)).Total;

    private static IndexedArticle Article(long id, string headline, string body) =>
        new(id, headline, null, body, [], "Reykjavik", "Reuters", [], "en", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), false);
}
