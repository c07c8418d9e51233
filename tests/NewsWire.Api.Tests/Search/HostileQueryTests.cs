using System.Net;
using System.Text;
using NewsWire.Api.Tests.Infrastructure;

namespace NewsWire.Api.Tests.Search;

/// <summary>
/// Whatever a person types gets 200 or a 400 problem, never a 500 or an engine message. The parser's own
/// property test runs thousands of strings through the parser; this one goes through HTTP, the engine and the filters.
/// </summary>
public class HostileQueryTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private static readonly string[] Hostile =
    [
        "\"", "\"\"", "\"refugees", "refugees\"", "*", "-", "--", "-*", "OR", "OR OR", "AND", "NOT", "NOT refugees",
        "refugees NOT", "a OR", "OR a", "a OR OR b", "col:", "headline:", "headline:\"", "body:*", "place:-x",
        "(", ")", "((refugees", "refugees)", "{headline}:x", "NEAR(a b)", "a^b", "+refugees", "refugees*:", ":",
        "'", "';DROP TABLE Articles;--", "\" OR 1=1 --", "\\", "%", "%%", "_", "😀", "🇷🇺 беженцы", "беженц*",
        "中文 搜索", "שלום", "\u0000", "\u0001\u0002\u001F", "\u202Erefugees", "\uE000refugees\uE001", "\uFFFD",
        new string('!', 500), new string('"', 500), new string('*', 499), string.Concat(Enumerable.Repeat("-a ", 166)),
        string.Concat(Enumerable.Repeat("OR ", 166)), string.Concat(Enumerable.Repeat("a OR ", 100)),
    ];

    [Fact]
    public async Task HandPickedHostileQueriesGet200Or400()
    {
        foreach (var q in Hostile)
        {
            await ExpectNoServerError(q);
        }
    }

    [Fact]
    public async Task AThousandRandomQueriesGet200Or400()
    {
        var random = new Random(20261129);
        const string alphabet = "abcdefgh \"\"**--::()OR NOT AND headline:place:body:lead: беж Zü😀\t\n\\'%_{}^+.,;!?";
        for (var i = 0; i < 1000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(1, 40);
            for (var j = 0; j < length; j++)
            {
                builder.Append(random.Next(10) == 0 ? (char)random.Next(0, 0xD7FF) : alphabet[random.Next(alphabet.Length)]);
            }

            await ExpectNoServerError(builder.ToString());
        }
    }

    private async Task ExpectNoServerError(string q)
    {
        var response = await fixture.Client.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}&facets=source,tag,place,month");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.BadRequest], "q = {0}: {1}", q, body);
        body.Should().NotContainAny(["fts5", "SQLite", "syntax error", "Exception"], "q = {0}", q);
    }
}
