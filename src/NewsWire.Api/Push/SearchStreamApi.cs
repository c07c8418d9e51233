using System.Globalization;
using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsWire.Api.Articles;
using NewsWire.Api.Infrastructure;
using NewsWire.Api.RateLimits;

namespace NewsWire.Api.Push;

public static class SearchStreamApi
{
    public const string LastEventIdHeader = "Last-Event-ID";

    /// <summary>Seconds a client refused for too many open streams is told to wait (Retry-After).</summary>
    public const int RetryAfterSeconds = 30;

    public static IServiceCollection AddPush(this IServiceCollection services)
    {
        services.AddOptions<StreamOptions>().BindConfiguration(StreamOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StreamGate>();
        services.AddSingleton<ArticleFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<ArticleFeed>());
        return services;
    }

    public static RouteHandlerBuilder MapSearchStream(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/search/stream", StreamSearch)
            .WithTags("Search")
            .WithName(nameof(StreamSearch))
            .WithSummary("A live stream of new articles that match a search (server-sent events)")
            .WithDescription($"""
                `text/event-stream` that stays open: one `article` event per newly stored article that matches `q`
                and the listing filters, as search would list it (same query language; hidden near-duplicates only
                with `includeDuplicates=true`). Each event's `data` is the ArticleSummary as listing and search
                return it, its `id` the change-log position of the write that stored it. "Newly stored" is a
                create (POST, import): a corrected article is not sent again.

                Without `Last-Event-ID` the stream starts at the newest write. A client that reconnects with the
                `Last-Event-ID` it last received (browsers' EventSource does this by itself) first gets every
                match stored since, in order, none twice; an id that is not a position of the log is a 400
                problem. After a change-log compaction dropped entries the id needs (older than
                `NewsWire:ChangeLog:RetentionHours`), or when the id is more than `NewsWire:Stream:ReplayLimit`
                (10,000) positions behind the newest, the stream says so in a comment and resumes at the newest
                write; search (`sort=newest`) lists what was not replayed.

                A comment (`: heartbeat`) every 15 s keeps proxies from closing an idle stream. At most
                `NewsWire:RateLimits:StreamsPerClient` (10) streams are open at once per client address: beyond,
                a 429 problem with `Retry-After`. Opening a stream counts against the search rate limit. Every
                instance sees the writes of every other: `curl -N '/api/search/stream?q=refugees'`.
                """)
            .Produces<ArticleSummary>(StatusCodes.Status200OK, "text/event-stream")
            .RejectUnknownQueryParameters()
            .RequireRateLimiting(RateLimitSetup.SearchPolicy);

    public static async Task<Results<ServerSentEventsResult<ArticleSummary>, ValidationProblem, ProblemHttpResult>> StreamSearch(
        [AsParameters] StreamParameters parameters,
        [FromHeader(Name = LastEventIdHeader)] string? lastEventId,
        HttpContext http, IChangeLog log, StreamGate gate, IOptions<StreamOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var search = parameters.ToSearch(errors);
        var resume = ParseLastEventId(lastEventId, errors);
        if (search is not { } valid)
        {
            return Problems.Validation(errors);
        }

        var head = await log.HeadAsync(cancellationToken);
        if (resume > head)
        {
            errors[LastEventIdHeader] = [$"'{resume}' is past the newest position of the change log ({head}): it was not sent by this service."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var lease = gate.TryEnter(http);
        if (lease is null)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Problems.Status(StatusCodes.Status429TooManyRequests, "Too many open streams.",
                $"This address has {gate.Limit} live streams open, the most allowed at once; close one, or try again in {RetryAfterSeconds} s (Retry-After).");
        }

        http.Response.RegisterForDispose(lease);
        // nginx buffers proxied answers unless told not to; a stream must pass each event on as it comes.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var start = resume ?? head;
        string? notice = null;
        if (head - start > options.Value.ReplayLimit)
        {
            // As after a compaction: the client is told, and resumes at the head (ADR 31); search lists what it missed.
            notice = $"more than {options.Value.ReplayLimit} change-log positions lie between {start} and the newest, {head}: they are not replayed; resuming at position {head}";
            start = head;
        }

        var stream = new SearchStream(http, SavedSearch.Compile(valid.Query, valid.Filter), start, notice);
        return TypedResults.ServerSentEvents(stream.EventsAsync(http.RequestAborted));
    }

    /// <summary>A log position: a whole number from 0. Absent: null.</summary>
    private static long? ParseLastEventId(string? value, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return position;
        }

        errors[LastEventIdHeader] = [$"'{ArticleDrafts.Truncated(value)}' is not an event id of this stream: a change-log position (a whole number)."];
        return null;
    }
}
