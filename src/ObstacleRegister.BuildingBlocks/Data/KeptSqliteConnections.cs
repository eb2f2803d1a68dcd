using Microsoft.Data.Sqlite;
using ObstacleRegister.BuildingBlocks.Telemetry;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// The SQLite connections the register keeps open between requests, each with its prepared statements (see
/// <see cref="PreparedSqliteConnection"/>), at most <see cref="DatabaseOptions.KeptConnections"/> of them idle: the
/// connection returned longest ago is closed first. A request takes the one returned last (its statements are the
/// likeliest to be the ones it needs). A connection SQLite opened read-only while the file could not be written is
/// closed when it is next asked for, with every idle one of its file, so writing resumes once the file is mended.
/// </summary>
internal sealed class KeptSqliteConnections(int keptConnections, int statementsPerConnection, RegisterMetrics? metrics) : IDisposable
{
    private readonly Lock gate = new();

    // Most recently returned first.
    private readonly LinkedList<PreparedSqliteConnection> idle = new();
    private bool disposed;

    public int StatementsPerConnection { get; } = statementsPerConnection;

    /// <summary>An idle connection opened for <paramref name="key"/>, or null when there is none to reuse.</summary>
    public PreparedSqliteConnection? TakeIdle(KeptConnectionKey key)
    {
        List<PreparedSqliteConnection>? stale = null;
        PreparedSqliteConnection? found = null;
        lock (gate)
        {
            for (var node = idle.First; node is not null; node = node.Next)
            {
                if (node.Value.Key != key)
                {
                    continue;
                }

                idle.Remove(node);
                if (!DbConnectionFactory.IsStaleReadOnly(node.Value.Sqlite))
                {
                    found = node.Value;
                    break;
                }

                // Every idle connection of this file may be from the read-only time: all are closed.
                stale = [node.Value, .. idle.Where(c => c.Key == key)];
                foreach (var connection in stale)
                {
                    idle.Remove(connection);
                }

                break;
            }
        }

        if (stale is not null)
        {
            SqliteConnection.ClearPool(stale[0].Sqlite);
            stale.ForEach(c => c.Discard());
        }

        return found;
    }

    public PreparedSqliteConnection Keep(SqliteConnection sqlite, KeptConnectionKey key) => new(sqlite, key, this);

    /// <summary>Takes a connection back when a request is done with it, or closes it when it is not fit to be kept.</summary>
    public void Return(PreparedSqliteConnection connection)
    {
        PreparedSqliteConnection? closed = null;
        lock (gate)
        {
            if (disposed || !connection.Reusable)
            {
                closed = connection;
            }
            else if (!idle.Contains(connection))
            {
                idle.AddFirst(connection);
                if (idle.Count > keptConnections)
                {
                    closed = idle.Last!.Value;
                    idle.RemoveLast();
                }
            }
        }

        closed?.Discard();
    }

    /// <summary>Counts a statement SQLite had to prepare: a steady rise means the statement bound is too small for the work.</summary>
    public void Prepared() => metrics?.StatementPrepared();

    public void Dispose()
    {
        List<PreparedSqliteConnection> closing;
        lock (gate)
        {
            disposed = true;
            closing = [.. idle];
            idle.Clear();
        }

        closing.ForEach(c => c.Discard());
    }
}

/// <summary>What a kept connection was opened for: its file and the settings its pragmas were run with (the lock bound).</summary>
internal readonly record struct KeptConnectionKey(string ConnectionString, TimeSpan LockTimeout);
