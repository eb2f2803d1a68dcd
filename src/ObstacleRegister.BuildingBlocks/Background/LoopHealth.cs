using System.Collections.Concurrent;

namespace ObstacleRegister.BuildingBlocks.Background;

/// <summary>
/// How each background loop is doing, for readiness: a loop that failed <see cref="FailingAfter"/> rounds in a row
/// makes the instance not ready, and says which loop and why, until a round succeeds again.
/// </summary>
public sealed class LoopHealth
{
    public const int FailingAfter = 3;

    private readonly ConcurrentDictionary<string, LoopState> loops = new(StringComparer.Ordinal);

    public void Started(string loop) => loops.TryAdd(loop, new LoopState(0, null, null));

    public void Succeeded(string loop, DateTimeOffset at) =>
        loops.AddOrUpdate(loop, _ => new LoopState(0, at, null), (_, _) => new LoopState(0, at, null));

    /// <summary>Counts one more failure in a row and answers how many there now are.</summary>
    public int Failed(string loop, Exception exception)
    {
        // The type only: readiness is public, and messages can carry internals. The log has the whole exception.
        var failure = exception.GetType().Name;
        return loops.AddOrUpdate(loop, _ => new LoopState(1, null, failure), (_, s) => s with { ConsecutiveFailures = s.ConsecutiveFailures + 1, LastFailure = failure })
            .ConsecutiveFailures;
    }

    public int FailuresInARow(string loop) => loops.TryGetValue(loop, out var state) ? state.ConsecutiveFailures : 0;

    public IReadOnlyDictionary<string, LoopState> Snapshot() => loops.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

    public IReadOnlyList<string> Failing() =>
        [.. loops.Where(l => l.Value.ConsecutiveFailures >= FailingAfter).Select(l => l.Key).Order(StringComparer.Ordinal)];
}

/// <param name="ConsecutiveFailures">Failed rounds since the last good one.</param>
/// <param name="LastSuccess">When a round last completed, in the register's clock.</param>
/// <param name="LastFailure">The exception type of the last failed round.</param>
public sealed record LoopState(int ConsecutiveFailures, DateTimeOffset? LastSuccess, string? LastFailure);
