using ObstacleRegister.BuildingBlocks.Background;
using Microsoft.Extensions.Options;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// Copies the SQLite write-ahead log into the database file once a second, off the request path. Service
/// connections turn SQLite's automatic checkpoint off, which otherwise runs inside whichever commit crosses
/// 1000 pages and adds a database-file flush to that one request. A passive checkpoint never blocks writers.
/// </summary>
internal sealed class SqliteCheckpointer(
    IDbConnectionFactory connections, IOptions<DatabaseOptions> options, LoopSupervisor supervisor)
    : SupervisedLoop(supervisor)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override bool IsNeeded => options.Value.Provider == DatabaseProvider.Sqlite;

    protected override async Task RunOnce(CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await command.ExecuteNonQueryAsync(ct);
    }
}
