using System.Data.Common;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>Opens connections to the register's database, already configured for use.</summary>
public interface IDbConnectionFactory
{
    DatabaseProvider Provider { get; }

    Task<DbConnection> OpenAsync(CancellationToken ct);
}
