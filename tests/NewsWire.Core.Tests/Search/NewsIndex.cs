using Microsoft.Data.Sqlite;
using NewsWire.Core.Search;

namespace NewsWire.Core.Tests.Search;

/// <summary>
/// An in-memory FTS5 table with the API's columns and tokenizer, holding a few wire stories. It is a
/// standalone table rather than the API's external-content one: matching does not depend on where the
/// text lives, and the tests need no Articles table.
/// </summary>
public sealed class NewsIndex : IDisposable
{
    public const string Tass = "Russian Security Service: Refugee crisis used by Islamic State to send people to Europe";
    public const string Astana = "SCO ministers meet in Astana";
    public const string Emergency = "State of emergency declared in Islamic region";
    public const string Zurich = "Zürich bank reports record recruitment of graduates";
    public const string Ankara = "Ankara hosts talks on quotas";
    public const string Russian = "Поток беженцев в Европу растёт";
    public const string Envoy = "U.S. envoy: we don't negotiate with terrorists";

    private static readonly string[][] Stories =
    [
        [Tass,
            "The officer said the flow of refugees will only grow as Islamic State is seizing new territories",
            "The Islamic State terrorist organization takes advantage of the situation with refugees by sending its own " +
            "people to Europe. People are running away not from Russia's support for the Syrian regime, in particular " +
            "President Bashar Assad. Smirnov also stressed that recruiting citizens of member states of the Shanghai " +
            "Cooperation Organization (SCO) is one of the biggest threats.",
            "Tashkent"],
        [Astana,
            "Foreign ministers of the Shanghai Cooperation Organization met on Tuesday.",
            "The SCO ministers discussed trade corridors and the situation around Damascus with European observers.",
            "Astana"],
        [Emergency,
            "Authorities declared a state of emergency after floods.",
            "The region's crises have deepened, officials said; Islamic charities sent children food and water.",
            "Jakarta"],
        [Zurich,
            "A Zürich bank said its recruitment of graduates rose to a record in 2015.",
            "The bank's recruitment drive targets engineers; 1,000 graduates applied.",
            "Zürich"],
        [Ankara,
            "Turkey asks the EU to share the burden.",
            "Turkey hosts two million refugees from Syria, the foreign ministry said.",
            "Ankara"],
        [Russian,
            "Число беженцев, прибывающих в Европу, продолжает расти.",
            "По данным ООН, поток беженцев из Сирии не ослабевает.",
            "Москва"],
        [Envoy,
            "The U.S. envoy said Washington would not talk to the group.",
            "\"We don't negotiate,\" the envoy told reporters in <Geneva> & Vienna.",
            "Geneva"],
    ];

    private readonly SqliteConnection _connection;

    public NewsIndex()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        Execute("""
            CREATE VIRTUAL TABLE ArticleSearch USING fts5(headline, lead, body, place,
                tokenize='porter unicode61 remove_diacritics 2');
            """);
        foreach (var story in Stories)
        {
            using var insert = _connection.CreateCommand();
            insert.CommandText = "INSERT INTO ArticleSearch(headline, lead, body, place) VALUES ($h, $l, $b, $p)";
            insert.Parameters.AddWithValue("$h", story[0]);
            insert.Parameters.AddWithValue("$l", story[1]);
            insert.Parameters.AddWithValue("$b", story[2]);
            insert.Parameters.AddWithValue("$p", story[3]);
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The headlines an FTS5 expression matches, in insertion order. Throws what SQLite throws.</summary>
    public List<string> Match(string expression)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT headline FROM ArticleSearch WHERE ArticleSearch MATCH $match ORDER BY rowid";
        command.Parameters.AddWithValue("$match", expression);
        using var reader = command.ExecuteReader();
        var headlines = new List<string>();
        while (reader.Read())
        {
            headlines.Add(reader.GetString(0));
        }

        return headlines;
    }

    /// <summary>Parses, renders and matches a query as the API does; the query must be valid.</summary>
    public List<string> Search(string q)
    {
        var parsed = SearchQueryParser.Parse(q);
        parsed.IsValid.Should().BeTrue($"'{q}' should parse, but: {parsed.Error}");
        return Match(Fts5Renderer.Render(parsed.Query!));
    }

    /// <summary>What FTS5's highlight() makes of the first column matched by an expression, with the API's sentinels.</summary>
    public string Highlight(string expression, int column)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT highlight(ArticleSearch, $column, $open, $close) FROM ArticleSearch " +
            "WHERE ArticleSearch MATCH $match ORDER BY rowid LIMIT 1";
        command.Parameters.AddWithValue("$column", column);
        command.Parameters.AddWithValue("$open", Highlights.OpenSentinel.ToString());
        command.Parameters.AddWithValue("$close", Highlights.CloseSentinel.ToString());
        command.Parameters.AddWithValue("$match", expression);
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>The tokens FTS5 itself would store for a text, with a bare unicode61 tokenizer (no stemming, no diacritic folding).</summary>
    public List<string> Fts5Tokens(string text)
    {
        Execute("""
            CREATE VIRTUAL TABLE IF NOT EXISTS Tokens USING fts5(x, tokenize='unicode61 remove_diacritics 0');
            CREATE VIRTUAL TABLE IF NOT EXISTS TokenList USING fts5vocab(Tokens, 'instance');
            DELETE FROM Tokens;
            """);
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO Tokens(x) VALUES ($text)";
        insert.Parameters.AddWithValue("$text", text);
        insert.ExecuteNonQuery();

        using var select = _connection.CreateCommand();
        select.CommandText = "SELECT term FROM TokenList ORDER BY offset";
        using var reader = select.ExecuteReader();
        var tokens = new List<string>();
        while (reader.Read())
        {
            tokens.Add(reader.GetString(0));
        }

        return tokens;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
