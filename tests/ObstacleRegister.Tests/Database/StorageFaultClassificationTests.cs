using Microsoft.Data.Sqlite;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;

namespace ObstacleRegister.Tests.Database;

/// <summary>
/// Which driver errors are the storage's, not the request's, by the numbers the drivers report: SQL Server's cannot be
/// provoked here (no server fills its log in a test), so they are pinned by number; lock waits stay "busy".
/// </summary>
public sealed class StorageFaultClassificationTests
{
    [TestCase(1105, StorageFault.Full, TestName = "SQL Server 1105 (filegroup full) is full")]
    [TestCase(9002, StorageFault.Full, TestName = "SQL Server 9002 (transaction log full) is full")]
    [TestCase(1101, StorageFault.Full, TestName = "SQL Server 1101 (no page could be allocated) is full")]
    [TestCase(3906, StorageFault.ReadOnly, TestName = "SQL Server 3906 (read-only database) is read-only")]
    [TestCase(823, StorageFault.IoError, TestName = "SQL Server 823 (operating system I/O error) is an I/O error")]
    [TestCase(53, StorageFault.Unreachable, TestName = "SQL Server 53 (no server at the address) is unreachable")]
    [TestCase(10054, StorageFault.Unreachable, TestName = "SQL Server 10054 (connection reset) is unreachable")]
    [TestCase(40613, StorageFault.Unreachable, TestName = "SQL Server 40613 (database unavailable) is unreachable")]
    public void SqlServerError_IsTheStoragesFault(int number, StorageFault expected) =>
        Assert.That(StorageFaults.OfSqlServer(number), Is.EqualTo(expected));

    [TestCase(1222, TestName = "SQL Server 1222 (lock timeout) is busy, not storage")]
    [TestCase(1205, TestName = "SQL Server 1205 (deadlock victim) is busy, not storage")]
    [TestCase(-2, TestName = "SQL Server -2 (command timeout) is busy, not storage")]
    [TestCase(2627, TestName = "SQL Server 2627 (duplicate key) is the request's, not storage")]
    [TestCase(547, TestName = "SQL Server 547 (constraint) is the request's, not storage")]
    public void SqlServerError_IsNotTheStoragesFault(int number) =>
        Assert.That(StorageFaults.OfSqlServer(number), Is.Null);

    [TestCase(13, StorageFault.Full, TestName = "SQLite 13 (SQLITE_FULL) is full")]
    [TestCase(8, StorageFault.ReadOnly, TestName = "SQLite 8 (SQLITE_READONLY) is read-only")]
    [TestCase(264, StorageFault.ReadOnly, TestName = "SQLite 264 (SQLITE_READONLY_RECOVERY) is read-only")]
    [TestCase(14, StorageFault.Unreachable, TestName = "SQLite 14 (SQLITE_CANTOPEN) is unreachable")]
    [TestCase(10, StorageFault.IoError, TestName = "SQLite 10 (SQLITE_IOERR) is an I/O error")]
    [TestCase(1290, StorageFault.IoError, TestName = "SQLite 1290 (SQLITE_IOERR_DIR_FSYNC) is an I/O error")]
    public void SqliteError_IsTheStoragesFault(int code, StorageFault expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(StorageFaults.OfSqlite(code), Is.EqualTo(expected));
            Assert.That(StorageFaults.Of(new InvalidOperationException("wrapped", new SqliteException("fault", code))), Is.EqualTo(expected), "found under a wrapper");
        });
    }

    [TestCase(5, TestName = "SQLite 5 (SQLITE_BUSY) is busy, not storage")]
    [TestCase(19, TestName = "SQLite 19 (SQLITE_CONSTRAINT) is the request's, not storage")]
    [TestCase(1, TestName = "SQLite 1 (SQLITE_ERROR) is the request's, not storage")]
    public void SqliteError_IsNotTheStoragesFault(int code)
    {
        Assert.Multiple(() =>
        {
            Assert.That(StorageFaults.Of(new SqliteException("not storage", code)), Is.Null);
            Assert.That(StorageFaults.Of(new DatabaseBusyException()), Is.Null);
        });
    }
}
