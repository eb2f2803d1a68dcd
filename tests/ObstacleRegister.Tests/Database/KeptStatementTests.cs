using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Tests.Database;

/// <summary>
/// Requests' SQLite connections stay open between requests with the statements they prepared: a statement is
/// prepared once per connection and run again with new values, within the bounds set, and a connection that met a
/// storage fault or was left inside a transaction is closed rather than handed to the next request.
/// </summary>
public sealed class KeptStatementTests
{
    private SqliteScratch scratch = null!;
    private RecordedInstrument<long> statementsPrepared = null!;

    [SetUp]
    public async Task Create()
    {
        scratch = await SqliteScratch.Migrated();
        await using (var connection = await scratch.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("CREATE TABLE probe (name TEXT NOT NULL PRIMARY KEY, size INTEGER NOT NULL)");
            await connection.ExecuteAsync("INSERT INTO probe VALUES ('a', 1), ('b', 2), ('c', 3)");
        }

        statementsPrepared = new RecordedInstrument<long>("register.database.statements.prepared");
    }

    [TearDown]
    public async Task Drop()
    {
        await statementsPrepared.DisposeAsync();
        scratch.Dispose();
    }

    private long Prepared => statementsPrepared.Values.Sum();

    [Test]
    public async Task RequestsOneAfterAnother_PrepareEachStatementOnce_AndRunItWithTheirOwnValues()
    {
        using var connections = Factory();
        var sizes = new List<long>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await using var session = Session(connections);
            await session.BeginAsync(readOnly: true, CancellationToken.None);
            sizes.Add(await session.ExecuteScalarAsync<long>("SELECT size FROM probe WHERE name = @Name", new { Name = name }, CancellationToken.None));
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.Multiple(() =>
        {
            Assert.That(sizes, Is.EqualTo(new long[] { 1, 2, 3 }));
            Assert.That(Prepared, Is.EqualTo(1), "three requests, one statement prepared");
        });
    }

    [Test]
    public async Task WritersOneAfterAnother_ReuseTheCommitGroupsConnectionAndStatements()
    {
        using var connections = Factory();
        foreach (var name in new[] { "d", "e" })
        {
            await using var session = Session(connections);
            await session.BeginAsync(readOnly: false, CancellationToken.None);
            await session.ExecuteAsync("INSERT INTO probe (name, size) VALUES (@Name, 4)", new { Name = name }, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        await using var check = await scratch.Connections.OpenAsync(CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM probe WHERE size = 4"), Is.EqualTo(2));
            Assert.That(Prepared, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ListsExpandedByDapper_AreKeptWhileShort_ALongOneRunsOnAStatementOfItsOwn()
    {
        using var connections = Factory();
        await using var connection = (PreparedSqliteConnection)await connections.RentAsync(CancellationToken.None);
        const string sql = "SELECT name FROM probe WHERE name IN @Names ORDER BY name";
        var longList = Enumerable.Range(0, PreparedSqliteCommand.MaxListParametersKept + 1).Select(i => i == 0 ? "b" : $"absent {i}").ToArray();

        var two = await connection.QueryAsync<string>(sql, new { Names = new[] { "a", "c" } });
        var three = await connection.QueryAsync<string>(sql, new { Names = new[] { "a", "b", "c" } });
        var twoAgain = await connection.QueryAsync<string>(sql, new { Names = new[] { "b", "c" } });
        var preparedForShortLists = Prepared;
        var inLongList = await connection.QueryAsync<string>(sql, new { Names = longList });

        Assert.Multiple(() =>
        {
            Assert.That(two, Is.EqualTo(new[] { "a", "c" }));
            Assert.That(three, Is.EqualTo(new[] { "a", "b", "c" }));
            Assert.That(twoAgain, Is.EqualTo(new[] { "b", "c" }));
            Assert.That(inLongList, Is.EqualTo(new[] { "b" }));
            Assert.That(preparedForShortLists, Is.EqualTo(2), "one kept statement for each length");
            Assert.That(Prepared, Is.EqualTo(2), "a long list is not kept");
            Assert.That(connection.PreparedCount, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task StatementsPastTheBound_FinalizeTheLeastRecentlyUsed()
    {
        using var connections = Factory(statementsPerConnection: 2);
        await using var connection = (PreparedSqliteConnection)await connections.RentAsync(CancellationToken.None);

        foreach (var sql in new[] { "SELECT 1", "SELECT 2", "SELECT 1", "SELECT 3", "SELECT 1", "SELECT 2" })
        {
            await connection.ExecuteScalarAsync<long>(sql);
        }

        Assert.Multiple(() =>
        {
            Assert.That(connection.PreparedCount, Is.EqualTo(2));
            Assert.That(Prepared, Is.EqualTo(4), "1, 2, 3 and 2 again (dropped for 3, while 1 stayed in use)");
        });
    }

    [Test]
    public async Task IdleConnectionsPastTheBound_AreClosed_TheLastReturnedIsTakenFirst()
    {
        using var connections = Factory(keptConnections: 1);
        var first = (PreparedSqliteConnection)await connections.RentAsync(CancellationToken.None);
        var second = (PreparedSqliteConnection)await connections.RentAsync(CancellationToken.None);
        await first.DisposeAsync();
        await second.DisposeAsync();

        await using var next = await connections.RentAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(next, Is.SameAs(second), "the last returned is kept and taken first");
            Assert.That(first.State, Is.EqualTo(ConnectionState.Closed), "one idle connection is kept, the one returned before it closed");
        });
    }

    [Test]
    public async Task ConnectionLeftInATransaction_IsClosed_NotHandedOn()
    {
        using var connections = Factory();
        var left = (PreparedSqliteConnection)await connections.RentAsync(CancellationToken.None);
        left.Begin(deferred: false);
        await left.DisposeAsync();

        await using var next = await connections.RentAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(next, Is.Not.SameAs(left));
            Assert.That(left.State, Is.EqualTo(ConnectionState.Closed));
        });
    }

    [Test]
    public async Task ConnectionThatMetAFullDatabase_IsClosed_AndTheNextRequestWritesOnAFreshOne()
    {
        using var connections = Factory();
        var full = (PreparedSqliteConnection)await connections.RentAsync(CancellationToken.None);
        var pages = await full.ExecuteScalarAsync<long>("PRAGMA page_count");
        await full.ExecuteAsync($"PRAGMA max_page_count = {pages}");

        var fault = Assert.CatchAsync<SqliteException>(() =>
            full.ExecuteAsync("INSERT INTO probe (name, size) VALUES (@Name, 6)", new { Name = new string('x', 1_000_000) }));
        await full.DisposeAsync();

        await using var next = await connections.RentAsync(CancellationToken.None);
        var written = await next.ExecuteAsync("INSERT INTO probe (name, size) VALUES ('small', 5)");

        Assert.Multiple(() =>
        {
            Assert.That(StorageFaults.Of(fault), Is.EqualTo(StorageFault.Full));
            Assert.That(full.State, Is.EqualTo(ConnectionState.Closed), "a connection that met a storage fault is not kept");
            Assert.That(next, Is.Not.SameAs(full));
            Assert.That(written, Is.EqualTo(1), "the page limit was that connection's own, gone with it");
        });
    }

    private DbConnectionFactory Factory(int keptConnections = 32, int statementsPerConnection = 256)
    {
        scratch.Options.KeptConnections = keptConnections;
        scratch.Options.StatementsPerConnection = statementsPerConnection;
        return new DbConnectionFactory(Microsoft.Extensions.Options.Options.Create(scratch.Options), statementsPrepared.Metrics);
    }

    private DbSession Session(IDbConnectionFactory connections) =>
        new(connections, Microsoft.Extensions.Options.Options.Create(scratch.Options), statementsPrepared.Metrics, new StorageHealth());
}
