using Microsoft.Data.Sqlite;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// What this process last learned about the storage from real writes: the fault a write met, until a write commits
/// again. Readiness cannot learn "full" by itself (a probe that rolls back needs no room), so it starts from this,
/// and proves recovery with a write that needs room of its own.
/// </summary>
public sealed class StorageHealth
{
    private const int None = -1;

    private int fault = None;

    /// <summary>The fault the last failed write met, when no write has committed since; null when none did.</summary>
    public StorageFault? Fault => Volatile.Read(ref fault) is var seen and not None ? (StorageFault)seen : null;

    /// <summary>A write (a request or a background round) failed for <paramref name="met"/>.</summary>
    public void Failed(StorageFault met) => Volatile.Write(ref fault, (int)met);

    /// <summary>A write committed: whatever was wrong with the storage no longer stops writes.</summary>
    public void Wrote()
    {
        // Read first: the common case writes nothing, so committing writers do not share a contended cache line.
        if (Volatile.Read(ref fault) != None)
        {
            Volatile.Write(ref fault, None);
        }
    }
}

/// <summary>The files beside a SQLite database that an operator watches.</summary>
public static class SqliteFiles
{
    /// <summary>The database file's path, or null for an in-memory database.</summary>
    public static string? DatabasePath(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? null : Path.GetFullPath(dataSource);
    }

    /// <summary>The size of the write-ahead log (<c>…-wal</c>) in bytes; 0 when there is none.</summary>
    public static long WalBytes(string connectionString)
    {
        if (DatabasePath(connectionString) is not { } path)
        {
            return 0;
        }

        var wal = new FileInfo(path + "-wal");
        try
        {
            return wal.Exists ? wal.Length : 0;
        }
        catch (IOException)
        {
            // Truncated or removed between the two looks: as good as empty.
            return 0;
        }
    }
}
