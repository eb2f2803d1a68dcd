namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// The request's connection and transaction. Handlers read and write through it and never begin,
/// commit or roll back: only the transaction behaviour does, so a whole request is one unit of work.
/// </summary>
public interface IDbSession
{
    ISqlDialect Dialect { get; }

    Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken ct);

    Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken ct);

    Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken ct);

    Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken ct);

    /// <summary>
    /// Runs <paramref name="action"/> once the request's transaction has committed, and never if it rolls back: for
    /// what may only count what happened (a metric) or forget what no longer holds (a cache), never for more writes.
    /// </summary>
    void AfterCommit(Action action);
}

public static class DbSessionLocks
{
    /// <summary>Runs the rest of the transaction alone among those serialized on <paramref name="resource"/>; 503 if that lock was not had in time.</summary>
    public static async Task SerializeOn(this IDbSession db, string resource, CancellationToken ct)
    {
        if (db.Dialect.SerializeOn(resource) is { } statement && await db.ExecuteScalarAsync<int>(statement, null, ct) < 0)
        {
            throw new Errors.DatabaseBusyException();
        }
    }
}
