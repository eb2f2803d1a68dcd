using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// Queues this process's SQLite writers in memory, one queue per database file, and commits them in groups.
/// SQLite allows one writer at a time and makes the others poll with growing sleeps (1, 2, 5 … 100 ms) on the
/// busy timeout; a FIFO turn here hands the lock over the moment it is released. Writers that queue behind each
/// other share one transaction: each runs in a savepoint of it (its failure undoes only its own work), and the
/// group is committed, with one flush, when no writer is waiting or the group is full or old; every writer of
/// the group is acknowledged only after that commit. Other processes on the same file still meet the busy
/// timeout, which remains the fallback. See ADR 0033.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable",
    Justification = "One gate per database file for the life of the process; its semaphore never hands out a wait handle.")]
internal sealed class SqliteWriteGate
{
    /// <summary>Bounds a group, so the first writer of a steady stream still hears back quickly.</summary>
    internal const int MaxGroupSize = 64;

    internal static readonly TimeSpan DefaultMaxGroupAge = TimeSpan.FromMilliseconds(10);

    /// <summary>How long a group takes in writers that queue behind it; a test that needs two writers in one group on a busy machine widens it.</summary>
    internal TimeSpan MaxGroupAge { get; set; } = DefaultMaxGroupAge;

    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim turn = new(1, 1);
    private int waiting;

    // Read and written only by the holder of the turn.
    private CommitGroup? open;

    public static SqliteWriteGate For(string connectionString) => Gates.GetOrAdd(connectionString, _ => new SqliteWriteGate());

    /// <summary>
    /// Waits at most <paramref name="timeout"/> for this process's turn to write and joins the open group, or
    /// starts one (BEGIN IMMEDIATE on a connection of its own); null when the turn did not come.
    /// </summary>
    public async Task<SqliteWriter?> TryEnterAsync(
        Func<CancellationToken, Task<PreparedSqliteConnection>> connect, Action<int> flushed, TimeSpan timeout, CancellationToken ct)
    {
        if (!await WaitForTurnAsync(timeout, ct))
        {
            return null;
        }

        try
        {
            open ??= await CommitGroup.StartAsync(connect, flushed, ct);
            open.Transaction.Save(SqliteWriter.Savepoint);
            return new SqliteWriter(this, open);
        }
        catch
        {
            PassTurn();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> with nobody of this process writing: waits at most <paramref name="timeout"/> for
    /// the turn, commits the group left open for it, and hands the turn on after; false when the turn did not come.
    /// </summary>
    public async Task<bool> TryRunAloneAsync(Func<Task> action, TimeSpan timeout, CancellationToken ct)
    {
        if (!await WaitForTurnAsync(timeout, ct))
        {
            return false;
        }

        try
        {
            if (open is { } group)
            {
                open = null;
                group.Finish();
            }

            await action();
            return true;
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>
    /// Hands the turn on. The group stays open for the next writer when one is waiting and the group has room;
    /// otherwise it is committed here, by the holder of the turn, before anyone else may write.
    /// </summary>
    internal void PassTurn()
    {
        if (open is { } group && (Volatile.Read(ref waiting) == 0 || !group.HasRoomWithin(MaxGroupAge)))
        {
            open = null;
            group.Finish();
        }

        turn.Release();
    }

    /// <summary>The group's transaction is lost (SQLite rolled it back, or a savepoint could not be undone): none of it is acknowledged.</summary>
    internal void Abandon(CommitGroup group, Exception cause)
    {
        if (ReferenceEquals(open, group))
        {
            open = null;
        }

        group.Fail(cause);
    }

    /// <summary>Waits at most <paramref name="timeout"/> for the turn, counted among the waiters meanwhile (which keeps a group open for them).</summary>
    private async Task<bool> WaitForTurnAsync(TimeSpan timeout, CancellationToken ct)
    {
        Interlocked.Increment(ref waiting);
        var entered = false;
        try
        {
            entered = await turn.WaitAsync(timeout, ct);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
            if (!entered)
            {
                FinishIfAbandoned();
            }
        }

        return entered;
    }

    // A writer that gave up waiting may have been the one the last member left the group open for: with nobody
    // else holding the turn, it takes the turn only to hand it on, which commits the group if nobody waits.
    private void FinishIfAbandoned()
    {
        if (turn.Wait(0))
        {
            PassTurn();
        }
    }

    /// <summary>One transaction on one connection, shared by the writers that queued behind each other.</summary>
    internal sealed class CommitGroup
    {
        private readonly Action<int> flushed;
        private readonly long started = Stopwatch.GetTimestamp();
        private readonly TaskCompletionSource durable = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private CommitGroup(PreparedSqliteConnection connection, SqliteTransaction transaction, Action<int> flushed)
        {
            Connection = connection;
            Transaction = transaction;
            this.flushed = flushed;
        }

        public PreparedSqliteConnection Connection { get; }

        public SqliteTransaction Transaction { get; }

        /// <summary>Writers whose work is kept in the group and who wait for its commit.</summary>
        public int Members { get; private set; }

        public bool HasRoomWithin(TimeSpan maxAge) => Members < MaxGroupSize && Stopwatch.GetElapsedTime(started) < maxAge;

        public Task Durable => durable.Task;

        public static async Task<CommitGroup> StartAsync(Func<CancellationToken, Task<PreparedSqliteConnection>> connect, Action<int> flushed, CancellationToken ct)
        {
            var connection = await connect(ct);
            try
            {
                return new CommitGroup(connection, connection.Begin(deferred: false), flushed);
            }
            catch
            {
                connection.Abandon();
                await connection.DisposeAsync();
                throw;
            }
        }

        public void Joined() => Members++;

        public void Finish()
        {
            try
            {
                if (Members == 0)
                {
                    Transaction.Rollback();
                }
                else
                {
                    Transaction.Commit();
                    flushed(Members);
                }

                Close();
                durable.TrySetResult();
            }
            catch (Exception ex)
            {
                Fail(ex);
            }
        }

        public void Fail(Exception cause)
        {
            try
            {
                Transaction.Rollback();
            }
            catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
            {
                // SQLite has already rolled it back; the connection is closed next either way.
            }

            Connection.Abandon();
            Close();
            durable.TrySetException(cause);
        }

        private void Close()
        {
            Transaction.Dispose();
            Connection.Dispose();
        }
    }
}

/// <summary>One request's place in a commit group: its savepoint on the group's connection.</summary>
internal sealed class SqliteWriter(SqliteWriteGate gate, SqliteWriteGate.CommitGroup group)
{
    internal const string Savepoint = "request";

    public PreparedSqliteConnection Connection => group.Connection;

    public SqliteTransaction Transaction => group.Transaction;

    /// <summary>Keeps this request's work in the group, hands the turn on, and completes once the group is durable.</summary>
    public Task CommitAsync()
    {
        try
        {
            group.Transaction.Release(Savepoint);
        }
        catch (Exception ex)
        {
            Rollback(ex);
            throw;
        }

        group.Joined();
        var durable = group.Durable;
        gate.PassTurn();
        return durable;
    }

    /// <summary>
    /// What the other writers of a group lost with this one are told. A storage fault (SQLite rolls the whole
    /// transaction back on a full disk or an I/O error) is theirs as much as this writer's; anything else was this
    /// writer's own failure, and to the others it is a write that did not happen in time: 503, retry.
    /// </summary>
    private static Exception GroupLost(Exception? cause, Exception rollbackFailure) =>
        StorageFaults.Of(cause) is not null ? cause!
        : StorageFaults.Of(rollbackFailure) is not null ? rollbackFailure
        : new Errors.DatabaseBusyException(rollbackFailure);

    /// <summary>Undoes this request's work only; the group goes on without it.</summary>
    public void Rollback(Exception? cause = null)
    {
        try
        {
            group.Transaction.Rollback(Savepoint);
            group.Transaction.Release(Savepoint);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException)
        {
            gate.Abandon(group, GroupLost(cause, ex));
        }
        finally
        {
            gate.PassTurn();
        }
    }
}
