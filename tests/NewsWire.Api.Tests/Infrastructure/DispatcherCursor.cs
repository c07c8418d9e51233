using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsWire.Api.Tests.Infrastructure;

/// <summary>
/// Compaction keeps every log entry the webhook dispatcher (which runs in every service) has not read yet (ADR 27),
/// so a test that compacts right after writing first lets the dispatcher reach the log's head.
/// </summary>
public static class DispatcherCursor
{
    public static async Task WaitForHeadAsync(IServiceProvider services)
    {
        for (var waited = 0; ; waited++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsWireDb>();
            var head = await db.ArticleChanges.MaxAsync(c => (long?)c.Position) ?? 0;
            var at = await db.ChangeLogCursors.Select(c => c.Position).SingleAsync();
            if (at >= head)
            {
                return;
            }

            waited.Should().BeLessThan(600, "the webhook dispatcher should reach the head {0} (it is at {1})", head, at);
            await Task.Delay(50);
        }
    }
}
