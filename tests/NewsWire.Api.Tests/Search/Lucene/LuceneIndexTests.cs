using NewsWire.Api.Search.Lucene;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>The index's life: upserts and deletes by id, visibility after a refresh, commits that record a position and
/// survive a restart, a damaged index replaced, one writer per folder.</summary>
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
        index.Position.Should().BeNull();
    }

    [Fact]
    public void ACommitRecordsThePositionAndARestartResumesFromIt()
    {
        using (var index = new LuceneIndex(_folder))
        {
            index.Upsert([Article(1, "First story", "Alpha."), Article(2, "Second story", "Beta.")]);
            index.Commit(2);
            index.Upsert([Article(3, "Third story", "Gamma.")]);
            index.Commit(3);
        }

        using var reopened = new LuceneIndex(_folder);
        reopened.Position.Should().Be(3);
        reopened.Count.Should().Be(3);
        Total(new LuceneSearchEngine(reopened), "gamma").Should().Be(1);
    }

    [Fact]
    public void WritesAfterTheLastCommitAreLeftForTheTailerToApplyAgain()
    {
        using (var index = new LuceneIndex(_folder))
        {
            index.Upsert([Article(1, "First story", "Alpha.")]);
            index.Commit(1);
            index.Clear();
            index.Upsert([Article(2, "Second story", "Beta.")]);
        }

        // A rebuild cut short must not become the index: closing keeps the last commit and its position.
        using var reopened = new LuceneIndex(_folder);
        reopened.Position.Should().Be(1);
        reopened.Count.Should().Be(1);
        Total(new LuceneSearchEngine(reopened), "alpha").Should().Be(1);
    }

    [Theory]
    [InlineData("segments")] // every segments_N overwritten with garbage
    [InlineData("cfs")] // the compound segment files cut short
    [InlineData("all")] // an empty folder of stray files
    public void AnIndexThatCannotBeOpenedIsReplacedByAnEmptyOneWithoutAPosition(string damage)
    {
        using (var index = new LuceneIndex(_folder))
        {
            index.Upsert([Article(1, "First story", "Alpha."), Article(2, "Second story", "Beta.")]);
            index.Commit(2);
        }

        foreach (var file in Directory.GetFiles(_folder))
        {
            var name = Path.GetFileName(file);
            if (damage == "segments" && name.StartsWith("segments_", StringComparison.Ordinal))
            {
                File.WriteAllBytes(file, [1, 2, 3, 4, 5, 6, 7, 8]);
            }
            else if (damage == "cfs" && name.EndsWith(".cfs", StringComparison.Ordinal))
            {
                File.WriteAllBytes(file, File.ReadAllBytes(file)[..40]);
            }
            else if (damage == "all" && name.StartsWith("segments", StringComparison.Ordinal))
            {
                File.Delete(file);
            }
        }

        using var replaced = LuceneIndex.OpenOrReplace(_folder, out var why);

        replaced.Position.Should().BeNull("the tailer rebuilds an index without a position");
        replaced.Count.Should().Be(0);
        if (damage != "all")
        {
            why.Should().NotBeNull();
        }
    }

    [Fact]
    public void ASecondWriterOnTheSameFolderIsRefusedWithAMessageThatSaysWhy()
    {
        using var index = new LuceneIndex(_folder);

        var second = () => new LuceneIndex(_folder);

        second.Should().Throw<SearchIndexInUseException>().WithMessage("*in use by another NewsWire process*IndexPath*");
        index.Count.Should().Be(0, "the first writer is unharmed");
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
