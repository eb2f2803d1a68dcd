using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Database;

/// <summary>A migrated SQLite file of its own, for tests that look at the schema and query plans directly.</summary>
public sealed class SqliteScratch : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"obstacle-register-scratch-{Guid.NewGuid():N}.db");

    private SqliteScratch()
    {
        Options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" };
        Connections = new DbConnectionFactory(Microsoft.Extensions.Options.Options.Create(Options));
    }

    public DatabaseOptions Options { get; }

    public IDbConnectionFactory Connections { get; }

    public static async Task<SqliteScratch> Migrated()
    {
        var scratch = new SqliteScratch();
        await scratch.Runner().ApplyAsync(Repository.Migrations(DatabaseProvider.Sqlite), CancellationToken.None);
        return scratch;
    }

    /// <summary>A file migrated up to and including <paramref name="version"/>, for tests of what a later migration does to stored rows.</summary>
    public static async Task<SqliteScratch> MigratedTo(int version)
    {
        var scratch = new SqliteScratch();
        await scratch.Runner().ApplyAsync([.. Repository.Migrations(DatabaseProvider.Sqlite).Where(m => m.Version <= version)], CancellationToken.None);
        return scratch;
    }

    public MigrationRunner Runner() => new(Connections, NullLogger<MigrationRunner>.Instance);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }
}
