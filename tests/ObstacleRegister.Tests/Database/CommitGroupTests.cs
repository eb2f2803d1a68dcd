using Dapper;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Tests.Database;

/// <summary>
/// SQLite writers that queue behind each other share one transaction and one flush, each in its own savepoint.
/// The order is forced by the test (a second writer is queued before the first commits), not left to timing.
/// </summary>
public sealed class CommitGroupTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private SqliteScratch scratch = null!;
    private RecordedInstrument<int> flushedGroups = null!;

    [SetUp]
    public async Task Create()
    {
        scratch = await SqliteScratch.Migrated();
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE probe (writer TEXT NOT NULL PRIMARY KEY)");
        flushedGroups = new RecordedInstrument<int>("register.database.commit_group.size");
    }

    [TearDown]
    public async Task Drop()
    {
        await flushedGroups.DisposeAsync();
        scratch.Dispose();
    }

    [Test]
    public async Task QueuedWriters_AreAcknowledgedTogether_AfterOneCommit()
    {
        await using var first = Session();
        await using var second = Session();
        var firstCommits = await SecondJoinsFirstsGroup(first, "first", second);
        var firstWasDurableBeforeSecondFinished = firstCommits.IsCompleted;
        Assert.That(await Visible("first"), Is.False, "the group is not committed while a queued writer is in it");
        await Insert(second, "second");
        await second.CommitAsync(CancellationToken.None).WaitAsync(Bound);
        await firstCommits.WaitAsync(Bound);

        Assert.Multiple(async () =>
        {
            Assert.That(firstWasDurableBeforeSecondFinished, Is.False, "the first writer waits for the group's commit");
            Assert.That(await Visible("first") && await Visible("second"), Is.True);
            Assert.That(Flushed(), Is.EqualTo(new[] { 2 }), "one commit for both writers");
        });
    }

    [Test]
    public async Task WriterThatFails_UndoesOnlyItsOwnWork()
    {
        await using var first = Session();
        await using var second = Session();
        var firstCommits = await SecondJoinsFirstsGroup(first, "kept", second);

        await Insert(second, "undone");
        Assert.CatchAsync(() => Insert(second, "kept"), "a unique key violation fails only the second writer's statement");
        await second.RollbackAsync();
        await firstCommits.WaitAsync(Bound);

        Assert.Multiple(async () =>
        {
            Assert.That(await Visible("kept"), Is.True);
            Assert.That(await Visible("undone"), Is.False);
            Assert.That(Flushed(), Is.EqualTo(new[] { 1 }));
        });
    }

    /// <summary>
    /// SQLite rolls the whole transaction back on a full disk or an I/O error (done here by hand: "ROLLBACK" on the
    /// group's connection). The writer whose statement met it fails, and so does every other writer of the group,
    /// with the same storage fault, which each answers as 503 storage-unavailable: nothing of the group is kept.
    /// </summary>
    [Test]
    public async Task GroupLostToAStorageFault_FailsEveryWriterInIt_WithThatFault()
    {
        await using var first = Session();
        await using var second = Session();
        var firstCommits = await SecondJoinsFirstsGroup(first, "lost", second);
        await second.ExecuteAsync("ROLLBACK", null, CancellationToken.None);

        await second.RollbackAsync(new Microsoft.Data.Sqlite.SqliteException("database or disk is full", 13));

        var failure = Assert.CatchAsync(() => firstCommits.WaitAsync(Bound));
        Assert.Multiple(async () =>
        {
            Assert.That(StorageFaults.Of(failure), Is.EqualTo(StorageFault.Full));
            Assert.That(await Visible("lost"), Is.False);
        });
    }

    /// <summary>A group lost with a writer's own failure (not the storage's) is, to the others, a write that did not happen in time.</summary>
    [Test]
    public async Task GroupLostWithAnotherWritersFailure_IsBusyToTheOthers()
    {
        await using var first = Session();
        await using var second = Session();
        var firstCommits = await SecondJoinsFirstsGroup(first, "lost", second);
        await second.ExecuteAsync("ROLLBACK", null, CancellationToken.None);

        await second.RollbackAsync(new InvalidOperationException("the second writer's own mistake"));

        Assert.CatchAsync<BuildingBlocks.Errors.DatabaseBusyException>(() => firstCommits.WaitAsync(Bound));
    }

    [Test]
    public async Task WriterThatStopsWaiting_DoesNotLeaveTheGroupOpen()
    {
        await using var first = Session();
        await using var second = Session();
        await first.BeginAsync(readOnly: false, CancellationToken.None);
        await Insert(first, "first");
        using var giveUp = new CancellationTokenSource();
        var secondBegins = second.BeginAsync(readOnly: false, giveUp.Token);

        await giveUp.CancelAsync();
        Assert.CatchAsync<OperationCanceledException>(() => secondBegins.WaitAsync(Bound));
        await first.CommitAsync(CancellationToken.None).WaitAsync(Bound);

        Assert.Multiple(async () =>
        {
            Assert.That(await Visible("first"), Is.True);
            Assert.That(Flushed(), Is.EqualTo(new[] { 1 }));
        });
    }

    [Test]
    public async Task ManyConcurrentWriters_AreEachInExactlyOneCommittedGroup()
    {
        var writers = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await using var session = Session();
            await session.BeginAsync(readOnly: false, CancellationToken.None);
            await Insert(session, $"writer {i}");
            await session.CommitAsync(CancellationToken.None);
        }));

        await Task.WhenAll(writers).WaitAsync(Bound);

        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM probe"), Is.EqualTo(40));
            Assert.That(Flushed().Sum(), Is.EqualTo(40), "every writer was in exactly one committed group");
        });
    }

    /// <summary>
    /// The first writer inserts <paramref name="firstWrites"/> while the second is queued, then commits: the group
    /// stays open for the second, which has its turn when this returns. Returns the first writer's pending commit.
    /// </summary>
    private async Task<Task> SecondJoinsFirstsGroup(DbSession first, string firstWrites, DbSession second)
    {
        // The second writer joins only a group younger than the gate's window; on a busy machine 10 ms can pass
        // between the two begins, so this database's gate keeps its groups open longer.
        SqliteWriteGate.For(scratch.Options.ConnectionString).MaxGroupAge = TimeSpan.FromMinutes(1);
        await first.BeginAsync(readOnly: false, CancellationToken.None);
        await Insert(first, firstWrites);
        var secondBegins = second.BeginAsync(readOnly: false, CancellationToken.None);
        var firstCommits = first.CommitAsync(CancellationToken.None);
        await secondBegins.WaitAsync(Bound);
        return firstCommits;
    }

    private DbSession Session() =>
        new(scratch.Connections, Microsoft.Extensions.Options.Options.Create(scratch.Options), flushedGroups.Metrics, new StorageHealth());

    private static Task<int> Insert(DbSession session, string writer) =>
        session.ExecuteAsync("INSERT INTO probe (writer) VALUES (@Writer)", new { Writer = writer }, CancellationToken.None);

    private async Task<bool> Visible(string writer)
    {
        await using var connection = await scratch.Connections.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM probe WHERE writer = @Writer", new { Writer = writer }) == 1;
    }

    private int[] Flushed() => flushedGroups.Values;
}
