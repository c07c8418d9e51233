using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Webhooks;
using NewsWire.Storage;

namespace NewsWire.Api.Tests.Webhooks;

/// <summary>The subscription routes: what they accept, what they refuse, and that each refusal is a problem naming the field.</summary>
public sealed class SubscriptionApiTests() : ServiceTest(WebhookSettings.Fast())
{
    private static readonly object Hook = new { url = "http://127.0.0.1:9/hook" };

    [Fact]
    public async Task ASubscriptionIsCreatedWithItsLocationAndASecretShownOnlyThen()
    {
        var response = await Writer.PostAsJsonAsync("/api/subscriptions",
            new { q = "refugees", source = "TASS", lang = "en", from = "2026-01-01", webhook = Hook }, HttpExtensions.Json);

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.ReadAsAsync<CreatedSubscription>();
        response.Headers.Location!.OriginalString.Should().Be($"/api/subscriptions/{created.Id}");
        created.Secret.Should().StartWith("whsec_");
        Convert.FromBase64String(created.Secret["whsec_".Length..]).Length.Should().BeInRange(24, 32);
        created.Q.Should().Be("refugees");
        created.Source.Should().Equal("TASS");
        created.Lang.Should().Equal("en");
        created.From.Should().Be("2026-01-01");
        created.Webhook.Url.Should().Be("http://127.0.0.1:9/hook");

        var read = await Writer.GetStringAsync($"/api/subscriptions/{created.Id}");
        read.Should().Contain("\"q\":\"refugees\"").And.NotContain("whsec_").And.NotContain("secret");
        var list = await (await Writer.GetAsync("/api/subscriptions")).ReadAsAsync<SubscriptionPage>();
        list.Total.Should().Be(1);
        list.Items.Single().Id.Should().Be(created.Id);
        (await Writer.GetStringAsync("/api/subscriptions")).Should().NotContain("whsec_");
    }

    [Fact]
    public async Task TwoSubscriptionsNeverShareASecret()
    {
        var first = await Writer.SubscribeAsync(new { q = "grain", webhook = Hook });
        var second = await Writer.SubscribeAsync(new { q = "grain", webhook = Hook });

        first.Secret.Should().NotBe(second.Secret);
    }

    [Fact]
    public async Task TheListIsPagedNewestFirstWithACursorAndALink()
    {
        var ids = new List<long>();
        for (var n = 0; n < 5; n++)
        {
            ids.Add((await Writer.SubscribeAsync(new { q = $"word{n}", webhook = Hook })).Id);
        }

        var first = await Writer.GetAsync("/api/subscriptions?limit=2");
        var page = await first.ReadAsAsync<SubscriptionPage>();
        page.Items.Select(s => s.Id).Should().Equal(ids[4], ids[3]);
        page.Total.Should().Be(5);
        first.Headers.GetValues("Link").Single().Should().Contain("cursor=").And.Contain("rel=\"next\"");
        var seen = page.Items.Select(s => s.Id).ToList();
        while (page.NextCursor is not null)
        {
            page = await (await Writer.GetAsync($"/api/subscriptions?limit=2&cursor={page.NextCursor}")).ReadAsAsync<SubscriptionPage>();
            seen.AddRange(page.Items.Select(s => s.Id));
        }

        seen.Should().Equal(ids.AsEnumerable().Reverse());
    }

    [Fact]
    public async Task DeletingASubscriptionAnswers204AndThen404()
    {
        var created = await Writer.SubscribeAsync(new { q = "grain", webhook = Hook });

        (await Writer.DeleteAsync($"/api/subscriptions/{created.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var again = await Writer.DeleteAsync($"/api/subscriptions/{created.Id}");
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await again.ReadProblemAsync()).Detail.Should().Contain(created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await Writer.GetAsync($"/api/subscriptions/{created.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Writer.GetAsync($"/api/subscriptions/{created.Id}/deliveries")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/subscriptions/abc")]
    [InlineData("/api/subscriptions/99999999999999999999999")]
    [InlineData("/api/subscriptions/-1")]
    [InlineData("/api/subscriptions/12/deliveries")]
    public async Task AnUnknownSubscriptionIsA404Problem(string address)
    {
        var response = await Writer.GetAsync(address);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await response.ReadProblemAsync();
    }

    [Theory]
    [InlineData("GET", "/api/subscriptions")]
    [InlineData("GET", "/api/subscriptions/1")]
    [InlineData("DELETE", "/api/subscriptions/1")]
    [InlineData("GET", "/api/subscriptions/1/deliveries")]
    [InlineData("POST", "/api/subscriptions")]
    public async Task EveryRouteNeedsTheKey(string method, string address)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), address);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { q = "grain", webhook = Hook });
        }

        var response = await Reader.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await response.ReadProblemAsync();
        using var wrong = new HttpRequestMessage(new HttpMethod(method), address);
        wrong.Headers.Add("X-Api-Key", "not-the-key");
        (await Reader.SendAsync(wrong)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("""{"q":"grain","webhook":{"url":"http://127.0.0.1:9/"},"colour":"red"}""", "colour")]
    [InlineData("""{"q":"grain","webhook":{"url":"http://127.0.0.1:9/","secret":"x"}}""", "webhook")]
    [InlineData("""{"webhook":{"url":"http://127.0.0.1:9/"}}""", "q")]
    [InlineData("""{"q":"","webhook":{"url":"http://127.0.0.1:9/"}}""", "q")]
    [InlineData("""{"q":"-grain","webhook":{"url":"http://127.0.0.1:9/"}}""", "q")]
    [InlineData("""{"q":"grain","from":"yesterday","webhook":{"url":"http://127.0.0.1:9/"}}""", "from")]
    [InlineData("""{"q":"grain","from":"2026-02-01","to":"2026-01-01","webhook":{"url":"http://127.0.0.1:9/"}}""", "to")]
    [InlineData("""{"q":"grain","source":7,"webhook":{"url":"http://127.0.0.1:9/"}}""", "source")]
    [InlineData("""{"q":"grain","source":[1],"webhook":{"url":"http://127.0.0.1:9/"}}""", "source")]
    [InlineData("""{"q":"grain","includeDuplicates":"yes","webhook":{"url":"http://127.0.0.1:9/"}}""", "includeDuplicates")]
    [InlineData("""{"q":"a\u0000b","webhook":{"url":"http://127.0.0.1:9/"}}""", "q")]
    [InlineData("""{"q":"grain\u001b[31m","webhook":{"url":"http://127.0.0.1:9/"}}""", "q")]
    [InlineData("""{"q":"grain","source":"a\u0000b","webhook":{"url":"http://127.0.0.1:9/"}}""", "source")]
    [InlineData("""{"q":"grain","tag":["oil","\u0000"],"webhook":{"url":"http://127.0.0.1:9/"}}""", "tag")]
    [InlineData("""{"q":"grain","place":"\u0001Paris","webhook":{"url":"http://127.0.0.1:9/"}}""", "place")]
    [InlineData("""{"q":"grain","lang":"en\u0000","webhook":{"url":"http://127.0.0.1:9/"}}""", "lang")]
    [InlineData("""{"q":"grain"}""", "webhook.url")]
    [InlineData("""{"q":"grain","webhook":{}}""", "webhook.url")]
    [InlineData("""{"q":"grain","webhook":{"url":"not a url"}}""", "webhook.url")]
    [InlineData("""{"q":"grain","webhook":{"url":"/relative"}}""", "webhook.url")]
    [InlineData("""{"q":"grain","webhook":"http://127.0.0.1:9/"}""", "webhook")]
    [InlineData("""null""", "body")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"q":"grain",""", "body")]
    public async Task ABadBodyIsA400ProblemNamingTheField(string body, string field)
    {
        var response = await Writer.PostAsync("/api/subscriptions", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.ReadProblemAsync();
        problem.Errors!.Keys.Should().Contain(key => key == field || key.StartsWith(field + ".", StringComparison.Ordinal));
        (await (await Writer.GetAsync("/api/subscriptions")).ReadAsAsync<SubscriptionPage>()).Total.Should().Be(0, "nothing is stored from a refused body");
    }

    [Theory]
    [InlineData("é")] // one character sent, six stored: %C3%A9
    [InlineData(" a")] // a space sent, three stored: %20 (a trailing space would be trimmed, hence the letter)
    public async Task AUrlThatGrowsPastTheLimitWhenNormalizedIsA400(string grows)
    {
        // Under the limit as the client sends it, over it as stored (Uri.AbsoluteUri escapes the path): the limit
        // is the column's, so it is checked on what is stored, or PostgreSQL's varchar(2000) refuses the insert.
        var url = "http://127.0.0.1:9/" + string.Concat(Enumerable.Repeat(grows, 1800 / grows.Length));
        url.Length.Should().BeLessThan(SubscriptionLimits.WebhookUrl);
        new Uri(url).AbsoluteUri.Length.Should().BeGreaterThan(SubscriptionLimits.WebhookUrl);

        var response = await Writer.PostAsJsonAsync("/api/subscriptions", new { q = "grain", webhook = new { url } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.ReadProblemAsync()).Errors!["webhook.url"].Single().Should().Contain("2,000");
        (await (await Writer.GetAsync("/api/subscriptions")).ReadAsAsync<SubscriptionPage>()).Total.Should().Be(0);
    }

    [Fact]
    public async Task AUrlExactlyAtTheLimitAsStoredIsAccepted()
    {
        var url = "http://127.0.0.1:9/" + new string('a', SubscriptionLimits.WebhookUrl - "http://127.0.0.1:9/".Length);

        var response = await Writer.PostAsJsonAsync("/api/subscriptions", new { q = "grain", webhook = new { url } });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await response.ReadAsAsync<CreatedSubscription>()).Webhook.Url.Should().Be(url);
    }

    [Fact]
    public async Task TheSameQueryIsRefusedWithTheSameMessageAsSearch()
    {
        var search = await (await Reader.GetAsync("/api/search?q=-grain")).ReadProblemAsync();

        var response = await Writer.PostAsJsonAsync("/api/subscriptions", new { q = "-grain", webhook = Hook });

        (await response.ReadProblemAsync()).Errors!["q"].Should().Equal(search.Errors!["q"]);
    }

    [Fact]
    public async Task AFilterWithAControlCharacterIsRefusedWithTheSameMessageAsTheListing()
    {
        var listing = await (await Reader.GetAsync("/api/articles?source=a%00b")).ReadProblemAsync();

        var response = await Writer.PostAsJsonAsync("/api/subscriptions", new { q = "grain", source = "a\u0000b", webhook = Hook });

        (await response.ReadProblemAsync()).Errors!["source"].Should().Equal(listing.Errors!["source"]);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIs415()
    {
        var response = await Writer.PostAsync("/api/subscriptions", new StringContent("q=grain", Encoding.UTF8, "text/plain"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        await response.ReadProblemAsync();
    }

    [Fact]
    public async Task AnUnknownQueryParameterOrABadCursorIs400()
    {
        (await (await Writer.GetAsync("/api/subscriptions?limt=5")).ReadProblemAsync()).Errors!.Should().ContainKey("limt");
        (await (await Writer.GetAsync("/api/subscriptions?cursor=zzz")).ReadProblemAsync()).Errors!.Should().ContainKey("cursor");
        (await (await Writer.GetAsync("/api/subscriptions?limit=0")).ReadProblemAsync()).Errors!.Should().ContainKey("limit");
    }
}
