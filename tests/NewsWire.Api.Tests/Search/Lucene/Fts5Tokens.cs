using Microsoft.Data.Sqlite;

namespace NewsWire.Api.Tests.Search.Lucene;

/// <summary>The terms SQLite's FTS5 stores for a text with the FTS5 search's tokenizer, read back through fts5vocab.</summary>
public sealed class Fts5Tokens : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public Fts5Tokens()
    {
        _connection.Open();
        Execute("""
            CREATE VIRTUAL TABLE Tokens USING fts5(x, tokenize='porter unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE TokenList USING fts5vocab(Tokens, 'instance');
            """);
    }

    public List<string> Of(string text)
    {
        Execute("DELETE FROM Tokens");
        using (var insert = _connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO Tokens(rowid, x) VALUES (1, $text)";
            insert.Parameters.AddWithValue("$text", text);
            insert.ExecuteNonQuery();
        }

        using var select = _connection.CreateCommand();
        select.CommandText = "SELECT term FROM TokenList ORDER BY offset";
        using var reader = select.ExecuteReader();
        var terms = new List<string>();
        while (reader.Read())
        {
            terms.Add(reader.GetString(0));
        }

        return terms;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
