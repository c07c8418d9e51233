using System.Data;
using Microsoft.Data.Sqlite;
using NewsWire.Bench.Search;

namespace NewsWire.Bench.Sql;

/// <summary>
/// A SqliteConnection whose commands record each execution (text and bound values) before running it, so
/// that the service's own data code (SqliteArticleSearch, ArticleWriter) can be run once and the exact
/// statements it sends replayed by a baseline. Every Microsoft.Data.Sqlite execution goes through
/// ExecuteReader(CommandBehavior); the guard keeps the async and scalar paths, which call it, from recording twice.
/// </summary>
internal sealed class RecordingConnection(string connectionString) : SqliteConnection(connectionString)
{
    public List<CapturedStatement> Recorded { get; } = [];

    public override SqliteCommand CreateCommand() => new RecordingCommand(this) { Connection = this, Transaction = Transaction };

    private sealed class RecordingCommand(RecordingConnection owner) : SqliteCommand
    {
        private bool _executing;

        public override SqliteDataReader ExecuteReader(CommandBehavior behavior)
        {
            Record();
            var outer = !_executing;
            _executing = true;
            try
            {
                return base.ExecuteReader(behavior);
            }
            finally
            {
                _executing = !outer;
            }
        }

        public override Task<SqliteDataReader> ExecuteReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
        {
            Record();
            _executing = true;
            try
            {
                return base.ExecuteReaderAsync(behavior, cancellationToken);
            }
            finally
            {
                _executing = false;
            }
        }

        private void Record()
        {
            if (!_executing)
            {
                owner.Recorded.Add(new CapturedStatement(CommandText,
                    Parameters.Cast<SqliteParameter>().Select(p => (p.ParameterName, p.Value == DBNull.Value ? null : p.Value)).ToList()));
            }
        }
    }
}
