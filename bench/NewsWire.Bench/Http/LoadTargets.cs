using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsWire.Api.Articles;
using NewsWire.Bench.Search;

namespace NewsWire.Bench.Http;

/// <summary>
/// The request paths wrk sends (one per line, taken round-robin by bench/wrk/paths.lua) and the body sizes the
/// bare endpoint must match. Ids are drawn with a fixed seed; the deep page starts at a cursor 90% of the way
/// through the listing, made from the row there exactly as the service makes its nextCursor.
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
        string cursor;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT PublishedAt, Id FROM Articles WHERE DuplicateOfId IS NULL ORDER BY PublishedAt DESC, Id DESC LIMIT 1 OFFSET $depth";
            command.Parameters.AddWithValue("$depth", depth);
            using var reader = command.ExecuteReader();
            reader.Read();
            var publishedAt = DateTime.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            cursor = new ListCursor(ListOrder.Newest, publishedAt, reader.GetInt64(1)).Encode();
        }

        var random = new Random(20261129);
        var paths = new Dictionary<string, IReadOnlyList<string>>
        {
            ["search"] = QueryMix.Cases.Select(c => c.Url()).ToList(),
            ["get"] = Enumerable.Range(0, 2000).Select(_ => $"/api/articles/{ids[random.Next(ids.Count)]}").ToList(),
            ["first"] = ["/api/articles?limit=20"],
            ["deep"] = [$"/api/articles?limit=20&cursor={cursor}"],
        };

        using var client = new HttpClient { BaseAddress = service };
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

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
