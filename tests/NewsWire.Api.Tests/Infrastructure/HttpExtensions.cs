using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NewsWire.Api.Articles;

namespace NewsWire.Api.Tests.Infrastructure;

public static class HttpExtensions
{
    public static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public static async Task<T> ReadAsAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    public static async Task<ProblemBody> ReadProblemAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType.Should().NotBeNull("every error is an RFC 9457 problem, with a body ({0})", response.StatusCode);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json",
            "every error is an RFC 9457 problem ({0})", await response.Content.ReadAsStringAsync());
        return await response.ReadAsAsync<ProblemBody>();
    }

    public static Task<HttpResponseMessage> PostWireCopyAsync(this HttpClient client, string text, string query = "") =>
        client.PostAsync("/api/articles" + query, new StringContent(text, Encoding.UTF8, "text/plain"));

    public static Task<HttpResponseMessage> PostArticleAsync(this HttpClient client, object input) =>
        client.PostAsJsonAsync("/api/articles", input, Json);

    public static async Task<ArticleDetail> CreateAsync(this HttpClient writer, object input)
    {
        var response = await writer.PostArticleAsync(input);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsAsync<ArticleDetail>();
    }
}

public sealed record ProblemBody(int Status, string Title, string? Detail, Dictionary<string, string[]>? Errors);
