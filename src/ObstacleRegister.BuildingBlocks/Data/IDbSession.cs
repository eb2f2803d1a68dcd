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
}
