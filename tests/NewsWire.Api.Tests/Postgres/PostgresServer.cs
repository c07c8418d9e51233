using Npgsql;

namespace NewsWire.Api.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the provider's tests use: <c>NEWSWIRE_TEST_POSTGRES</c>, else a local server with the
/// role <c>newswire</c>/<c>newswire</c> that may create databases (.ci/run makes it). Each test gets a database
/// of its own, dropped afterwards. Without a server the tests skip with a message, except under CI=true,
/// where they fail.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("NEWSWIRE_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=newswire;Password=newswire;Database=postgres;Timeout=5";

    public static string? SkipReason =>
        Unavailable.Value is { } why && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? $"PostgreSQL test skipped: {why} (apt-get install -y postgresql, pg_ctlcluster 15 main start, and a role newswire " +
              "that may create databases; or set NEWSWIRE_TEST_POSTGRES). Under CI=true it fails instead."
            : null;

    private static readonly Lazy<string> Template = new(CreateTemplate);

    /// <summary>A new database; its connection string. Empty, as an operator's first start finds it; or
    /// <paramref name="migrated"/>: a copy of one the service migrated and seeded once for this test process,
    /// which is what most tests need, without migrating each time (CREATE DATABASE … TEMPLATE copies files).</summary>
    public static string CreateDatabase(bool migrated = false)
    {
        var name = $"newswire_test_{Guid.NewGuid():N}";
        Admin(migrated ? $"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"" : $"CREATE DATABASE \"{name}\"");
        return ConnectionStringOf(name);
    }

    private static string ConnectionStringOf(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// The service's own first start (migrations and seed) on a database of this process, closed to connections
    /// afterwards (a template must have none while it is copied, and nobody needs one), and dropped when the
    /// process exits.
    /// </summary>
    private static string CreateTemplate()
    {
        var name = $"newswire_template_{Guid.NewGuid():N}";
        Admin($"CREATE DATABASE \"{name}\"");
        var index = Directory.CreateTempSubdirectory("newswire-pg-template-index-").FullName;
        using (var app = new Infrastructure.NewsWireApp(settings: new Dictionary<string, string?>
        {
            ["NewsWire:Provider"] = "Postgres",
            ["ConnectionStrings:NewsWire"] = ConnectionStringOf(name),
            ["NewsWire:Search:IndexPath"] = index,
        }))
        {
            using var client = app.CreateClient(); // starting the host migrates and seeds
        }

        Directory.Delete(index, recursive: true);
        NpgsqlConnection.ClearAllPools();
        Admin($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false");
        Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Admin($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // The server went first; a leftover template is named as one and harms no test.
            }
        };
        return name;
    }

    public static void DropDatabase(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        // FORCE may not end an autovacuum worker (a superuser's backend) that a test's writes woke on the
        // database: 42501 until it finishes, which takes moments. Try again rather than fail the test.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                command.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static string? Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            return $"no PostgreSQL at {new NpgsqlConnectionStringBuilder(AdminConnectionString).Host} ({e.Message})";
        }
    }
}

/// <summary>A test that needs PostgreSQL: skipped with a message on a machine without it, never under CI=true.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresServer.SkipReason;
}
