using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Feeds;

/// <summary>
/// One service with a few dozen articles, shared by the read-only feed tests: several sources, tags and
/// places, a lead on some and not others, an original address on some, five articles published at the very
/// same instant (so pages of a feed end inside a run of equal times), and a hidden near-duplicate.
/// </summary>
public sealed class FeedFixture : IAsyncLifetime
{
    public const string LongBody = "Kazakhstan expects to export nine million tonnes of grain this season, the agriculture ministry said in a statement that also looked at barley, oats and the state of the railways that carry the crop to ports on the Caspian Sea, where exporters have complained for months about the lack of wagons and the rising cost of freight, which they say eats into margins already squeezed by low world prices and a strong tenge.\n\nA second paragraph follows.";

    private static readonly string[] Grain = ["grain"];

    public NewsWireApp App { get; } = new();
    public HttpClient Client { get; private set; } = null!;
    public HttpClient Writer { get; private set; } = null!;
    public List<ArticleDetail> Articles { get; } = [];

    public async Task InitializeAsync()
    {
        Client = App.CreateClient();
        Writer = App.CreateWriter();
        for (var i = 0; i < 24; i++)
        {
            var (source, place, tags) = (i % 3) switch
            {
                0 => ("TASS", "Moscow", new[] { "refugees" }),
                1 => ("Reuters", "London", ["oil", "opec"]),
                _ => ("AP", "Ankara", ["refugees", "turkey"]),
            };
            Articles.Add(await Writer.CreateAsync(new
            {
                headline = $"Story {i}: {(tags.Contains("refugees") ? "refugees cross the border" : "oil prices move")}",
                lead = i % 4 == 0 ? null : $"The lead of story {i}.",
                body = $"Paragraph one of story {i} about {string.Join(" and ", tags)}, told in words of its own number {i * 7919}.\n\nParagraph two of story {i}.",
                source,
                place,
                tags,
                url = i % 5 == 0 ? $"https://example.com/news/{i}" : null,
                // Stories 10..14 share one instant; the rest are an hour apart.
                publishedAt = i is >= 10 and <= 14 ? "2026-02-01T12:00:00Z" : $"2026-01-{1 + i:00}T0{i % 10}:00:00Z",
            }));
        }

        Articles.Add(await Writer.CreateAsync(new { headline = "Grain exports to rise", body = LongBody, source = "TASS", place = "Astana", publishedAt = "2026-03-01T09:00:00Z", tags = Grain }));
        var repeat = await Writer.CreateAsync(new { headline = "Grain exports to rise (updated)", body = LongBody + "\n\nUpdates with port prices.", source = "TASS", place = "Astana", publishedAt = "2026-03-02T09:00:00Z", tags = Grain });
        repeat.DuplicateOf.Should().NotBeNull("the fixture needs a hidden near-duplicate");
        Articles.Add(repeat);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Writer.Dispose();
        await App.DisposeAsync();
    }
}
