using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>
/// The database the test host talks to, switchable between tests. On SQLite every test gets a fresh copy of a
/// template migrated once at host start (a file copy, a millisecond); on SQL Server the fixture gets one new
/// database, emptied before each test down to the bootstrap admin key.
/// </summary>
public sealed class TestDatabase : IOptions<DatabaseOptions>, IDisposable
{
    public const string SqlServerVariable = "OBSTACLEREGISTER_TEST_SQLSERVER";

    private readonly string folder;
    private readonly string? sqlServerMaster;
    private readonly string? sqlServerDatabase;
    private int copies;

    private TestDatabase(DatabaseProvider provider, string folder, string connectionString, string? master, string? database)
    {
        this.folder = folder;
        sqlServerMaster = master;
        sqlServerDatabase = database;
        Value = new DatabaseOptions { Provider = provider, ConnectionString = connectionString };
    }

    public DatabaseOptions Value { get; private set; }

    /// <summary>The write-lock bound of the hosts on this database; a fixture that tests the bound makes it short.</summary>
    public TimeSpan LockTimeout
    {
        get => Value.LockTimeout;
        set => Value = new DatabaseOptions { Provider = Provider, ConnectionString = Value.ConnectionString, LockTimeout = value };
    }

    public DatabaseProvider Provider => Value.Provider;

    /// <summary>The fixture's own folder: its SQLite files, and the key ring every host on this database shares.</summary>
    public string Folder => folder;

    public static string? SqlServerConnectionString => Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } cs ? cs : null;

    public static TestDatabase Create(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "obstacle-register-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, folder, $"Data Source={Path.Combine(folder, "template.db")}", null, null);
        }

        var master = SqlServerConnectionString ?? throw new InvalidOperationException($"{SqlServerVariable} is not set.");
        var database = $"obstacle_register_test_{Guid.NewGuid():N}";
        using (var connection = new SqlConnection(master))
        {
            connection.Execute($"CREATE DATABASE [{database}]");
            connection.Execute($"ALTER DATABASE [{database}] SET READ_COMMITTED_SNAPSHOT ON");
        }

        var builder = new SqlConnectionStringBuilder(master) { InitialCatalog = database };
        return new TestDatabase(provider, folder, builder.ConnectionString, master, database);
    }

    /// <summary>
    /// Gives the next test a database of its own: on SQLite a copy of the migrated template (with the
    /// bootstrap admin key in it), on SQL Server the fixture's database emptied to the same state.
    /// </summary>
    public void StartTest()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            using var connection = new SqlConnection(Value.ConnectionString);
            connection.Execute(SqlServerReset);
            return;
        }

        var template = Path.Combine(folder, "template.db");
        if (copies == 0)
        {
            // Fold the WAL into the template file once, so a plain file copy is a complete database.
            SqliteConnection.ClearAllPools();
            using var connection = new SqliteConnection($"Data Source={template}");
            connection.Open();
            connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        var copy = Path.Combine(folder, $"test-{++copies}.db");
        File.Copy(template, copy);
        Value = new DatabaseOptions { Provider = Provider, ConnectionString = $"Data Source={copy}", LockTimeout = Value.LockTimeout };
    }

    /// <summary>
    /// Empties every table but the schema version and the bootstrap admin key with its unit, with foreign keys
    /// switched off meanwhile, so each SQL Server test starts from the same state as a copied SQLite template.
    /// </summary>
    internal const string SqlServerReset = """
        DECLARE @off nvarchar(max) = N'', @on nvarchar(max) = N'', @delete nvarchar(max) = N'';
        SELECT @off += N'ALTER TABLE ' + QUOTENAME(SCHEMA_NAME(schema_id)) + N'.' + QUOTENAME(name) + N' NOCHECK CONSTRAINT ALL; ',
               @on += N'ALTER TABLE ' + QUOTENAME(SCHEMA_NAME(schema_id)) + N'.' + QUOTENAME(name) + N' WITH CHECK CHECK CONSTRAINT ALL; ',
               @delete += CASE
                   WHEN name IN (N'schema_version', N'unit', N'api_key') THEN N''
                   ELSE N'DELETE FROM ' + QUOTENAME(SCHEMA_NAME(schema_id)) + N'.' + QUOTENAME(name) + N'; ' END
        FROM sys.tables WHERE is_ms_shipped = 0;
        EXEC sp_executesql @off;
        EXEC sp_executesql @delete;
        DELETE FROM dbo.api_key WHERE name <> N'Bootstrap admin';
        DELETE FROM dbo.unit WHERE code <> N'REGISTER';
        EXEC sp_executesql @on;
        """;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (sqlServerMaster is not null)
        {
            SqlConnection.ClearAllPools();
            using var connection = new SqlConnection(sqlServerMaster);
            connection.Execute($"ALTER DATABASE [{sqlServerDatabase}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{sqlServerDatabase}]");
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finalising connection; the temp folder is cleaned by the OS.
        }
    }
}
