using System.Collections.Concurrent;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// Queues this process's SQLite writers in memory, one per database file. SQLite allows one writer at a time
/// and makes the others poll with growing sleeps (1, 2, 5 … 100 ms) while they wait on the busy timeout; a
/// FIFO wait here hands the lock over the moment it is released. Other processes on the same file still meet
/// the busy timeout, which remains the fallback. This is also where several requests' commits could be
/// grouped into one flush later.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits at most <paramref name="timeout"/> for this process's turn to write; null when it did not come.</summary>
    public static async Task<IDisposable?> TryEnterAsync(string connectionString, TimeSpan timeout, CancellationToken ct)
    {
        var gate = Gates.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(timeout, ct) ? new Release(gate) : null;
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
