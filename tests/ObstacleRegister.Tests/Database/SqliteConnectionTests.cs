using Dapper;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Tests.Infrastructure;

namespace ObstacleRegister.Tests.Database;

public sealed class SqliteConnectionTests
{
    [Test]
    public async Task EveryConnection_HasWalFullSyncForeignKeysAndBusyTimeout()
    {
        using var scratch = await SqliteScratch.Migrated();
        for (var i = 0; i < 3; i++)
        {
            await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);

            var pragmas = await connection.QuerySingleAsync<(string Journal, long Synchronous, long ForeignKeys, long BusyTimeout)>(
                "SELECT (SELECT journal_mode FROM pragma_journal_mode), (SELECT synchronous FROM pragma_synchronous), " +
                "(SELECT foreign_keys FROM pragma_foreign_keys), (SELECT timeout FROM pragma_busy_timeout)");

            Assert.That(pragmas, Is.EqualTo(("wal", 2L, 1L, 5000L)), "WAL, synchronous FULL (2), foreign keys on, 5 s busy timeout");
        }
    }

    [Test]
    public async Task Migrations_AppliedTwice_ChangeNothingTheSecondTime()
    {
        using var scratch = await SqliteScratch.Migrated();

        var appliedAgain = await scratch.Runner().ApplyAsync(Repository.Migrations(DatabaseProvider.Sqlite), CancellationToken.None);

        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);
        var recorded = await connection.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version");
        Assert.Multiple(() =>
        {
            Assert.That(appliedAgain, Is.Zero);
            Assert.That(recorded, Is.EqualTo(Repository.Migrations(DatabaseProvider.Sqlite).Select(m => m.Version)));
        });
    }

    [Test]
    public async Task FailingMigration_RollsBackWholeAndIsNotRecorded()
    {
        using var scratch = await SqliteScratch.Migrated();
        var broken = new Migration(999, "0999_broken.sql", "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);");

        Assert.CatchAsync(() => scratch.Runner().ApplyAsync([broken], CancellationToken.None));

        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);
        var tables = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'");
        var recorded = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version WHERE version = 999");
        Assert.That((tables, recorded), Is.EqualTo((0L, 0L)));
    }

    [Test]
    public void SqlServerBatches_SplitOnGoLinesOnly()
    {
        var batches = MigrationRunner.SqlServerBatches("CREATE TABLE a (go_on int)\nGO\n  go  \nSELECT 1\n");

        Assert.That(batches, Is.EqualTo(new[] { "CREATE TABLE a (go_on int)", "SELECT 1" }));
    }
}

/// <summary>The connections the running service itself opens are set up for durability and consistent reads.</summary>
public sealed class ServiceConnectionTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Test]
    public async Task ServiceConnections_AreConfiguredForTheProvider()
    {
        var connections = Factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(CancellationToken.None);

        if (Provider == DatabaseProvider.SqlServer)
        {
            var snapshot = await connection.ExecuteScalarAsync<bool>(
                "SELECT is_read_committed_snapshot_on FROM sys.databases WHERE name = DB_NAME()");
            Assert.That(snapshot, Is.True, "READ_COMMITTED_SNAPSHOT must be on");
            return;
        }

        var pragmas = await connection.QuerySingleAsync<(string Journal, long Synchronous, long ForeignKeys)>(
            "SELECT (SELECT journal_mode FROM pragma_journal_mode), (SELECT synchronous FROM pragma_synchronous), " +
            "(SELECT foreign_keys FROM pragma_foreign_keys)");
        Assert.That(pragmas, Is.EqualTo(("wal", 2L, 1L)));
    }
}
