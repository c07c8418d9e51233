using System.Net;
using System.Text.Json;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Webhooks;

namespace NewsWire.Api.Tests.Webhooks;

/// <summary>Settings and helpers the webhook tests share: receivers on loopback, a short retry schedule, quick polls.</summary>
public static class WebhookSettings
{
    /// <param name="retryDelays">The waits between attempts; short by default so a test sees the whole schedule.</param>
    public static Dictionary<string, string?> Fast(params string[] retryDelays)
    {
        var settings = new Dictionary<string, string?>
        {
            ["NewsWire:Webhooks:AllowPrivateNetworks"] = "true",
            ["NewsWire:Webhooks:PollIntervalMs"] = "50",
            ["NewsWire:Webhooks:JitterPercent"] = "0",
            ["NewsWire:Webhooks:AttemptTimeoutSeconds"] = "2",
        };
        var delays = retryDelays.Length > 0 ? retryDelays : ["00:00:00.100", "00:00:00.100", "00:00:00.100", "00:00:00.100"];
        for (var n = 0; n < delays.Length; n++)
        {
            settings[$"NewsWire:Webhooks:RetryDelays:{n}"] = delays[n];
        }

        return settings;
    }

    public static async Task<CreatedSubscription> SubscribeAsync(this HttpClient writer, object body)
    {
        var response = await writer.PostAsJsonAsync("/api/subscriptions", body, HttpExtensions.Json);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsAsync<CreatedSubscription>();
    }

    public static async Task<List<DeliveryItem>> DeliveriesAsync(this HttpClient writer, long subscription) =>
        (await (await writer.GetAsync($"/api/subscriptions/{subscription}/deliveries?limit=100")).ReadAsAsync<DeliveryPage>()).Items.ToList();

    /// <summary>Polls the deliveries until <paramref name="done"/> holds (the worker runs beside the test).</summary>
    public static async Task<List<DeliveryItem>> WaitForDeliveriesAsync(this HttpClient writer, long subscription, Func<List<DeliveryItem>, bool> done, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var deliveries = await writer.DeliveriesAsync(subscription);
            if (done(deliveries))
            {
                return deliveries;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the deliveries should have settled: {0}", JsonSerializer.Serialize(deliveries));
            await Task.Delay(50);
        }
    }

    public static object Story(string headline, string body = "Officials met on Monday to discuss the harvest.") =>
        new { headline, body, source = "TASS", publishedAt = "2026-12-01T10:00:00Z" };
}
