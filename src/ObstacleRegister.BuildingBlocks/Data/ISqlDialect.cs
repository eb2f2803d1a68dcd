namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// The few SQL fragments that differ between SQLite and SQL Server. Everything else is written once,
/// in the subset both engines speak.
/// </summary>
public interface ISqlDialect
{
    static ISqlDialect For(DatabaseProvider provider) =>
        provider == DatabaseProvider.SqlServer ? SqlServerDialect.Instance : SqliteDialect.Instance;

    DatabaseProvider Provider { get; }

    /// <summary>
    /// Completes a query that already ends with an <c>ORDER BY</c> so it returns at most
    /// <paramref name="limitParameter"/> rows.
    /// </summary>
    string Limit(string orderedQuery, string limitParameter = "@Limit");

    /// <summary>True when the exception reports a unique index or primary key violation.</summary>
    bool IsUniqueViolation(Exception exception);
}

public sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string Limit(string orderedQuery, string limitParameter = "@Limit") =>
        $"{orderedQuery.TrimEnd()}\nLIMIT {limitParameter}";

    public bool IsUniqueViolation(Exception exception) =>
        // 19 is SQLITE_CONSTRAINT; 2067 and 1555 are its UNIQUE and PRIMARYKEY extended codes.
        exception is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };
}

public sealed class SqlServerDialect : ISqlDialect
{
    public static readonly SqlServerDialect Instance = new();

    public DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public string Limit(string orderedQuery, string limitParameter = "@Limit") =>
        $"{orderedQuery.TrimEnd()}\nOFFSET 0 ROWS FETCH NEXT {limitParameter} ROWS ONLY";

    public bool IsUniqueViolation(Exception exception) =>
        // 2627 is a unique constraint violation, 2601 a unique index violation: both mean "duplicate key".
        exception is Microsoft.Data.SqlClient.SqlException sql
        && sql.Errors.Cast<Microsoft.Data.SqlClient.SqlError>().Any(e => e.Number is 2627 or 2601);
}
