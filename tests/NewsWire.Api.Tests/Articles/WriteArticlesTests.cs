using System.Net;
using System.Text;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Articles;

public sealed class WriteArticlesTests : ServiceTest
{
    [Fact]
    public async Task PostingJsonCreatesAnArticleAtItsLocation()
    {
        var response = await Writer.PostArticleAsync(Stories.Input("Oil prices rise", tags: ["oil", "Oil", "markets"], publishedAt: "2026-03-02"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await response.ReadAsAsync<ArticleDetail>();
        response.Headers.Location!.ToString().Should().Be($"/api/articles/{created.Id}");
        created.Slug.Should().Be("oil-prices-rise");
        created.Tags.Should().Equal("markets", "oil");
        created.PublishedAt.Should().Be(new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc));
        created.Lang.Should().Be("en");
        created.Sections.Should().ContainSingle().Which.Paragraphs.Should().HaveCount(2);

        var fetched = await Reader.GetFromJsonAsync<ArticleDetail>(response.Headers.Location, HttpExtensions.Json);
        fetched.Should().BeEquivalentTo(created);
    }

    [Fact]
    public async Task PostingWireCopyAsTextStoresItStructured()
    {
        var response = await Writer.PostWireCopyAsync(Stories.KazakhGrain, "?tags=grain&tags=kazakhstan&url=https://example.com/grain");

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var article = await response.ReadAsAsync<ArticleDetail>();
        article.Source.Should().Be("TASS");
        article.Place.Should().Be("Astana");
        article.Section.Should().Be("Economy");
        article.Headline.Should().Be("Kazakhstan raises grain export forecast");
        article.Lead.Should().Be("Good weather in the north lifted the harvest");
        article.Dateline.Should().Be("ASTANA, November 27. /TASS/.");
        article.PublishedAt.Month.Should().Be(11);
        article.PublishedAt.Day.Should().Be(27);
        article.PublishedAt.Should().BeBefore(DateTime.UtcNow);
        article.Sections.Select(s => s.Heading).Should().Equal(null, "Prices");
        article.Body.Should().StartWith("Kazakhstan expects to export");
        article.Tags.Should().Equal("grain", "kazakhstan");
        article.Url.Should().Be("https://example.com/grain");
    }

    [Fact]
    public async Task QueryMetadataWinsOverWhatTheTextSays()
    {
        var response = await Writer.PostWireCopyAsync(Stories.KazakhGrain, "?source=Kazinform&publishedAt=2020-11-27&place=Nur-Sultan&lang=en-gb");

        var article = await response.ReadAsAsync<ArticleDetail>();
        article.Source.Should().Be("Kazinform");
        article.Place.Should().Be("Nur-Sultan");
        article.Lang.Should().Be("en-GB");
        article.PublishedAt.Should().Be(new DateTime(2020, 11, 27, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task AnExactDuplicateIsNotStoredTwice()
    {
        var first = await Writer.PostWireCopyAsync(Stories.KazakhGrain);
        var created = await first.ReadAsAsync<ArticleDetail>();

        // The same story re-sent with other line endings, spacing and case is the same story.
        var resent = Stories.KazakhGrain.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("grain", "GRAIN  ", StringComparison.Ordinal);
        var second = await Writer.PostWireCopyAsync(resent);

        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.ReadAsAsync<ArticleDetail>()).Id.Should().Be(created.Id);
        (await Reader.GetFromJsonAsync<ArticlePage>("/api/articles", HttpExtensions.Json))!.Total.Should().Be(2);
    }

    [Fact]
    public async Task TheSameHeadlineFromAnotherSourceGetsItsOwnSlug()
    {
        var first = await Writer.CreateAsync(Stories.Input("Quake hits Japan", source: "AP"));
        var second = await Writer.CreateAsync(Stories.Input("Quake hits Japan", source: "Kyodo"));

        first.Slug.Should().Be("quake-hits-japan");
        second.Slug.Should().Be("quake-hits-japan-2");
    }

    [Fact]
    public async Task CyrillicCopyIsStoredAsRussianWithATransliteratedSlug()
    {
        var article = await Writer.CreateAsync(Stories.Input("Беженцы прибывают в Европу", source: "ТАСС",
            body: "Поток беженцев в Европу продолжает расти, сообщил представитель ФСБ."));

        article.Lang.Should().Be("ru");
        article.Slug.Should().Be("bezhentsy-pribyvayut-v-evropu");
        article.Headline.Should().Be("Беженцы прибывают в Европу");
    }

    [Fact]
    public async Task PutReplacesTheContentButKeepsTheSlug()
    {
        var created = await Writer.CreateAsync(Stories.Input("Original headline"));

        var response = await Writer.PutAsJsonAsync($"/api/articles/{created.Slug}", Stories.Input("New headline", tags: ["updated"]), HttpExtensions.Json);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var updated = await response.ReadAsAsync<ArticleDetail>();
        updated.Id.Should().Be(created.Id);
        updated.Slug.Should().Be(created.Slug);
        updated.Headline.Should().Be("New headline");
        updated.Tags.Should().Equal("updated");
        updated.UpdatedAt.Should().BeOnOrAfter(created.UpdatedAt);
        updated.CreatedAt.Should().Be(created.CreatedAt);
    }

    [Fact]
    public async Task PutWithAControlCharacterInTheUrlIs400AndKeepsTheArticle()
    {
        var created = await Writer.CreateAsync(Stories.Input("Original headline"));

        var response = await Writer.PutAsJsonAsync($"/api/articles/{created.Id}",
            new { headline = "New headline", body = "A new body.", url = "http://x.example/\u0000" }, HttpExtensions.Json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.ReadProblemAsync()).Errors.Should().ContainKey("url");
        (await Reader.GetFromJsonAsync<ArticleDetail>($"/api/articles/{created.Id}", HttpExtensions.Json))!.Headline.Should().Be("Original headline");
    }

    [Fact]
    public async Task PutThatWouldDuplicateAnotherArticleIsAConflict()
    {
        var one = await Writer.CreateAsync(Stories.Input("One"));
        await Writer.CreateAsync(Stories.Input("Two"));

        var response = await Writer.PutAsJsonAsync("/api/articles/two", Stories.Input("One"), HttpExtensions.Json);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.ReadProblemAsync()).Detail.Should().Contain(one.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task DeleteRemovesTheArticleAndASecondDeleteIs404()
    {
        var created = await Writer.CreateAsync(Stories.Input("Short-lived"));

        (await Writer.DeleteAsync($"/api/articles/{created.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Writer.DeleteAsync($"/api/articles/{created.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Writer.GetAsync($"/api/articles/{created.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PutOnAMissingArticleIs404()
    {
        var response = await Writer.PutAsJsonAsync("/api/articles/4242", Stories.Input("Nothing"), HttpExtensions.Json);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await response.ReadProblemAsync();
    }

    public static TheoryData<string, string, string> BadJsonBodies => new()
    {
        { "{", "application/json", "body" },
        { "null", "application/json", "body" },
        { "[]", "application/json", "body" },
        { """{"headline": 5, "body": "x"}""", "application/json", "headline" },
        { """{"headline": "h", "body": "x", "tags": "oil"}""", "application/json", "tags" },
        { """{"headline": "h", "body": "x", "headlin": "typo"}""", "application/json", "headlin" },
        { """{"body": "x"}""", "application/json", "headline" },
        { """{"headline": "h"}""", "application/json", "body" },
        { """{"headline": "   ", "body": "  \n "}""", "application/json", "headline" },
        { """{"headline": "h", "body": "x", "publishedAt": "18/09/2015"}""", "application/json", "publishedAt" },
        { """{"headline": "h", "body": "x", "publishedAt": "0001-01-01"}""", "application/json", "publishedAt" },
        { """{"headline": "h", "body": "x", "lang": "english!"}""", "application/json", "lang" },
        { """{"headline": "h", "body": "x", "url": "javascript:alert(1)"}""", "application/json", "url" },
        { """{"headline": "h", "body": "x", "url": "http://x.example/\u0000"}""", "application/json", "url" },
        { """{"headline": "h", "body": "x", "url": "http://x.example/\u001b[31m"}""", "application/json", "url" },
        { """{"headline": "h", "body": "x", "url": "http://x.example/a\u0085b"}""", "application/json", "url" },
        { """{"headline": "h", "body": "bell \u0007 inside"}""", "application/json", "body" },
        { "{\"headline\": \"h\", \"body\": \"x\", \"tags\": [" + string.Join(",", Enumerable.Range(0, 60).Select(i => $"\"t{i}\"")) + "]}", "application/json", "tags" },
        { new string('[', 10_000), "application/json", "body" },
        { "", "text/plain", "body" },
        { "Only a headline", "text/plain", "body" },
    };

    [Theory]
    [MemberData(nameof(BadJsonBodies))]
    public async Task BadBodiesAre400ProblemsNamingTheField(string body, string contentType, string field)
    {
        var response = await Writer.PostAsync("/api/articles", new StringContent(body, Encoding.UTF8, contentType));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadProblemAsync();
        problem.Errors.Should().ContainKey(field);
        problem.Detail.Should().NotContain("NewsWire.").And.NotContain("System.");
    }

    [Fact]
    public async Task OverlongFieldsAreRefusedWithTheirLimit()
    {
        var response = await Writer.PostArticleAsync(Stories.Input(new string('h', 501)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["headline"].Single().Should().Contain("500");
    }

    [Fact]
    public async Task InvalidUtf8WireCopyIs400()
    {
        var bytes = Encoding.UTF8.GetBytes(Stories.KazakhGrain).Concat(new byte[] { 0xC3, 0x28, 0xFF }).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");

        var response = await Writer.PostAsync("/api/articles", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey("body");
    }

    [Fact]
    public async Task BinaryIsNotWireCopy()
    {
        var content = new StringContent("Headline\n\nBody \0\0\0 with NULs", Encoding.UTF8, "text/plain");

        var response = await Writer.PostAsync("/api/articles", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["body"].Single().Should().Contain("binary");
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/plain; charset=iso-8859-1")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task OtherMediaTypesAre415(string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("<article/>"));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await Writer.PostAsync("/api/articles", content);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        await response.ReadProblemAsync();
    }

    [Fact]
    public async Task ABodyOverTheLimitIs413Problem()
    {
        var response = await Writer.PostWireCopyAsync("Headline\n\n" + new string('x', 3 * 1024 * 1024));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        await response.ReadProblemAsync();
    }

    [Theory]
    [InlineData("?sorce=TASS", "sorce")]
    [InlineData("?publishedAt=last-friday", "publishedAt")]
    [InlineData("?url=ftp://example.com/x", "url")]
    [InlineData("?url=http://x.example/%00", "url")]
    [InlineData("?source=TASS&source=AP", "source")]
    public async Task BadQueryMetadataIs400NamingTheParameter(string query, string parameter)
    {
        var response = await Writer.PostWireCopyAsync(Stories.KazakhGrain, query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors.Should().ContainKey(parameter);
    }

    [Fact]
    public async Task QueryMetadataWithAJsonBodyIs400()
    {
        var response = await Writer.PostAsJsonAsync("/api/articles?source=TASS", Stories.Input("Mixed"), HttpExtensions.Json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await response.ReadProblemAsync();
    }

    [Fact]
    public async Task AReutersStoryKeepsItsBylineAndCreditsOutOfTheBody()
    {
        const string copy = """
            OPEC AGREES TO CUT OUTPUT, U.S. OFFICIALS SAY

            By Jane Doe

            VIENNA, March 3 (Reuters) - OPEC ministers agreed on Tuesday to cut output by one million barrels a day.

            The cut takes effect in April, two delegates said.

            (Reporting by Jane Doe; Editing by John Smith)
            """;

        var response = await Writer.PostWireCopyAsync(copy, "?publishedAt=2026-03-03");

        var article = await response.ReadAsAsync<ArticleDetail>();
        article.Headline.Should().Be("OPEC Agrees to Cut Output, U.S. Officials Say");
        article.Source.Should().Be("Reuters");
        article.Place.Should().Be("Vienna");
        article.Byline.Should().Be("By Jane Doe");
        article.Credits.Should().Be("(Reporting by Jane Doe; Editing by John Smith)");
        article.Body.Should().NotContain("Reporting by").And.NotContain("By Jane Doe");
        var text = await Reader.GetStringAsync($"/api/articles/{article.Id}?format=text");
        text.Should().Contain("By Jane Doe").And.EndWith("(Reporting by Jane Doe; Editing by John Smith)\n");
    }
}
