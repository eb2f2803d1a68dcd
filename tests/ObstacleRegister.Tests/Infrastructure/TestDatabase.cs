using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Tests.Infrastructure;

/// <summary>
/// The database the test host talks to, switchable between tests. On SQLite every test gets a fresh copy of a
/// template migrated once at host start (a file copy, a millisecond); on SQL Server the fixture gets one new
/// database, brought back before each test to the rows it held when the host had migrated it.
/// </summary>
public sealed class TestDatabase : IOptions<DatabaseOptions>, IDisposable
{
    public const string SqlServerVariable = "OBSTACLEREGISTER_TEST_SQLSERVER";

    private readonly string folder;
    private readonly string? sqlServerMaster;
    private readonly string? sqlServerDatabase;
    private int copies;
    private SqlServerBaseline? sqlServerBaseline;

    private TestDatabase(DatabaseProvider provider, string folder, string connectionString, string? master, string? database)
    {
        this.folder = folder;
        sqlServerMaster = master;
        sqlServerDatabase = database;
        Value = Options(provider, connectionString, new DatabaseOptions().LockTimeout);
    }

    public DatabaseOptions Value { get; private set; }

    /// <summary>
    /// The hosts' database settings. The log's checkpoints and the search index's merges would open their own connections
    /// on their own timers; here a test that needs a round runs it, so none races a test's file (made read-only, or its
    /// disk filled) or its figures.
    /// </summary>
    private static DatabaseOptions Options(DatabaseProvider provider, string connectionString, TimeSpan lockTimeout) => new()
    {
        Provider = provider,
        ConnectionString = connectionString,
        LockTimeout = lockTimeout,
        CheckpointInterval = TimeSpan.FromHours(1),
        IndexMaintenanceInterval = TimeSpan.FromHours(1),
    };

    /// <summary>The write-lock bound of the hosts on this database; a fixture that tests the bound makes it short.</summary>
    public TimeSpan LockTimeout
    {
        get => Value.LockTimeout;
        set => Value = Options(Provider, Value.ConnectionString, value);
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
        using var connection = new SqlConnection(master);
        connection.Execute($"CREATE DATABASE [{database}]");
        var builder = new SqlConnectionStringBuilder(master) { InitialCatalog = database };
        var created = new TestDatabase(provider, folder, builder.ConnectionString, master, database);
        try
        {
            connection.Execute($"ALTER DATABASE [{database}] SET READ_COMMITTED_SNAPSHOT ON");
            return created;
        }
        catch
        {
            // A fixture that cannot be set up must not leave a database behind on the server.
            created.Dispose();
            throw;
        }
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
            connection.Open();
            if (sqlServerBaseline is null)
            {
                sqlServerBaseline = SqlServerBaseline.Capture(connection);
                MigratedDump = Dump();
            }

            sqlServerBaseline.Restore(connection);
            return;
        }

        var template = Path.Combine(folder, "template.db");
        if (copies == 0)
        {
            // Fold the WAL into the template file once, so a plain file copy is a complete database. The host's own
            // checkpointer may be checkpointing the same file at that moment, and then SQLite answers "busy" (a row,
            // not an error) having folded nothing: try until the whole log is in the file.
            SqliteConnection.ClearAllPools();
            using var connection = new SqliteConnection($"Data Source={template}");
            connection.Open();
            connection.Execute("PRAGMA busy_timeout = 1000");
            for (var attempt = 0; connection.QueryFirst<long>("PRAGMA wal_checkpoint(TRUNCATE)") != 0; attempt++)
            {
                if (attempt == 100)
                {
                    throw new InvalidOperationException("The template's write-ahead log could not be folded into it.");
                }
            }

            MigratedDump = Dump();
        }

        var copy = Path.Combine(folder, $"test-{++copies}.db");
        File.Copy(template, copy);
        Value = Options(Provider, $"Data Source={copy}", Value.LockTimeout);
    }

    /// <summary>Moves the current test's SQLite file into <paramref name="folder"/> (another filesystem, say) before anything opened it.</summary>
    public void MoveTestFileTo(string folder)
    {
        var moved = Path.Combine(folder, Path.GetFileName(SqliteFiles.DatabasePath(Value.ConnectionString)!));
        File.Copy(SqliteFiles.DatabasePath(Value.ConnectionString)!, moved);
        Value = Options(Provider, $"Data Source={moved}", Value.LockTimeout);
    }

    /// <summary>
    /// Makes the current test's database unwritable until the result is disposed: SQL Server's set READ_ONLY; a SQLite
    /// file made read-only (immutable for root, whom permissions do not stop); null when this machine cannot.
    /// </summary>
    public IDisposable? MakeReadOnly()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            using var master = new SqlConnection(sqlServerMaster);
            master.Execute($"ALTER DATABASE [{sqlServerDatabase}] SET READ_ONLY WITH ROLLBACK IMMEDIATE");
            return new Undo(() =>
            {
                using var again = new SqlConnection(sqlServerMaster);
                again.Execute($"ALTER DATABASE [{sqlServerDatabase}] SET READ_WRITE WITH ROLLBACK IMMEDIATE");
            });
        }

        return OperatingSystem.IsWindows() ? null : ReadOnlyFile.Make(SqliteFiles.DatabasePath(Value.ConnectionString)!);
    }

    private sealed class Undo(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    /// <summary>The dump of the database as the host migrated it, before any test wrote: what every test starts from.</summary>
    public Dictionary<string, List<string>> MigratedDump { get; private set; } = [];

    /// <summary>Every table of the current test's database, rows included, as sorted text (rowversions aside).</summary>
    public Dictionary<string, List<string>> Dump()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            using var sql = new SqlConnection(Value.ConnectionString);
            sql.Open();
            return SqlServerBaseline.Dump(sql);
        }

        using var connection = new SqliteConnection(Value.ConnectionString);
        connection.Open();
        var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").ToList();
        return tables.ToDictionary(t => t, t =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{t}\"";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(RowText(values));
            }

            rows.Sort(StringComparer.Ordinal);
            return rows;
        });
    }

    internal static string RowText(object[] values) =>
        string.Join('|', values.Select(v => v switch
        {
            DBNull => "NULL",
            byte[] bytes => Convert.ToHexString(bytes),
            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }));

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
