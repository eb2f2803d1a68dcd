using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// What is wrong with the storage under the database, as opposed to what is wrong with a request: each is answered
/// 503 with Retry-After (nothing was written; the same request succeeds once the operator has mended the storage),
/// and readiness names it.
/// </summary>
public enum StorageFault
{
    /// <summary>No room left: a full disk, a SQLite page limit, a SQL Server filegroup or log that cannot grow.</summary>
    Full,

    /// <summary>The database may be read but not written: a read-only file or filesystem, a read-only SQL Server database.</summary>
    ReadOnly,

    /// <summary>The database cannot be opened or reached: a missing or unopenable file, a lost server.</summary>
    Unreachable,

    /// <summary>The operating system reported an I/O error reading or writing the database.</summary>
    IoError,
}

public static class StorageFaults
{
    /// <summary>The fault's name on the wire: in problems (<c>fault</c>), readiness and metrics.</summary>
    public static string WireName(this StorageFault fault) => fault switch
    {
        StorageFault.Full => "full",
        StorageFault.ReadOnly => "read-only",
        StorageFault.Unreachable => "unreachable",
        _ => "io-error",
    };

    /// <summary>The storage fault an exception (or one it wraps) reports, or null when it reports something else.</summary>
    public static StorageFault? Of(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var fault = current switch
            {
                SqliteException sqlite => OfSqlite(sqlite.SqliteErrorCode),
                SqlException sql => sql.Errors.Cast<SqlError>().Select(e => OfSqlServer(e.Number)).FirstOrDefault(f => f is not null),
                _ => null,
            };
            if (fault is not null)
            {
                return fault;
            }
        }

        return null;
    }

    /// <summary>SQLite's primary result codes (an extended code carries the primary one in its low byte).</summary>
    public static StorageFault? OfSqlite(int resultCode) => (resultCode & 0xFF) switch
    {
        13 => StorageFault.Full,            // SQLITE_FULL: the disk, or PRAGMA max_page_count
        8 => StorageFault.ReadOnly,         // SQLITE_READONLY: the file or its folder cannot be written
        14 => StorageFault.Unreachable,     // SQLITE_CANTOPEN: the file (or its WAL) cannot be opened
        10 => StorageFault.IoError,         // SQLITE_IOERR
        _ => null,
    };

    /// <summary>SQL Server's error numbers (SqlError.Number); lock timeouts and deadlocks are "busy", not storage.</summary>
    public static StorageFault? OfSqlServer(int number) => number switch
    {
        // 1101/1105: a filegroup cannot allocate or grow; 9002: the transaction log is full.
        1101 or 1105 or 9002 => StorageFault.Full,
        // 3906: the database is read-only; 3908: a read-only database cannot begin a transaction.
        3906 or 3908 => StorageFault.ReadOnly,
        // 823/824/825: the operating system reported an I/O error on a data or log file.
        823 or 824 or 825 => StorageFault.IoError,
        // Network and availability: no server at the address (53, 2, -1, 40), a connection broken in flight
        // (64, 121, 233, 10053, 10054, 10060, 10061), the database offline, restoring or failing over (4060, 942,
        // 976, 983, 40613).
        53 or 2 or -1 or 40 or 64 or 121 or 233 or 10053 or 10054 or 10060 or 10061 or 4060 or 942 or 976 or 983 or 40613
            => StorageFault.Unreachable,
        _ => null,
    };
}
