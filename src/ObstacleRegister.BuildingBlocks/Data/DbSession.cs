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
public sealed class DbSession(IDbConnectionFactory connections, IOptions<DatabaseOptions> options, RegisterMetrics metrics)
    : IDbSession, IAsyncDisposable
{
    private DbConnection? connection;
    private DbTransaction? transaction;
    private IDisposable? writeGate;
    private List<Action>? afterCommit;

    public ISqlDialect Dialect { get; } = ISqlDialect.For(connections.Provider);

    public bool InTransaction => transaction is not null;

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken ct)
    {
        var open = await OpenAsync(ct);
        var rows = await open.QueryAsync<T>(Command(sql, parameters, ct));
        return rows.AsList();
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken ct)
    {
        var open = await OpenAsync(ct);
        return await open.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, ct));
    }

    public async Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken ct)
    {
        var open = await OpenAsync(ct);
        return await open.ExecuteScalarAsync<T>(Command(sql, parameters, ct));
    }

    public async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken ct)
    {
        var open = await OpenAsync(ct);
        return await open.ExecuteAsync(Command(sql, parameters, ct));
    }

    /// <summary>
    /// Starts the request's transaction. Writers take SQLite's write lock up front (BEGIN IMMEDIATE), so two
    /// writers queue instead of failing when a read lock cannot be upgraded; a writer that does not get the lock
    /// within <see cref="DatabaseOptions.LockTimeout"/> is refused with 503 before anything is written. On SQL
    /// Server, queries read one snapshot (several statements agree with each other and with the ETag; a change-feed
    /// read asks for statement-level reads instead, see <see cref="Messaging.ICommittedReadQuery{TResponse}"/>) and
    /// writers wait at most the same bound for a row lock.
    /// </summary>
    internal async Task BeginAsync(bool readOnly, CancellationToken ct, bool snapshot = true)
    {
        var open = await OpenAsync(ct);
        var timeout = options.Value.LockTimeout;
        if (open is not SqliteConnection sqlite)
        {
            if (!readOnly)
            {
                // An integer from configuration: SET LOCK_TIMEOUT takes no parameter.
                await open.ExecuteAsync(new CommandDefinition($"SET LOCK_TIMEOUT {(long)timeout.TotalMilliseconds}", cancellationToken: ct));
            }

            transaction = await open.BeginTransactionAsync(readOnly && snapshot ? IsolationLevel.Snapshot : IsolationLevel.ReadCommitted, ct);
            return;
        }

        if (readOnly)
        {
            transaction = sqlite.BeginTransaction(deferred: true);
            return;
        }

        var waited = Stopwatch.StartNew();
        writeGate = await SqliteWriteGate.TryEnterAsync(sqlite.ConnectionString, timeout, ct) ?? throw Busy(null);
        try
        {
            transaction = sqlite.BeginTransaction(deferred: false);
        }
        catch (SqliteException ex) when (DatabaseBusyException.IsBusy(ex))
        {
            ReleaseWriteGate();
            throw Busy(ex);
        }
        catch
        {
            ReleaseWriteGate();
            throw;
        }

        metrics.WriteLockWaited(waited.Elapsed);
    }

    private DatabaseBusyException Busy(Exception? cause)
    {
        metrics.WriteLockTimedOut();
        return new DatabaseBusyException(
            $"The database could not be written within {options.Value.LockTimeout.TotalSeconds:0.#} seconds; nothing was changed. Retry shortly.", cause);
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

    internal async Task CommitAsync(CancellationToken ct)
    {
        if (transaction is null)
        {
            return;
        }

        // A failed commit leaves the transaction and the gate to RollbackAsync, which the behaviour calls next.
        await transaction.CommitAsync(ct);
        await transaction.DisposeAsync();
        transaction = null;
        ReleaseWriteGate();
        var committed = afterCommit;
        afterCommit = null;
        committed?.ForEach(a => a());
    }

    internal async Task RollbackAsync()
    {
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
            ReleaseWriteGate();
        }
    }

    private void ReleaseWriteGate()
    {
        writeGate?.Dispose();
        writeGate = null;
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

    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(sql, parameters, transaction, cancellationToken: ct);

    private async Task<DbConnection> OpenAsync(CancellationToken ct) =>
        connection ??= await connections.OpenAsync(ct);
}
