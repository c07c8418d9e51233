using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsWire.Api.Infrastructure;

namespace NewsWire.Api.Webhooks;

public static class CreateSubscription
{
    /// <summary>Signing keys are 32 random bytes (Standard Webhooks asks for 24 to 64).</summary>
    private const int SecretBytes = 32;

    public static async Task<Results<Created<CreatedSubscription>, ValidationProblem, ProblemHttpResult>> PostSubscription(
        HttpRequest request, NewsWireDb db, IChangeLog log, WebhookAddresses addresses, IOptions<JsonOptions> json,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !(mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                 || mediaType.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true))
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.",
                $"Send application/json (a SubscriptionInput), not '{request.ContentType ?? "nothing"}'.");
        }

        var (bytes, unreadable) = await RequestBody.ReadAsync(request, SubscriptionLimits.RequestBytes, cancellationToken);
        if (bytes is null)
        {
            return unreadable!;
        }

        var errors = new Dictionary<string, string[]>();
        var input = Read(bytes, json.Value.SerializerOptions, errors);
        if (input is null)
        {
            return Problems.Validation(errors);
        }

        var search = SubscriptionSearch.FromInput(input, errors);
        var (url, refusal) = await addresses.CheckAsync(input.Webhook?.Url, cancellationToken);
        if (refusal is not null)
        {
            errors["webhook.url"] = [refusal];
        }

        if (search is null || url is null)
        {
            return Problems.Validation(errors);
        }

        var subscription = new Subscription
        {
            Query = search.Q,
            Filters = search.StoredFilters(),
            WebhookUrl = url.AbsoluteUri,
            Secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)),
            // Articles logged from here on match; those before were stored before the subscription existed.
            StartPosition = await log.HeadAsync(cancellationToken),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (subscription.Filters.Length > SubscriptionLimits.Filters)
        {
            return Problems.Validation("body", $"The filters take more than {SubscriptionLimits.Filters:N0} characters; use fewer values.");
        }

        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        var item = search.ToItem(subscription);
        return TypedResults.Created($"/api/subscriptions/{subscription.Id}", new CreatedSubscription
        {
            Id = item.Id, Q = item.Q, Source = item.Source, Tag = item.Tag, Place = item.Place, Lang = item.Lang,
            From = item.From, To = item.To, IncludeDuplicates = item.IncludeDuplicates, Webhook = item.Webhook,
            CreatedAt = item.CreatedAt, Secret = subscription.Secret,
        });
    }

    private static SubscriptionInput? Read(byte[] bytes, JsonSerializerOptions options, Dictionary<string, string[]> errors)
    {
        try
        {
            var input = JsonSerializer.Deserialize<SubscriptionInput>(bytes, options);
            if (input is null)
            {
                errors["body"] = ["The body must be a JSON object (a SubscriptionInput), not null."];
            }

            return input;
        }
        catch (JsonException e)
        {
            var (field, problem) = JsonBodyProblems.Describe(e, "SubscriptionInput");
            errors[field] = problem;
            return null;
        }
    }
}
