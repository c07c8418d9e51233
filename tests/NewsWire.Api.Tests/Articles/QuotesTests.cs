using System.Net;
using NewsWire.Api.Articles;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Articles;

public sealed class QuotesTests : ServiceTest
{
    [Fact]
    public async Task TheTassReportHasTenQuotationsAllBySergeySmirnov()
    {
        var quotes = await Reader.GetFromJsonAsync<List<ArticleQuote>>("/api/articles/1/quotes", HttpExtensions.Json);

        quotes.Should().HaveCount(10);
        quotes!.Select(q => q.Speaker).Should().AllBe("Sergey Smirnov");
        quotes[0].Paragraph.Should().Be(2);
        quotes[0].Text.Should().StartWith("this is a problem because refugees");
        quotes.Select(q => q.Text).Should().NotContain(t => t.Contains("caliphate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QuotesOfAnArticleWithTwoSpeakersAreAttributedToEach()
    {
        var article = await Writer.CreateAsync(Stories.Input("Budget row", body: """
            Finance Minister Anna Berg said on Monday that "the budget is balanced and fair."

            Opposition leader Tom Lind disagreed. "This budget hurts pensioners," he said.

            "We will keep every promise," Berg added.
            """));

        var quotes = await Reader.GetFromJsonAsync<List<ArticleQuote>>($"/api/articles/{article.Id}/quotes", HttpExtensions.Json);

        quotes!.Select(q => (q.Speaker, q.Paragraph)).Should().Equal(("Anna Berg", 1), ("Tom Lind", 2), ("Anna Berg", 3));
    }

    [Fact]
    public async Task QuotesOfAMissingArticleAre404()
    {
        var response = await Reader.GetAsync("/api/articles/999/quotes");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await response.ReadProblemAsync();
    }
}
