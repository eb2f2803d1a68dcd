using System.Data.Common;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>Opens connections to the register's database, already configured for use.</summary>
public interface IDbConnectionFactory
{
    DatabaseProvider Provider { get; }

    /// <summary>A connection of its own, closed by disposing it: for migrations, maintenance and tools.</summary>
    Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>
    /// A connection for one request's statements. On SQLite it is one the register keeps open with the statements it
    /// has prepared, and disposing it gives it back; on SQL Server it is <see cref="OpenAsync"/>'s.
    /// </summary>
    Task<DbConnection> RentAsync(CancellationToken ct);
}
