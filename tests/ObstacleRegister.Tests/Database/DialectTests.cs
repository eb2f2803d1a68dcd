using Dapper;
using Microsoft.Data.Sqlite;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Tests.Database;

/// <summary>The fragments that differ by engine: each is run on SQLite and parsed as T-SQL.</summary>
public sealed class DialectTests
{
    private static readonly string[] Terms = ["chong", "cheo"];

    [Test]
    public async Task ChangeFeedQuery_RunsOnSqliteInInsertOrderAndParsesAsTSql()
    {
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);
        foreach (var type in new[] { "obstacle.submitted", "obstacle.accepted", "amendment.opened" })
        {
            await connection.ExecuteAsync(
                "INSERT INTO change_log (id, type, resource, resource_id, unit_id, at) VALUES (@Id, @Type, 'x', @Id, NULL, '2026-03-02T02:00:00.0000000+00:00')",
                new { Id = Guid.NewGuid().ToString(), Type = type });
        }

        var afterFirst = await connection.QueryAsync<string>(
            $"SELECT type FROM ({ObstacleRegister.Changes.ListChangesHandler.Query(SqliteDialect.Instance)}) AS page", new { After = 1L, Limit = 10 });
        TSql.Parse(ObstacleRegister.Changes.ListChangesHandler.Query(SqlServerDialect.Instance), out var errors);

        Assert.Multiple(() =>
        {
            Assert.That(afterFirst, Is.EqualTo(new[] { "obstacle.accepted", "amendment.opened" }));
            Assert.That(errors, Is.Empty);
        });
    }

    [Test]
    public async Task FullTextFragments_RunOnSqliteAndParseAsTSql()
    {
        static string Newest(ISqlDialect d) =>
            $"SELECT o.id FROM obstacle o WHERE o.seq IN ({d.FullTextNewest("obstacle_search", "@Query", "@Newest")})";
        static string Condition(ISqlDialect d) =>
            $"SELECT o.id FROM obstacle_search s JOIN obstacle o ON o.seq = s.{d.FullTextKeyColumn} WHERE {d.FullTextCondition("s", "@Query")} ORDER BY s.{d.FullTextKeyColumn} DESC";
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("INSERT INTO obstacle_search (rowid, text) VALUES (7, 'quy dinh chong cheo ve cap phep')");

        var matched = await connection.QueryAsync<long>(
            $"SELECT s.rowid FROM obstacle_search s WHERE {SqliteDialect.Instance.FullTextCondition("s", "@Query")}",
            new { Query = SqliteDialect.Instance.AllTerms(Terms) });
        var newest = await connection.QueryAsync<long>(
            SqliteDialect.Instance.FullTextNewest("obstacle_search", "@Query", "@Newest"),
            new { Query = SqliteDialect.Instance.AnyPhraseGroup([["quy dinh", "dinh chong"], ["khong co"]]), Newest = 5 });
        TSql.Parse(Newest(SqlServerDialect.Instance), out var newestErrors);
        TSql.Parse(Condition(SqlServerDialect.Instance), out var conditionErrors);

        Assert.Multiple(() =>
        {
            Assert.That(matched, Is.EqualTo(new[] { 7L }), "every term, the last as a prefix");
            Assert.That(newest, Is.EqualTo(new[] { 7L }), "any group of phrases");
            Assert.That(newestErrors, Is.Empty);
            Assert.That(conditionErrors, Is.Empty);
            Assert.DoesNotThrowAsync(() => connection.ExecuteAsync("EXPLAIN " + Condition(SqliteDialect.Instance), new { Query = "x" }));
        });
    }

    [Test]
    public void FullTextQueries_UseEachEnginesSyntax()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SqliteDialect.Instance.AllTerms(Terms), Is.EqualTo("\"chong\" \"cheo\"*"));
            Assert.That(SqlServerDialect.Instance.AllTerms(Terms), Is.EqualTo("\"chong\" AND \"cheo*\""));
            Assert.That(SqliteDialect.Instance.AnyPhraseGroup([["a b", "b c"], ["d e"]]), Is.EqualTo("(\"a b\" \"b c\") OR (\"d e\")"));
            Assert.That(SqlServerDialect.Instance.AnyPhraseGroup([["a b", "b c"], ["d e"]]), Is.EqualTo("(\"a b\" AND \"b c\") OR (\"d e\")"));
        });
    }

    [Test]
    public void IdLists_AreBoundAsEachEngineStoresIds()
    {
        var id = Guid.NewGuid();

        Assert.Multiple(() =>
        {
            Assert.That(SqliteDialect.Instance.IdList([id, id]), Is.EqualTo(new[] { id.ToString("D") }));
            Assert.That(SqlServerDialect.Instance.IdList([id, id]), Is.EqualTo(new[] { id }));
        });
    }

    [Test]
    public async Task UniqueViolation_IsRecognisedOnSqlite()
    {
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("INSERT INTO obstacle_reference_counter (year, last_number) VALUES (2026, 1)");

        var error = Assert.CatchAsync(() => connection.ExecuteAsync("INSERT INTO obstacle_reference_counter (year, last_number) VALUES (2026, 2)"));
        var other = Assert.CatchAsync(() => connection.ExecuteAsync("INSERT INTO obstacle_event (id) VALUES ('x')"));

        Assert.Multiple(() =>
        {
            Assert.That(SqliteDialect.Instance.IsUniqueViolation(error!), Is.True);
            Assert.That(SqliteDialect.Instance.IsUniqueViolation(other!), Is.False, "a NOT NULL failure is not a duplicate");
            Assert.That(SqlServerDialect.Instance.IsUniqueViolation(error!), Is.False);
            Assert.That(error, Is.InstanceOf<SqliteException>());
        });
    }

    [Test]
    public async Task ObstacleSearchIndex_MergesInTheBackgroundOnly()
    {
        using var scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);
        for (var i = 1; i <= 20; i++)
        {
            await connection.ExecuteAsync("INSERT INTO obstacle_search (rowid, text) VALUES (@i, 'chong cheo ve cap phep')", new { i });
        }

        var automerge = await connection.ExecuteScalarAsync<long>("SELECT v FROM obstacle_search_config WHERE k = 'automerge'");
        await connection.ExecuteAsync(SqliteDialect.Instance.FullTextMaintenance("obstacle_search")!);
        var found = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM obstacle_search WHERE obstacle_search MATCH 'chong cheo'");

        Assert.Multiple(() =>
        {
            Assert.That(automerge, Is.Zero, "intakes never merge segments themselves");
            Assert.That(found, Is.EqualTo(20), "merging keeps every document findable");
            Assert.That(SqlServerDialect.Instance.FullTextMaintenance("obstacle_search"), Is.Null, "SQL Server keeps its own index");
        });
    }

    [Test]
    public void SerializeOn_IsAnApplicationLockOnSqlServer_AndTheWriteLockOnSqlite()
    {
        var statement = SqlServerDialect.Instance.SerializeOn("AdminKeys");
        TSql.Parse(statement!, out var errors);

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(statement, Does.Contain("sp_getapplock").And.Contain("@LockOwner = N'Transaction'"));
            Assert.That(SqliteDialect.Instance.SerializeOn("AdminKeys"), Is.Null, "BEGIN IMMEDIATE already runs every write alone");
        });
    }

    [Test]
    public void ChangeFeedReads_SeeEveryCommittedChange_NotASnapshot()
    {
        // Under SNAPSHOT a feed page could hold a change committed before the snapshot and miss an earlier position
        // committed after it, though both lie below MIN_ACTIVE_ROWVERSION: the cursor would then skip it for good.
        // The feed's own page is a committed read; the webhook fan-out reads the log (ReadChanges, a contract sent inside
        // the caller's transaction) from a command, whose transaction is never a snapshot.
        static bool Implements(Type request, Type marker) => request.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == marker);

        Assert.Multiple(() =>
        {
            Assert.That(Implements(typeof(ObstacleRegister.Changes.ListChanges), typeof(BuildingBlocks.Messaging.ICommittedReadQuery<>)), Is.True);
            Assert.That(Implements(typeof(ObstacleRegister.Webhooks.Delivery.FanOutChanges), typeof(BuildingBlocks.Messaging.IQuery<>)), Is.False);
        });
    }
}
