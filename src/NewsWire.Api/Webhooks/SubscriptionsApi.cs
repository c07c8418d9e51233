using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.Webhooks;

/// <summary>Saved searches that push to a webhook (issue 13 parts 2-4; ADR 27, 28). Every route needs the API key:
/// a subscription holds a receiver's address, and its deliveries say what the receiver was sent.</summary>
public static class SubscriptionsApi
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IWebhookResolver, DnsWebhookResolver>();
        services.AddSingleton<WebhookAddresses>();
        services.AddSingleton<WebhookHttp>();
        services.AddSingleton<WebhookSignals>();
        services.AddSingleton<RetrySchedule>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookDispatcher>();
        services.AddHostedService<DeliveryWorker>();
        return services;
    }

    public static RouteGroupBuilder MapSubscriptions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/subscriptions").WithTags("Subscriptions")
            .RejectUnknownQueryParameters()
            .AddEndpointFilter<ApiKeyFilter>()
            .WithMetadata(new ApiKeyRequired());

        group.MapPost("/", CreateSubscription.PostSubscription)
            .WithName(nameof(CreateSubscription.PostSubscription))
            .WithSummary("Subscribe a webhook to a search")
            .WithDescription("""
                Needs `X-Api-Key`. The body is a search as `GET /api/search` takes it (`q` and any listing filter:
                `source`, `tag`, `place`, `lang` as a string or an array, `from`, `to`, `includeDuplicates`) and
                `webhook.url`. Every article stored from now on that matches is POSTed to the URL, signed as the
                Standard Webhooks specification says (`webhook-id`, `webhook-timestamp`, `webhook-signature`), with
                the body `{ "type": "article.matched", "timestamp": ..., "data": { "subscription": id, "article":
                ArticleSummary } }`. Retried with backoff for about a day until the receiver answers 2xx; a 410
                disables the subscription. The URL must be http or https to a host that does not resolve to a
                loopback, private, link-local or metadata address. The answer holds the signing `secret`
                (`whsec_...`): it is shown only here.
                """)
            .Accepts<SubscriptionInput>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(SubscriptionLimits.RequestBytes));

        group.MapGet("/", ReadSubscriptions.ListSubscriptions)
            .WithName(nameof(ReadSubscriptions.ListSubscriptions))
            .WithSummary("List subscriptions, newest first")
            .WithDescription("Needs `X-Api-Key`. `limit` 1..100 (default 20); pass `nextCursor` back as `cursor` (also in `Link: rel=\"next\"`). Secrets are not shown.");

        group.MapGet("/{id}", ReadSubscriptions.GetSubscription)
            .WithName(nameof(ReadSubscriptions.GetSubscription))
            .WithSummary("Get one subscription")
            .WithDescription("Needs `X-Api-Key`. 404 when there is none with that id. The secret is not shown.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete("/{id}", ReadSubscriptions.DeleteSubscription)
            .WithName(nameof(ReadSubscriptions.DeleteSubscription))
            .WithSummary("Delete a subscription")
            .WithDescription("Needs `X-Api-Key`. 204 when deleted, with every delivery it still had pending; 404 when missing.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/deliveries", ReadSubscriptions.ListDeliveries)
            .WithName(nameof(ReadSubscriptions.ListDeliveries))
            .WithSummary("A subscription's deliveries, newest first")
            .WithDescription("""
                Needs `X-Api-Key`. Each delivery: the article's id, its state (`pending`, `delivered`, `failed` once
                every retry is spent, `cancelled` when the subscription was disabled), attempts so far, the last
                HTTP status and error, and when the next attempt is due. Paged as the subscription list is.
                """)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }
}

/// <summary>Marks an endpoint that needs <c>X-Api-Key</c> whatever its method, for the OpenAPI document.</summary>
public sealed class ApiKeyRequired;
