using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// A SQLite connection kept open between requests together with the statements it has prepared, keyed by their
/// text. Preparing a statement costs more than running a point read (tens of microseconds against a few), and
/// Microsoft.Data.Sqlite prepares anew for every command and finalizes a connection's statements when it is closed,
/// so Dapper's command per call through a pooled connection prepares every statement of every request. Here Dapper
/// gets a <see cref="PreparedSqliteCommand"/> that runs the kept statement for its text with the call's parameters.
/// Disposing gives the connection back to <see cref="KeptSqliteConnections"/>; one that met a storage fault, or is
/// left inside a transaction, is closed instead.
/// </summary>
public sealed class PreparedSqliteConnection : DbConnection
{
    private readonly KeptSqliteConnections keeper;
    private readonly Dictionary<string, LinkedListNode<SqliteCommand>> statements = new(StringComparer.Ordinal);

    // Most recently used first; the last is the one closed when the connection holds its bound.
    private readonly LinkedList<SqliteCommand> recency = new();

    internal PreparedSqliteConnection(SqliteConnection sqlite, KeptConnectionKey key, KeptSqliteConnections keeper)
    {
        Sqlite = sqlite;
        Key = key;
        this.keeper = keeper;
    }

    public SqliteConnection Sqlite { get; }

    /// <summary>What the connection was opened for (its connection string and settings): kept ones are handed out only for the same.</summary>
    internal KeptConnectionKey Key { get; }

    /// <summary>Set once the connection met a storage fault: it is closed rather than kept, and the next request opens afresh.</summary>
    internal bool Faulted { get; private set; }

    internal int PreparedCount => statements.Count;

    [AllowNull]
    public override string ConnectionString
    {
        get => Sqlite.ConnectionString;
        set => throw new NotSupportedException("A kept connection's connection string is fixed.");
    }

    public override string Database => Sqlite.Database;

    public override string DataSource => Sqlite.DataSource;

    public override string ServerVersion => Sqlite.ServerVersion;

    public override ConnectionState State => Sqlite.State;

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

    public override void Open()
    {
        if (Sqlite.State != ConnectionState.Open)
        {
            throw new InvalidOperationException("A kept connection is opened once, by its keeper.");
        }
    }

    // Nothing closes a kept connection but its keeper; one closed by its user is not handed on.
    public override void Close() => Abandon();

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => Begin(deferred: isolationLevel != IsolationLevel.Serializable);

    /// <summary>Begins a transaction; a connection that cannot is not kept.</summary>
    internal SqliteTransaction Begin(bool deferred)
    {
        try
        {
            return Sqlite.BeginTransaction(deferred);
        }
        catch
        {
            Faulted = true;
            throw;
        }
    }

    protected override DbCommand CreateDbCommand() => new PreparedSqliteCommand(this);

    /// <summary>The kept statement for <paramref name="sql"/>, prepared on first use; the least recently used goes when the bound is reached.</summary>
    internal SqliteCommand Statement(string sql)
    {
        if (statements.TryGetValue(sql, out var node))
        {
            recency.Remove(node);
            recency.AddFirst(node);
            return node.Value;
        }

        if (statements.Count >= keeper.StatementsPerConnection && recency.Last is { } oldest)
        {
            recency.RemoveLast();
            statements.Remove(oldest.Value.CommandText);
            oldest.Value.Dispose();
        }

        var statement = Sqlite.CreateCommand();
        statement.CommandText = sql;
        statements[sql] = recency.AddFirst(statement);
        keeper.Prepared();
        return statement;
    }

    /// <summary>Runs <paramref name="execute"/>, noting a storage fault so that this connection is not kept after it.</summary>
    internal T Guard<T>(Func<T> execute)
    {
        try
        {
            return execute();
        }
        catch (SqliteException ex) when (StorageFaults.OfSqlite(ex.SqliteErrorCode) is not null)
        {
            Faulted = true;
            throw;
        }
    }

    internal async Task<T> GuardAsync<T>(Func<Task<T>> execute)
    {
        try
        {
            return await execute();
        }
        catch (SqliteException ex) when (StorageFaults.OfSqlite(ex.SqliteErrorCode) is not null)
        {
            Faulted = true;
            throw;
        }
    }

    /// <summary>Not inside a transaction (the next request must start clean) and not faulted.</summary>
    internal bool Reusable =>
        !Faulted && Sqlite.State == ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(Sqlite.Handle) != 0;

    /// <summary>Finalizes the kept statements and closes the connection for good.</summary>
    internal void Discard()
    {
        foreach (var statement in recency)
        {
            statement.Dispose();
        }

        recency.Clear();
        statements.Clear();
        Sqlite.Dispose();
    }

    /// <summary>Marks the connection as not to be kept (the keeper closes it when it comes back).</summary>
    internal void Abandon() => Faulted = true;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            keeper.Return(this);
        }

        base.Dispose(disposing);
    }
}
