using System.Net;
using NewsWire.Api.Tests.Infrastructure;
using NewsWire.Api.Tests.Resilience;

namespace NewsWire.Api.Tests.Push;

/// <summary>The cap on open streams per client address, and that a closed stream gives its place back.</summary>
public sealed class StreamCapTests
{
    [Fact]
    public async Task BeyondTheCapAStreamIsA429ProblemWithRetryAfterAndAClosedOneFreesItsPlace()
    {
        var database = Path.Combine(Path.GetTempPath(), $"newswire-stream-cap-{Guid.NewGuid():N}.db");
        try
        {
            await using var service = await ServiceProcess.StartAsync(database, new Dictionary<string, string>(SearchStreamTests.FastStream)
            {
                ["NewsWire__RateLimits__Enabled"] = "true",
                ["NewsWire__RateLimits__StreamsPerClient"] = "2",
            });
            using var reader = service.CreateClient(withKey: false);
            var first = await EventStreamReader.OpenAsync(reader, "q=refugees");
            await using var second = await EventStreamReader.OpenAsync(reader, "q=cocoa");

            using (var refused = await EventStreamReader.SendAsync(reader, "q=grain"))
            {
                refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
                refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
                refused.Headers.RetryAfter.Should().NotBeNull();
            }

            await first.DisposeAsync();
            // The server learns of the disconnect when it next writes or reads; retried until it has (no timing asserted).
            HttpStatusCode status;
            var attempts = 0;
            do
            {
                await Task.Delay(100);
                using var again = await EventStreamReader.SendAsync(reader, "q=grain");
                status = again.StatusCode;
            }
            while (status != HttpStatusCode.OK && ++attempts < 100);

            status.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            NewsWireApp.DeleteDatabase(database);
        }
    }
}
