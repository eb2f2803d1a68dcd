using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Telemetry;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>Scoped: one connection and at most one transaction per request.</summary>
public sealed class DbSession(IDbConnectionFactory connections, IOptions<DatabaseOptions> options, RegisterMetrics metrics, StorageHealth storage)
    : IDbSession, IAsyncDisposable
{
    private DbConnection? connection;
    private DbTransaction? transaction;
    private SqliteWriter? writer;
    private List<Action>? afterCommit;

    public ISqlDialect Dialect { get; } = ISqlDialect.For(connections.Provider);

    public bool InTransaction => transaction is not null || writer is not null;

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken ct)
    {
        var (open, command) = await Command(sql, parameters, ct);
        var rows = await open.QueryAsync<T>(command);
        return rows.AsList();
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken ct)
    {
        var (open, command) = await Command(sql, parameters, ct);
        return await open.QuerySingleOrDefaultAsync<T>(command);
    }

    public async Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken ct)
    {
        var (open, command) = await Command(sql, parameters, ct);
        return await open.ExecuteScalarAsync<T>(command);
    }

    public async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken ct)
    {
        var (open, command) = await Command(sql, parameters, ct);
        return await open.ExecuteAsync(command);
    }

    /// <summary>
    /// Starts the request's transaction. SQLite writers queue in <see cref="SqliteWriteGate"/> and run in a
    /// savepoint of the group's transaction, which holds the write lock from its start (BEGIN IMMEDIATE), so two
    /// writers queue instead of failing when a read lock cannot be upgraded; a writer that does not get its turn
    /// within <see cref="DatabaseOptions.LockTimeout"/> is refused with 503 before anything is written. On SQL
    /// Server, queries read one snapshot (several statements agree with each other and with the ETag; a change-feed
    /// read asks for statement-level reads instead, see <see cref="Messaging.ICommittedReadQuery{TResponse}"/>) and
    /// writers wait at most the same bound for a row lock.
    /// </summary>
    internal async Task BeginAsync(bool readOnly, CancellationToken ct, bool snapshot = true)
    {
        var timeout = options.Value.LockTimeout;
        if (connections.Provider == DatabaseProvider.Sqlite && !readOnly)
        {
            await BeginSqliteWriteAsync(timeout, ct);
            return;
        }

        var open = await OpenAsync(ct);
        if (open is not PreparedSqliteConnection sqlite)
        {
            if (!readOnly)
            {
                // An integer from configuration: SET LOCK_TIMEOUT takes no parameter.
                await open.ExecuteAsync(new CommandDefinition($"SET LOCK_TIMEOUT {(long)timeout.TotalMilliseconds}", cancellationToken: ct));
            }

            transaction = await open.BeginTransactionAsync(readOnly && snapshot ? IsolationLevel.Snapshot : IsolationLevel.ReadCommitted, ct);
            return;
        }

        transaction = sqlite.Begin(deferred: true);
    }

    private async Task BeginSqliteWriteAsync(TimeSpan timeout, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        try
        {
            writer = await SqliteWriteGate.For(options.Value.ConnectionString).TryEnterAsync(
                async c => (PreparedSqliteConnection)await connections.RentAsync(c), metrics.CommitGroupFlushed, timeout, ct) ?? throw Busy(null);
        }
        catch (SqliteException ex) when (DatabaseBusyException.IsBusy(ex))
        {
            throw Busy(ex);
        }

        metrics.WriteLockWaited(waited.Elapsed);
    }

    private DatabaseBusyException Busy(Exception? cause)
    {
        metrics.WriteLockTimedOut();
        return new DatabaseBusyException(cause);
    }

    public void AfterCommit(Action action)
    {
        if (transaction is null)
        {
            action();
            return;
        }

        (afterCommit ??= []).Add(action);
    }

    /// <summary>Completes once the request's writes are durable; a SQLite writer waits here for its group's flush.</summary>
    internal async Task CommitAsync(CancellationToken ct)
    {
        if (writer is { } member)
        {
            // The writer leaves the session before the wait: its savepoint is released or undone by then, so
            // whatever becomes of the group, RollbackAsync has nothing of it left to undo.
            writer = null;
            try
            {
                await member.CommitAsync();
            }
            catch
            {
                afterCommit = null;
                throw;
            }
        }
        else if (transaction is not null)
        {
            // A failed commit leaves the transaction to RollbackAsync, which the behaviour calls next.
            await transaction.CommitAsync(ct);
            await transaction.DisposeAsync();
            transaction = null;
        }
        else
        {
            return;
        }

        storage.Wrote();
        var committed = afterCommit;
        afterCommit = null;
        committed?.ForEach(a => a());
    }

    /// <summary>Undoes the request's writes; <paramref name="cause"/> is why, told to the writers of its group should the group be lost with it.</summary>
    internal async Task RollbackAsync(Exception? cause = null)
    {
        if (writer is { } member)
        {
            writer = null;
            afterCommit = null;
            member.Rollback(cause);
            return;
        }

        if (transaction is null)
        {
            return;
        }

        try
        {
            // Not cancellable: a request that was aborted must still release its locks.
            await transaction.RollbackAsync(CancellationToken.None);
        }
        finally
        {
            await transaction.DisposeAsync();
            transaction = null;
            afterCommit = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync();
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    // A writer's statements are not cancellable: SQLite's interrupt rolls back the whole transaction, which is the
    // group's, not only this request's. The request stops between statements instead.
    private async Task<(DbConnection Connection, CommandDefinition Command)> Command(string sql, object? parameters, CancellationToken ct) =>
        writer is { } member
            ? (member.Connection, new CommandDefinition(sql, parameters, member.Transaction))
            : (await OpenAsync(ct), new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));

    private async Task<DbConnection> OpenAsync(CancellationToken ct) =>
        connection ??= await connections.RentAsync(ct);
}
