using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsWire.Api.Articles;
using NewsWire.Bench.Search;

namespace NewsWire.Bench.Http;

/// <summary>
/// The request paths wrk sends (one per line, taken round-robin by bench/wrk/paths.lua) and the body sizes the
/// bare endpoint must match. Ids are drawn with a fixed seed; the second page starts at the first page's
/// cursor and the deep page at a cursor 90% of the way through the listing, each made from its row exactly as
/// the service makes its nextCursor.
/// </summary>
internal static class LoadTargets
{
    public static async Task<Dictionary<string, object>> WriteAsync(string database, Uri service, string folder)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var ids = new List<long>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Id FROM Articles ORDER BY Id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        var visible = Scalar(connection, "SELECT count(*) FROM Articles WHERE DuplicateOfId IS NULL");
        var depth = visible * 9 / 10;

        var random = new Random(20261129);
        var paths = new Dictionary<string, IReadOnlyList<string>>
        {
            ["search"] = QueryMix.Cases.Select(c => c.Url()).ToList(),
            ["get"] = Enumerable.Range(0, 2000).Select(_ => $"/api/articles/{ids[random.Next(ids.Count)]}").ToList(),
            ["first"] = ["/api/articles?limit=20"],
            // The second page is the first reached by a cursor: beside the deep page it shows what depth costs.
            ["second"] = [$"/api/articles?limit=20&cursor={CursorAt(connection, 19)}"],
            ["deep"] = [$"/api/articles?limit=20&cursor={CursorAt(connection, depth)}"],
        };

        using var client = new HttpClient { BaseAddress = service };
        // The newest articles as a feed, once the service has feeds (a build without them skips the measure).
        if ((await client.GetAsync("/feeds/atom")).IsSuccessStatusCode)
        {
            paths["feed"] = ["/feeds/atom"];
        }

        var sizes = new Dictionary<string, int>();
        foreach (var (name, list) in paths)
        {
            await File.WriteAllLinesAsync(Path.Combine(folder, $"paths-{name}.txt"), list);
            if (name == "search")
            {
                continue;
            }

            // The bare endpoint answers the median size of what NewsWire answers for these paths.
            var lengths = new List<int>();
            foreach (var path in list.Take(200))
            {
                lengths.Add((await client.GetByteArrayAsync(path)).Length);
            }

            sizes[name] = lengths.Order().ElementAt(lengths.Count / 2);
            await File.WriteAllLinesAsync(Path.Combine(folder, $"paths-bare-{name}.txt"), [$"/json/{sizes[name]}"]);
        }

        return new Dictionary<string, object>
        {
            ["articles"] = ids.Count,
            ["visible"] = visible,
            ["deepOffset"] = depth,
            ["bodyBytes"] = sizes,
        };
    }

    /// <summary>The cursor after the listing's row at <paramref name="offset"/>, made as the service makes its nextCursor.</summary>
    private static string CursorAt(SqliteConnection connection, long offset)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT PublishedAt, Id FROM Articles WHERE DuplicateOfId IS NULL ORDER BY PublishedAt DESC, Id DESC LIMIT 1 OFFSET $offset";
        command.Parameters.AddWithValue("$offset", offset);
        using var reader = command.ExecuteReader();
        reader.Read();
        var publishedAt = DateTime.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return new ListCursor(ListOrder.Newest, publishedAt, reader.GetInt64(1)).Encode();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
