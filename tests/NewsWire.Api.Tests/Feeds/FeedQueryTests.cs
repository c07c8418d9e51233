using System.Net;
using System.ServiceModel.Syndication;
using NewsWire.Api.Tests.Infrastructure;
using static NewsWire.Api.Tests.Feeds.FeedReading;

namespace NewsWire.Api.Tests.Feeds;

/// <summary>Which articles a feed holds, and in what order: any listing or search, newest first, page by page.</summary>
public sealed class FeedQueryTests(FeedFixture fixture) : IClassFixture<FeedFixture>
{
    private HttpClient Client => fixture.Client;

    [Theory]
    [InlineData("q=refugees")]
    [InlineData("q=refugees&source=TASS")]
    [InlineData("q=oil OR border")]
    [InlineData("q=story -oil&place=Ankara&tag=turkey")]
    [InlineData("q=story&from=2026-01-05&to=2026-02-01")]
    [InlineData("q=grain&includeDuplicates=true")]
    public async Task AFeedOfASearchIsTheSearchNewestFirst(string query)
    {
        var search = await Client.SearchIdsAsync(query + "&limit=100");
        search.Should().NotBeEmpty();

        ReadAtom(await Client.GetFeedAsync("/feeds/atom?limit=100&" + query, "application/atom+xml")).Ids().Should().Equal(search);
        ReadRss(await Client.GetFeedAsync("/feeds/rss?limit=100&" + query, "application/rss+xml")).Ids().Should().Equal(search);
        ReadJson(await Client.GetFeedAsync("/feeds/json?limit=100&" + query, "application/feed+json")).JsonIds().Should().Equal(search);
    }

    [Theory]
    [InlineData("")]
    [InlineData("source=TASS&source=AP")]
    [InlineData("tag=refugees&place=Moscow")]
    [InlineData("lang=en&from=2026-01-10")]
    [InlineData("includeDuplicates=true")]
    public async Task AFeedOfAFilterIsTheListing(string query)
    {
        var listing = await Client.ListingIdsAsync("limit=100&" + query);

        ReadAtom(await Client.GetFeedAsync("/feeds/atom?limit=100&" + query, "application/atom+xml")).Ids().Should().Equal(listing);
        ReadJson(await Client.GetFeedAsync("/feeds/json?limit=100&" + query, "application/feed+json")).JsonIds().Should().Equal(listing);
    }

    [Fact]
    public async Task TwentyEntriesByDefaultAndHiddenNearDuplicatesLeftOut()
    {
        var feed = ReadAtom(await Client.GetFeedAsync("/feeds/atom", "application/atom+xml"));
        var repeat = fixture.Articles.Single(a => a.DuplicateOf is not null);

        feed.Items.Should().HaveCount(20);
        feed.Ids().Should().NotContain(repeat.Id);
        ReadAtom(await Client.GetFeedAsync("/feeds/atom?includeDuplicates=true", "application/atom+xml")).Ids().Should().Contain(repeat.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("q=story")]
    [InlineData("q=refugees&tag=refugees")]
    public async Task NextLinksWalkTheWholeFeedWithoutRepeatsOrGaps(string query)
    {
        // Pages of 2 end inside the five stories published at one instant, so the cursor is tested where
        // only the id tells articles apart.
        var expected = query.Length == 0 ? await Client.ListingIdsAsync("limit=100") : await Client.SearchIdsAsync(query + "&limit=100");
        var seen = new List<long>();
        var next = "/feeds/atom?limit=2" + (query.Length == 0 ? "" : "&" + query);
        var pages = 0;
        while (next is not null)
        {
            var feed = ReadAtom(await Client.GetFeedAsync(next, "application/atom+xml"));
            seen.AddRange(feed.Ids());
            next = feed.Links.SingleOrDefault(l => l.RelationshipType == "next")?.Uri.PathAndQuery;
            feed.Links.Single(l => l.RelationshipType == "first").Uri.PathAndQuery.Should().NotContain("cursor");
            (++pages).Should().BeLessThan(100);
        }

        seen.Should().Equal(expected);
    }

    [Fact]
    public async Task JsonFeedPagesByNextUrlToo()
    {
        var seen = new List<long>();
        string? next = "/feeds/json?limit=7&q=story";
        while (next is not null)
        {
            var feed = ReadJson(await Client.GetFeedAsync(next, "application/feed+json"));
            seen.AddRange(feed.JsonIds());
            next = feed.TryGetProperty("next_url", out var url) ? new Uri(url.GetString()!).PathAndQuery : null;
        }

        seen.Should().Equal(await Client.SearchIdsAsync("q=story&limit=100"));
    }

    [Fact]
    public async Task TheOrderOfParametersDoesNotMakeAnotherFeed()
    {
        // One feed, whichever order a reader wrote it in (and one output-cache entry serves both orders).
        var first = ReadAtom(await Client.GetFeedAsync("/feeds/atom?tag=oil&source=TASS&source=Reuters", "application/atom+xml"));
        var second = ReadAtom(await Client.GetFeedAsync("/feeds/atom?source=Reuters&source=TASS&tag=oil", "application/atom+xml"));

        second.Title.Text.Should().Be(first.Title.Text);
        second.Id.Should().Be(first.Id);
        second.Links.Single(l => l.RelationshipType == "self").Uri.Should().Be(first.Links.Single(l => l.RelationshipType == "self").Uri);
    }

    [Theory]
    [InlineData("", "NewsWire: newest articles")]
    [InlineData("?q=refugees&source=TASS", "NewsWire: refugees, source TASS")]
    [InlineData("?source=TASS&source=Reuters&tag=oil", "NewsWire: source Reuters or TASS, tag oil")]
    [InlineData("?q=%22Islamic+State%22+-Assad&place=Tashkent&lang=en&from=2015-09-01&to=2015-09-30&includeDuplicates=true",
        "NewsWire: \"Islamic State\" -Assad, place Tashkent, lang en, from 2015-09-01, to 2015-09-30, with near-duplicates")]
    public async Task TheTitleSaysWhatTheFeedIs(string query, string title)
    {
        ReadAtom(await Client.GetFeedAsync("/feeds/atom" + query, "application/atom+xml")).Title.Text.Should().Be(title);
        ReadRss(await Client.GetFeedAsync("/feeds/rss" + query, "application/rss+xml")).Title.Text.Should().Be(title);
        ReadJson(await Client.GetFeedAsync("/feeds/json" + query, "application/feed+json")).GetProperty("title").GetString().Should().Be(title);
    }

    [Theory]
    [InlineData("q=-refugees", "q")]
    [InlineData("q=", "q")]
    [InlineData("q=%22%22", "q")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-02-01&to=2026-01-01", "to")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("includeDuplicates=maybe", "includeDuplicates")]
    [InlineData("limt=5", "limt")]
    [InlineData("sort=relevance", "sort")]
    [InlineData("q=a&q=b", "q")]
    public async Task HostileInputIsAProblemInEveryFormat(string query, string parameter)
    {
        foreach (var format in new[] { "atom", "rss", "json" })
        {
            var response = await Client.GetAsync($"/feeds/{format}?{query}");

            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"{format}?{query}");
            (await response.ReadProblemAsync()).Errors.Should().ContainKey(parameter);
        }
    }

    [Theory]
    [InlineData("%FF")]
    [InlineData("%00")]
    [InlineData("%ED%A0%80refugees")]
    [InlineData("NOT")]
    [InlineData("%22unclosed")]
    [InlineData("headline:")]
    [InlineData("*")]
    [InlineData("a%20OR%20OR%20b")]
    [InlineData("%28%28%28")]
    [InlineData("refugees%20%3C%2Ftitle%3E%26amp%3B")]
    public async Task AnyQueryIsAFeedOrAProblem(string q)
    {
        foreach (var format in new[] { "atom", "rss", "json" })
        {
            var response = await Client.GetAsync($"/feeds/{format}?q={q}");

            if (response.StatusCode != HttpStatusCode.OK)
            {
                response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"{format}?q={q}");
                (await response.ReadProblemAsync()).Errors.Should().ContainKey("q");
            }
            else if (format != "json")
            {
                var body = await response.Content.ReadAsByteArrayAsync();
                (format == "atom" ? ReadAtom(body) : ReadRss(body)).Title.Text.Should().StartWith("NewsWire: ");
            }
        }
    }

    /// <summary>A filter's value goes into the feed (its title; a lone lang is the feed's language), where XML
    /// forbids characters that are not control characters too (U+FFFE, U+FFFF).</summary>
    [Theory]
    [InlineData("lang", "%00")]
    [InlineData("lang", "%EF%BF%BF")]
    [InlineData("lang", "en%EF%BF%BE")]
    [InlineData("source", "%EF%BF%BF")]
    [InlineData("tag", "%01")]
    [InlineData("place", "%FF")]
    public async Task AnyFilterIsAFeedOrAProblem(string name, string value)
    {
        foreach (var format in new[] { "atom", "rss", "json" })
        {
            var response = await Client.GetAsync($"/feeds/{format}?{name}={value}");

            if (response.StatusCode != HttpStatusCode.OK)
            {
                response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"{format}?{name}={value}");
                (await response.ReadProblemAsync()).Errors.Should().ContainKey(name);
            }
            else if (format != "json")
            {
                var body = await response.Content.ReadAsByteArrayAsync();
                (format == "atom" ? ReadAtom(body) : ReadRss(body)).Title.Text.Should().StartWith("NewsWire: ");
            }
        }
    }

    [Fact]
    public async Task AQueryOfFiveHundredAndOneCharactersIsAProblem()
    {
        var response = await Client.GetAsync("/feeds/atom?q=" + new string('a', 501));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey("q");
    }

    [Theory]
    [InlineData("atom")]
    [InlineData("rss")]
    [InlineData("json")]
    public async Task AFeedOfASearchPastTheBudgetIsTheSearchsProblem(string format)
    {
        var q = Uri.EscapeDataString(string.Join(' ', Enumerable.Range(0, 11).Select(i => $"{(char)('a' + i)}*"))); // 10 prefixes at most

        var search = await Client.GetAsync($"/api/search?q={q}");
        var feed = await Client.GetAsync($"/feeds/{format}?q={q}");

        search.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        feed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await feed.ReadProblemAsync();
        problem.Title.Should().Be("The query is too broad.");
        problem.Detail.Should().Be((await search.ReadProblemAsync()).Detail);
        problem.Errors.Should().ContainKey("q");
    }

    [Fact]
    public async Task ACursorIssuedForTheOldestFirstListingIsRefused()
    {
        var oldest = (await Client.GetFromJsonAsync<NewsWire.Api.Articles.ArticlePage>("/api/articles?order=oldest&limit=1", HttpExtensions.Json))!;

        var response = await Client.GetAsync("/feeds/atom?cursor=" + oldest.NextCursor);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey("cursor");
    }

    [Fact]
    public async Task AListingCursorOfTheNewestFirstOrderPagesTheFeed()
    {
        var first = (await Client.GetFromJsonAsync<NewsWire.Api.Articles.ArticlePage>("/api/articles?limit=3", HttpExtensions.Json))!;

        var feed = ReadAtom(await Client.GetFeedAsync("/feeds/atom?limit=3&cursor=" + first.NextCursor, "application/atom+xml"));

        feed.Ids().Should().Equal(await Client.ListingIdsAsync("limit=3&cursor=" + first.NextCursor));
    }

    [Fact]
    public async Task EveryFeedLinksToTheOpenSearchDescription()
    {
        foreach (var path in new[] { "/feeds/atom", "/feeds/rss", "/feeds/json" })
        {
            var response = await Client.GetAsync(path);
            response.Headers.GetValues("Link").Should().Contain($"<{Base}/opensearch.xml>; rel=\"search\"; type=\"application/opensearchdescription+xml\"; title=\"NewsWire\"");
        }

        var atom = ReadAtom(await Client.GetFeedAsync("/feeds/atom", "application/atom+xml"));
        atom.Links.Should().Contain(l => l.RelationshipType == "search" && l.Uri.AbsoluteUri == $"{Base}/opensearch.xml");
    }

    [Fact]
    public async Task EntryIdsAreTagUris()
    {
        var feed = ReadAtom(await Client.GetFeedAsync("/feeds/atom?limit=100", "application/atom+xml"));

        feed.Items.Select(i => i.Id).Should().OnlyContain(id => System.Text.RegularExpressions.Regex.IsMatch(id, @"^tag:localhost,\d{4}-\d{2}-\d{2}:articles/\d+$"));
        feed.Items.Select(i => i.Id).Should().OnlyHaveUniqueItems();
    }
}
