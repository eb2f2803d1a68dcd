using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Background;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// Keeps the SQLite write-ahead log small, off the request path. Service connections turn SQLite's automatic
/// checkpoint off (it would run inside whichever commit crosses 1000 pages). A passive checkpoint each second copies
/// what it can without blocking anyone, but it can never reset the log while writers keep appending and readers keep
/// old frames in use, so under a steady load the log grows without end. So when the log has passed
/// <see cref="TruncateAbove"/>, or no writer came since the last round, the checkpoint is taken in the writers' turn
/// (<see cref="SqliteWriteGate"/>): with no new frames, the readers of old ones finish within moments and the log is
/// copied back and truncated to nothing. See ADR 0037.
/// </summary>
internal sealed class SqliteCheckpointer(
    IDbConnectionFactory connections, IOptions<DatabaseOptions> options, LoopSupervisor supervisor)
    : SupervisedLoop(supervisor)
{
    /// <summary>A log past this is truncated even under load: a few hundred milliseconds of writers' wait, once in a while.</summary>
    internal const long TruncateAbove = 16 * 1024 * 1024;

    /// <summary>
    /// How long a truncating checkpoint waits for the readers of old frames while it holds the writers' turn: short,
    /// since writers queue behind it; a checkpoint that runs out tries again next round.
    /// </summary>
    internal static readonly TimeSpan ReaderWait = TimeSpan.FromSeconds(1);

    private long walBytesBefore = -1;

    protected override TimeSpan Interval => options.Value.CheckpointInterval;

    protected override bool IsNeeded => options.Value.Provider == DatabaseProvider.Sqlite;

    protected override async Task RunOnce(CancellationToken ct)
    {
        var connectionString = options.Value.ConnectionString;
        var walBytes = SqliteFiles.WalBytes(connectionString);
        // A log that did not grow for a round has no writer appending to it (the search index's merges commit empty
        // groups ten times a second, so counting commits would never see the register idle).
        var idle = walBytes == Interlocked.Exchange(ref walBytesBefore, walBytes);
        try
        {
            if (walBytes > TruncateAbove || (idle && walBytes > 0))
            {
                await SqliteWriteGate.For(connectionString).TryRunAloneAsync(() => Checkpoint("TRUNCATE", ct), options.Value.LockTimeout, ct);
            }
            else
            {
                await Checkpoint("PASSIVE", ct);
            }
        }
        finally
        {
            Metrics.WalMeasured(SqliteFiles.WalBytes(connectionString));
        }
    }

    private async Task Checkpoint(string mode, CancellationToken ct)
    {
        await using var connection = (SqliteConnection)await connections.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        var restoredWait = (long)options.Value.LockTimeout.TotalMilliseconds;
        // A pooled connection: the shorter wait is put back before it returns to the pool. The mode is one of two
        // constants and the waits are integers (PRAGMA takes no parameters).
        command.CommandText = $"PRAGMA busy_timeout = {(long)ReaderWait.TotalMilliseconds}; PRAGMA wal_checkpoint({mode});";
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            command.CommandText = $"PRAGMA busy_timeout = {restoredWait};";
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
