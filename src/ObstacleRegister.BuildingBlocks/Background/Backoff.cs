namespace ObstacleRegister.BuildingBlocks.Background;

/// <summary>How long an outbox waits before trying a message again.</summary>
public static class Backoff
{
    /// <summary>
    /// Base × 2^(attempts−1), capped, then a random share between a half and all of it ("equal jitter"), so
    /// receivers that come back after an outage are not hit by every retry in the same second.
    /// </summary>
    public static TimeSpan EqualJitter(int attempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }
}
