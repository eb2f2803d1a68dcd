namespace ObstacleRegister.BuildingBlocks.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Bound from <c>Database</c> and <c>ConnectionStrings:Register</c>.</summary>
public sealed class DatabaseOptions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/obstacle-register.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>
    /// How long a write may wait for the database's write lock (SQLite's one writer, SQL Server's row locks) before
    /// it is refused with 503 and Retry-After. Also the bound of the readiness probe's write.
    /// </summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often SQLite's write-ahead log is folded into the database (and truncated when idle or past 16 MB).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// SQLite: how many connections are kept open between requests, each with the statements it has prepared (the one
    /// used longest ago is closed past this). Requests at once beyond it still run, on connections closed after them.
    /// </summary>
    public int KeptConnections { get; set; } = 32;

    /// <summary>SQLite: how many prepared statements each kept connection holds; the least recently used is finalized past this.</summary>
    public int StatementsPerConnection { get; set; } = 256;

    /// <summary>How often the full-text indexes' segments are merged, off the request path.</summary>
    public TimeSpan IndexMaintenanceInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
