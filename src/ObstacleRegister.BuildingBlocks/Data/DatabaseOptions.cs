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
}
