using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Telemetry;

namespace ObstacleRegister.BuildingBlocks.Data;

internal sealed class DbConnectionFactory(IOptions<DatabaseOptions> options, RegisterMetrics? metrics = null) : IDbConnectionFactory, IDisposable
{
    private readonly KeptSqliteConnections kept =
        new(options.Value.KeptConnections, options.Value.StatementsPerConnection, metrics);

    // Set on every connection, not once per file: these are per-connection settings in SQLite and a pooled
    // connection must not depend on who opened it first. Automatic checkpoints are off because
    // SqliteCheckpointer runs them in the background, away from the request that would otherwise pay for them.
    // The busy timeout is the configured lock bound (an integer from configuration: PRAGMA takes no parameters).
    // Temporary b-trees stay in files (SQLite's default): in memory, the site's large groupings at a million obstacles
    // added 90 MB to the service. A statement run on every page avoids sorting without an index instead (see
    // ObstacleAmendment), since SQLite opens a temporary file for each run of one.
    internal static string SqlitePragmas(TimeSpan lockTimeout) =>
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0; "
        + $"PRAGMA journal_size_limit = {WalSizeLimit}; "
        + $"PRAGMA busy_timeout = {(long)lockTimeout.TotalMilliseconds};";

    static DbConnectionFactory() => ConfigureSqliteLibrary();

    /// <summary>
    /// Takes two process-wide locks out of SQLite's every call, before the first connection opens: every allocation
    /// counted under one global mutex (memory statistics nobody reads here) and each connection's own mutex. A
    /// connection is never used by two threads at once (a request rents it, a commit group passes it writer to writer
    /// under its turn), which is what SQLite's multi-thread mode asks. Under 32 concurrent requests these locks cost
    /// intake a third of its throughput (bench/README). Once any connection has opened, SQLite refuses the settings
    /// and keeps its defaults, which is merely slower; so a host that opened SQLite first (a test) still works.
    /// </summary>
    internal static void ConfigureSqliteLibrary()
    {
        SQLitePCL.Batteries_V2.Init();
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD);
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }

    /// <summary>What SQLite truncates the write-ahead log to when a writer starts it over after a checkpoint (bytes).</summary>
    internal const long WalSizeLimit = 4 * 1024 * 1024;

    public DatabaseProvider Provider => options.Value.Provider;

    public async Task<DbConnection> RentAsync(CancellationToken ct)
    {
        if (Provider == DatabaseProvider.SqlServer)
        {
            // SqlClient pools connections and SQL Server keeps each statement's plan by its text: nothing to keep here.
            return await OpenAsync(ct);
        }

        var key = new KeptConnectionKey(options.Value.ConnectionString, options.Value.LockTimeout);
        return kept.TakeIdle(key) ?? kept.Keep((SqliteConnection)await OpenAsync(ct), key);
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connectionString = options.Value.ConnectionString;
        if (Provider == DatabaseProvider.SqlServer)
        {
            var sqlServer = new SqlConnection(connectionString);
            await sqlServer.OpenAsync(ct);
            return sqlServer;
        }

        // Microsoft.Data.Sqlite retries a busy statement until its command timeout (30 s by default) on top of
        // SQLite's own busy wait: both are held to the lock bound, so a held lock is answered in that time.
        var sqlite = await OpenSqliteAsync(connectionString, ct);
        if (IsStaleReadOnly(sqlite))
        {
            // Opened while the file could not be written (SQLite then opens it read-only) and kept by the pool since:
            // the whole pool is from that time. Opened afresh, it is read-only only while the file still is.
            SqliteConnection.ClearPool(sqlite);
            await sqlite.DisposeAsync();
            sqlite = await OpenSqliteAsync(connectionString, ct);
        }

        await using var pragmas = sqlite.CreateCommand();
        pragmas.CommandText = SqlitePragmas(options.Value.LockTimeout);
        await pragmas.ExecuteNonQueryAsync(ct);
        return sqlite;
    }

    private async Task<SqliteConnection> OpenSqliteAsync(string connectionString, CancellationToken ct)
    {
        var sqlite = new SqliteConnection(connectionString) { DefaultTimeout = (int)Math.Ceiling(options.Value.LockTimeout.TotalSeconds) };
        await sqlite.OpenAsync(ct);
        return sqlite;
    }

    /// <summary>A connection SQLite opened read-only although the connection string asks to write.</summary>
    internal static bool IsStaleReadOnly(SqliteConnection sqlite) =>
        SQLitePCL.raw.sqlite3_db_readonly(sqlite.Handle, "main") == 1
        && new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode != SqliteOpenMode.ReadOnly;

    public void Dispose() => kept.Dispose();

    /// <summary>
    /// A relative SQLite file is the service's own (under its content root), wherever the process was started from;
    /// an absolute path, an in-memory database or another provider's connection string is left as it is.
    /// </summary>
    internal static string AnchorSqlitePath(DatabaseOptions options, string contentRoot)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return options.ConnectionString;
        }

        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            || Path.IsPathRooted(dataSource))
        {
            return options.ConnectionString;
        }

        builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, dataSource));
        return builder.ConnectionString;
    }

    /// <summary>Creates the folder of a SQLite database file so a first start needs nothing prepared.</summary>
    internal static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
