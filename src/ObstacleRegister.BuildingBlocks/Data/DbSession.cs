using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>Scoped: one connection and at most one transaction per request.</summary>
public sealed class DbSession(IDbConnectionFactory connections) : IDbSession, IAsyncDisposable
{
    private DbConnection? connection;
    private DbTransaction? transaction;
    private IDisposable? writeGate;

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
    /// writers queue on the busy timeout instead of failing when a read lock cannot be upgraded.
    /// </summary>
    internal async Task BeginAsync(bool readOnly, CancellationToken ct)
    {
        var open = await OpenAsync(ct);
        if (open is not SqliteConnection sqlite)
        {
            transaction = await open.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            return;
        }

        if (!readOnly)
        {
            writeGate = await SqliteWriteGate.EnterAsync(sqlite.ConnectionString, ct);
        }

        try
        {
            transaction = sqlite.BeginTransaction(deferred: readOnly);
        }
        catch
        {
            ReleaseWriteGate();
            throw;
        }
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
