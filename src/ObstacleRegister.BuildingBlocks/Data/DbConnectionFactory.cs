using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ObstacleRegister.BuildingBlocks.Data;

internal sealed class DbConnectionFactory(IOptions<DatabaseOptions> options) : IDbConnectionFactory
{
    // Set on every connection, not once per file: these are per-connection settings in SQLite and a pooled
    // connection must not depend on who opened it first. Automatic checkpoints are off because
    // SqliteCheckpointer runs them in the background, away from the request that would otherwise pay for them.
    internal const string SqlitePragmas =
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA wal_autocheckpoint = 0;";

    public DatabaseProvider Provider => options.Value.Provider;

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connectionString = options.Value.ConnectionString;
        if (Provider == DatabaseProvider.SqlServer)
        {
            var sqlServer = new SqlConnection(connectionString);
            await sqlServer.OpenAsync(ct);
            return sqlServer;
        }

        var sqlite = new SqliteConnection(connectionString);
        await sqlite.OpenAsync(ct);
        await using var pragmas = sqlite.CreateCommand();
        pragmas.CommandText = SqlitePragmas;
        await pragmas.ExecuteNonQueryAsync(ct);
        return sqlite;
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
