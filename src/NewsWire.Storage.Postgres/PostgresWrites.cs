using System.Data.Common;
using Npgsql;

namespace NewsWire.Storage.Postgres;

/// <summary>
/// Writes on PostgreSQL. A sequence alone does not give commit order (a transaction that took position 7 may
/// commit after the one that took 8, and a reader past 8 would never see 7), so every writing transaction first
/// takes one transaction-scoped advisory lock: writers follow one another, as on SQLite, and positions are
/// handed out in the order of commit (ADR 20). The change-log trigger takes the same lock, so a write that
/// bypasses the service is ordered too.
/// </summary>
internal sealed class PostgresWrites : ArticleWritesBase
{
    /// <summary>
    /// A bulk load asks the same few questions of every batch, each planned in a millisecond and run in a few; but
    /// the slug look-up's estimate grows with the table (a range per base slug, guessed at a fixed share of the rows),
    /// so at 100,000 articles it passed <c>jit_above_cost</c> and PostgreSQL compiled it to machine code on every
    /// batch (6 ms, for a query that ran in 3), and a table ten times larger passes <c>jit_optimize_above_cost</c>
    /// too, where compiling costs more. Off for the load's connection only; back to the server's setting before the connection serves anything else.
    /// </summary>
    protected override string BulkLoadSettings => "SET jit = off";
    protected override string DefaultSettings => "RESET jit";

    protected override object Time(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    protected override async Task<DbTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({PostgresStorage.WriteLock})";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    /// <summary>A batch by binary COPY in a fixed number of round trips (ADR 25), in the transaction that holds the lock.</summary>
    protected override async ValueTask<IReadOnlyList<WriteOutcome>> CreateManyAsync(DbConnection connection, DbTransaction transaction,
        ArticleWriter writer, IReadOnlyList<PreparedArticle> articles, DateTime now, CancellationToken cancellationToken) =>
        await new PostgresBatchCreate((NpgsqlConnection)connection).CreateAsync(articles, now, cancellationToken);
}
