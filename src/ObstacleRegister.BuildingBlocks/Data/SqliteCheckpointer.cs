using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// Copies the SQLite write-ahead log into the database file once a second, off the request path. Service
/// connections turn SQLite's automatic checkpoint off, which otherwise runs inside whichever commit crosses
/// 1000 pages and adds a database-file flush to that one request. A passive checkpoint never blocks writers.
/// </summary>
internal sealed partial class SqliteCheckpointer(
    IDbConnectionFactory connections, IOptions<DatabaseOptions> options, TimeProvider clock, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = await connections.OpenAsync(stoppingToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
