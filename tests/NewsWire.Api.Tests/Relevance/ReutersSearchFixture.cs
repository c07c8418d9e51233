using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Data;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Relevance;

/// <summary>
/// One service holding the 19,043 Reuters stories, imported once through <c>POST /api/articles/import</c>
/// and shared by the relevance tests (xunit class fixture), with each searchable article's topic labels.
/// Labels come from the corpus by externalId, not from the stored tags, so that what the service does with
/// tags cannot change the judgments. Without ../shared nothing is imported and the tests skip.
/// </summary>
public class ReutersSearchFixture : IAsyncLifetime
{
    private readonly Dictionary<long, string[]> _topicsById = [];

    public ReutersSearchFixture() : this(WithRoomToIndex())
    {
    }

    /// <summary>
    /// The first search after the import waits, inside its own time budget, for the index to catch up with all
    /// 19,043 stories from the change log; on a loaded machine that can take longer than 10 s.
    /// </summary>
    private static Dictionary<string, string?> WithRoomToIndex() => new() { [$"{NewsWire.Api.Search.SearchBudget.Section}:TimeoutMs"] = "300000" };

    /// <param name="settings">Configuration for the service, e.g. another search engine.</param>
    protected ReutersSearchFixture(IDictionary<string, string?>? settings) => App = new NewsWireApp(settings: settings);

    public NewsWireApp App { get; }

    public HttpClient Client { get; private set; } = null!;

    /// <summary>How many searchable articles carry each topic: the relevant set's size.</summary>
    public IReadOnlyDictionary<string, int> RelevantCounts { get; private set; } = new Dictionary<string, int>();

    public bool IsRelevant(long articleId, string topic) =>
        _topicsById.TryGetValue(articleId, out var topics) && topics.Contains(topic, StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Client = App.CreateClient();
        if (SharedCorpus.ReutersPath is null)
        {
            return;
        }

        var lines = SharedCorpus.ReutersAsNdjson().ToList();
        using var writer = App.CreateWriter();
        using var body = new StringContent(string.Join("\n", lines), Encoding.UTF8, "application/x-ndjson");
        var response = await writer.PostAsync("/api/articles/import", body);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        var topicsByExternalId = lines.Select(line => JsonNode.Parse(line)!).ToDictionary(
            story => story["externalId"]!.GetValue<string>(),
            story => story["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray());

        // Exact duplicates are not stored and near-duplicates are hidden from search: neither can be found,
        // so neither counts towards a topic's relevant set.
        await using var scope = App.Services.CreateAsyncScope();
        var searchable = await scope.ServiceProvider.GetRequiredService<NewsWireDb>().Articles.AsNoTracking()
            .Where(a => a.DuplicateOfId == null && a.ExternalId != null)
            .Select(a => new { a.Id, a.ExternalId })
            .ToListAsync();
        foreach (var article in searchable)
        {
            if (topicsByExternalId.TryGetValue(article.ExternalId!, out var topics))
            {
                _topicsById[article.Id] = topics;
            }
        }

        RelevantCounts = _topicsById.Values.SelectMany(t => t).GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
