using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Webhooks;

namespace NewsWire.Api.Tests.Webhooks;

/// <summary>Matches pushed to a real receiver: signed, retried, honouring Retry-After, stopped by 410 (ADR 27).</summary>
public sealed class DeliveryTests() : ServiceTest(WebhookSettings.Fast())
{
    private WebhookReceiver _receiver = null!;

    public override async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private async Task<CreatedSubscription> SubscribeAsync(string q, object? extra = null)
    {
        var created = await Writer.SubscribeAsync(new { q, webhook = new { url = new Uri(_receiver.Address, "/hook").AbsoluteUri } });
        _receiver.Secret = created.Secret;
        return created;
    }

    [Fact]
    public async Task AMatchingArticleIsPushedSignedAsTheSpecificationSays()
    {
        var subscription = await SubscribeAsync("harvest");
        var article = await Writer.CreateAsync(WebhookSettings.Story("Kazakhstan harvest beats forecast"));

        await _receiver.WaitForAsync(1);

        var received = _receiver.Received.Single();
        received.SpecVerified.Should().BeTrue("the signature is v1,base64(HMAC-SHA256(secret, id.timestamp.body))");
        received.LibraryVerified.Should().BeTrue("a Standard Webhooks library verifies it too");
        received.Id.Should().StartWith("msg_");
        long.Parse(received.Timestamp, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 60);
        using var body = JsonDocument.Parse(received.Body);
        body.RootElement.GetProperty("type").GetString().Should().Be("article.matched");
        body.RootElement.GetProperty("timestamp").GetDateTime().Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        body.RootElement.GetProperty("data").GetProperty("subscription").GetInt64().Should().Be(subscription.Id);
        var pushed = body.RootElement.GetProperty("data").GetProperty("article");
        pushed.GetProperty("id").GetInt64().Should().Be(article.Id);
        pushed.GetProperty("headline").GetString().Should().Be("Kazakhstan harvest beats forecast");
        pushed.GetProperty("slug").GetString().Should().Be(article.Slug);
        pushed.TryGetProperty("body", out _).Should().BeFalse("the event carries the ArticleSummary");

        var deliveries = await Writer.WaitForDeliveriesAsync(subscription.Id, d => d.Count == 1 && d[0].State == "delivered");
        deliveries.Single().Should().Match<DeliveryItem>(d => d.Article == article.Id && d.Attempts == 1 && d.LastStatus == 200 && d.NextAttemptAt == null);
        received.Id.Should().Be($"msg_{deliveries.Single().Id}");
    }

    [Fact]
    public async Task ThePushedArticleIsTheSummaryTheListingShows()
    {
        await SubscribeAsync("harvest");
        // Every summary field filled, tags out of order: where an entity mapping and the SQL projection could differ.
        var article = await Writer.CreateAsync(new
        {
            headline = "Kazakhstan harvest beats forecast",
            lead = "Grain up a fifth.",
            body = "Officials met on Monday.",
            source = "TASS",
            place = "Astana",
            lang = "en",
            url = "https://example.com/harvest",
            publishedAt = "2026-12-01T10:00:00.1234567Z",
            tags = (string[])["wheat", "agriculture", "Kazakhstan"],
        });

        await _receiver.WaitForAsync(1);

        using var body = JsonDocument.Parse(_receiver.Received.Single().Body);
        using var listing = JsonDocument.Parse(await Reader.GetStringAsync("/api/articles"));
        var listed = listing.RootElement.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == article.Id);
        body.RootElement.GetProperty("data").GetProperty("article").GetRawText().Should().Be(listed.GetRawText());
    }

    [Fact]
    public async Task ArticlesThatDoNotMatchPushNothing()
    {
        var subscription = await SubscribeAsync("harvest");
        await Writer.CreateAsync(WebhookSettings.Story("Parliament debates the budget", "The budget passed its first reading."));
        var matching = await Writer.CreateAsync(WebhookSettings.Story("Harvest record in the north"));

        await _receiver.WaitForAsync(1);
        await Task.Delay(500); // time enough for a wrongly queued delivery of the first article to arrive too

        _receiver.Received.Should().ContainSingle();
        (await Writer.DeliveriesAsync(subscription.Id)).Select(d => d.Article).Should().Equal(matching.Id);
    }

    [Fact]
    public async Task FiltersApplyAsInSearch()
    {
        var created = await Writer.SubscribeAsync(new { q = "harvest", source = "Reuters", webhook = new { url = new Uri(_receiver.Address, "/hook").AbsoluteUri } });
        _receiver.Secret = created.Secret;
        await Writer.CreateAsync(WebhookSettings.Story("Harvest record from TASS"));
        var reuters = await Writer.CreateAsync(new { headline = "Harvest record from Reuters", body = "The harvest is in.", source = "reuters" });

        await _receiver.WaitForAsync(1);
        await Task.Delay(500);

        (await Writer.DeliveriesAsync(created.Id)).Select(d => d.Article).Should().Equal(reuters.Id);
    }

    [Fact]
    public async Task APrefixOrAPhraseMatchesThroughThePrefilterAsInSearch()
    {
        var prefix = await SubscribeAsync("harv*");
        var phrase = await Writer.SubscribeAsync(new { q = "\"grain exports\"", webhook = new { url = new Uri(_receiver.Address, "/hook").AbsoluteUri } });
        var harvesters = await Writer.CreateAsync(new { headline = "Harvesters idle in the rain", body = "Fields stayed wet.", source = "TASS" });
        await Writer.CreateAsync(new { headline = "Exports of grain slow", body = "Ports were quiet.", source = "TASS" });
        var exports = await Writer.CreateAsync(new { headline = "Ports busy", body = "Grain exports rose in May.", source = "TASS" });

        await _receiver.WaitForAsync(2);
        await Task.Delay(500);

        (await Writer.DeliveriesAsync(prefix.Id)).Select(d => d.Article).Should().Equal(harvesters.Id);
        (await Writer.DeliveriesAsync(phrase.Id)).Select(d => d.Article).Should().Equal(exports.Id);
    }

    [Fact]
    public async Task ArticlesStoredBeforeTheSubscriptionArePushedNothing()
    {
        await Writer.CreateAsync(WebhookSettings.Story("Harvest before the subscription", "Farmers in the south brought in wheat early."));
        var subscription = await SubscribeAsync("harvest");
        var after = await Writer.CreateAsync(WebhookSettings.Story("Harvest after the subscription"));

        await _receiver.WaitForAsync(1);
        await Task.Delay(300);

        (await Writer.DeliveriesAsync(subscription.Id)).Select(d => d.Article).Should().Equal(after.Id);
    }

    [Fact]
    public async Task ThreeFailuresThenSuccessIsDeliveredOnTheFourthAttemptWithTheSameId()
    {
        var subscription = await SubscribeAsync("harvest");
        _receiver.Answer(500, 500, 500);

        await Writer.CreateAsync(WebhookSettings.Story("Harvest beats forecast"));
        await _receiver.WaitForAsync(4);

        _receiver.Received.Select(r => r.Answered).Should().Equal(500, 500, 500, 200);
        _receiver.Received.Select(r => r.Id).Distinct().Should().ContainSingle("webhook-id is stable across retries");
        _receiver.Received.Should().OnlyContain(r => r.SpecVerified && r.LibraryVerified);
        var delivery = (await Writer.WaitForDeliveriesAsync(subscription.Id, d => d.Count == 1 && d[0].State == "delivered")).Single();
        delivery.Attempts.Should().Be(4);
        delivery.LastStatus.Should().Be(200);
    }

    [Fact]
    public async Task ADeliveryThatFailsEveryAttemptIsRecordedAsFailed()
    {
        var subscription = await SubscribeAsync("harvest");
        _receiver.Answer(500, 502, 500, 500, 500);

        await Writer.CreateAsync(WebhookSettings.Story("Harvest beats forecast"));

        var delivery = (await Writer.WaitForDeliveriesAsync(subscription.Id, d => d.Count == 1 && d[0].State == "failed")).Single();
        delivery.Attempts.Should().Be(5, "the first attempt and the four retries of the schedule");
        delivery.LastStatus.Should().Be(500);
        delivery.LastError.Should().Contain("500");
        delivery.NextAttemptAt.Should().BeNull();
    }

    [Fact]
    public async Task RetryAfterOn429IsHonoured()
    {
        var subscription = await SubscribeAsync("harvest");
        _receiver.Answer(context =>
        {
            context.Response.Headers.RetryAfter = "2";
            return Task.FromResult(429);
        });

        await Writer.CreateAsync(WebhookSettings.Story("Harvest beats forecast"));
        await _receiver.WaitForAsync(1);
        var first = DateTime.UtcNow;
        var pending = (await Writer.WaitForDeliveriesAsync(subscription.Id, d => d.Count == 1 && d[0].LastStatus == 429)).Single();
        pending.NextAttemptAt.Should().BeCloseTo(first.AddSeconds(2), TimeSpan.FromSeconds(1), "the schedule would have retried after 100 ms");
        await _receiver.WaitForAsync(2);

        (DateTime.UtcNow - first).Should().BeGreaterThan(TimeSpan.FromSeconds(1.5));
        (await Writer.WaitForDeliveriesAsync(subscription.Id, d => d.Count == 1 && d[0].State == "delivered")).Single().Attempts.Should().Be(2);
    }

    [Theory]
    [InlineData("100000")]
    [InlineData("99999999999")] // past int32, which .NET's own parsing of Retry-After holds it to
    [InlineData("999999999999999999999999")]
    public async Task ARetryAfterPastTheMaximumIsCappedToTheMaximum(string seconds)
    {
        var subscription = await SubscribeAsync("harvest");
        _receiver.Answer(context =>
        {
            context.Response.Headers.RetryAfter = seconds;
            return Task.FromResult(503);
        });

        await Writer.CreateAsync(WebhookSettings.Story("Harvest beats forecast"));
        await _receiver.WaitForAsync(1);
        var answered = DateTime.UtcNow;
        var pending = (await Writer.WaitForDeliveriesAsync(subscription.Id, d => d.Count == 1 && d[0].LastStatus == 503)).Single();

        pending.NextAttemptAt.Should().BeCloseTo(answered.AddSeconds(new WebhookOptions().MaxRetryAfterSeconds), TimeSpan.FromMinutes(1),
            "the receiver asked for more than the longest wait, not for nothing");
    }

    [Fact]
    public async Task A410DisablesTheSubscriptionAndStopsWhatItHadPending()
    {
        var subscription = await SubscribeAsync("harvest");
        _receiver.Answer(410);

        await Writer.CreateAsync(WebhookSettings.Story("Harvest beats forecast"));
        await _receiver.WaitForAsync(1);
        var delivery = (await Writer.WaitForDeliveriesAsync(subscription.Id, d => d.Count == 1 && d[0].State == "cancelled")).Single();
        await Writer.CreateAsync(WebhookSettings.Story("Another harvest record", "Barley growers in the east did well too."));
        await Task.Delay(500);

        delivery.LastStatus.Should().Be(410);
        var read = await (await Writer.GetAsync($"/api/subscriptions/{subscription.Id}")).ReadAsAsync<SubscriptionItem>();
        read.DisabledAt.Should().NotBeNull();
        read.DisabledReason.Should().Contain("410");
        _receiver.Received.Should().ContainSingle("a disabled subscription pushes nothing more");
        (await Writer.DeliveriesAsync(subscription.Id)).Should().ContainSingle();
    }

    [Fact]
    public async Task ARedirectIsNotFollowed()
    {
        await using var target = await WebhookReceiver.StartAsync();
        var subscription = await SubscribeAsync("harvest");
        _receiver.Answer(context =>
        {
            context.Response.Headers.Location = new Uri(target.Address, "/stolen").AbsoluteUri;
            return Task.FromResult(307);
        });

        await Writer.CreateAsync(WebhookSettings.Story("Harvest beats forecast"));
        var delivery = (await Writer.WaitForDeliveriesAsync(subscription.Id, d => d.Count == 1 && d[0].LastStatus == 307)).Single();

        delivery.LastError.Should().Contain("redirects are not followed");
        target.Received.Should().BeEmpty();
    }

    [Fact]
    public async Task DeletingTheSubscriptionDeletesItsPendingDeliveries()
    {
        var subscription = await SubscribeAsync("harvest");
        _receiver.Answer(500, 500, 500, 500, 500);
        await Writer.CreateAsync(WebhookSettings.Story("Harvest beats forecast"));
        await _receiver.WaitForAsync(1);

        (await Writer.DeleteAsync($"/api/subscriptions/{subscription.Id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var seen = _receiver.Received.Count;
        await Task.Delay(800);

        _receiver.Received.Count.Should().BeLessThanOrEqualTo(seen + 1, "at most an attempt already in flight");
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<NewsWireDb>().Deliveries.Count().Should().Be(0);
    }
}
