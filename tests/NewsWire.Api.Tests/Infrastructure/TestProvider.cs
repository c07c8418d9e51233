namespace NewsWire.Api.Tests.Infrastructure;

/// <summary>
/// Which provider the service tests run on: SQLite by default; <c>NEWSWIRE_TEST_PROVIDER=Postgres</c> runs every
/// <see cref="ServiceTest"/> on a PostgreSQL database of its own (.ci/run does both). Test classes that read the
/// SQLite file itself carry <c>[Trait("Provider", "Sqlite")]</c> and are left out of the PostgreSQL run.
/// </summary>
public static class TestProvider
{
    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("NEWSWIRE_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);
}
