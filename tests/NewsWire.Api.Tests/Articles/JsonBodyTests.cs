using System.Net;
using System.Text;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Articles;

/// <summary>A JSON body that is not what the route reads is a 400 that says why in the client's terms.</summary>
public sealed class JsonBodyTests : ServiceTest
{
    public static TheoryData<string, byte[], string, string> Bodies { get; } = new()
    {
        { "cut short", Utf8("{"), "body", "the JSON is malformed." },
        { "cut inside a string", Utf8("""{"headline":"a"""), "headline", "the JSON is malformed." },
        { "invalid UTF-8", [.. Utf8("""{"headline":"""), (byte)'"', 0xFF, 0xFE, (byte)'"', .. Utf8(""","body":"b"}""")], "headline", "a string is not valid text (invalid UTF-8, or a lone UTF-16 surrogate)." },
        { "a lone surrogate", Utf8("""{"headline":"\ud800","body":"b"}"""), "headline", "a string is not valid text (invalid UTF-8, or a lone UTF-16 surrogate)." },
        { "a number for a string", Utf8("""{"headline":5,"body":"b"}"""), "headline", "a value has the wrong type." },
        { "a key given twice", Utf8("""{"headline":"first","headline":"second","body":"b"}"""), "headline", "the property is given twice; give it once." },
        { "an unknown key", Utf8("""{"headline":"h","body":"b","colour":"red"}"""), "colour", "the property is not part of ArticleInput." },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task ABadArticleBodyIsA400SayingWhy(string what, byte[] body, string field, string reason)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        var response = await Writer.PostAsync("/api/articles", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, what);
        var errors = (await response.ReadProblemAsync()).Errors!;
        errors.Should().ContainKey(field, what).WhoseValue.Single().Should().EndWith(reason, what);
    }

    [Fact]
    public async Task AnNdjsonLineWithAKeyGivenTwiceFailsAloneAndNothingIsSettledByTheLastValue()
    {
        var lines = """
            {"headline":"Twice keyed","headline":"Second value","body":"Dup body one."}
            {"headline":"Once keyed","body":"Dup body two."}
            """;

        var response = await Writer.PostAsync("/api/articles/import", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));

        var report = await response.ReadAsAsync<NewsWire.Api.Ingest.ImportReport>();
        report.Created.Should().Be(1);
        report.Failed.Should().ContainSingle().Which.Line.Should().Be(1);
        report.Failed[0].Errors["headline"].Single().Should().EndWith("the property is given twice; give it once.");
    }

    [Fact]
    public async Task ASubscriptionWithAKeyGivenTwiceIsA400()
    {
        var response = await Writer.PostAsync("/api/subscriptions", new StringContent(
            """{"q":"first","q":"second","webhook":{"url":"http://127.0.0.1:9/"}}""", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!["q"].Single().Should().EndWith("the property is given twice; give it once.");
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
