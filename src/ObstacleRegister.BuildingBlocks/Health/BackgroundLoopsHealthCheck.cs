using Microsoft.Extensions.Diagnostics.HealthChecks;
using ObstacleRegister.BuildingBlocks.Background;

namespace ObstacleRegister.BuildingBlocks.Health;

/// <summary>Not ready while a background loop has failed several rounds in a row: its work (deliveries, the in-force cascade) is not being done.</summary>
public sealed class BackgroundLoopsHealthCheck(LoopHealth loops) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = loops.Snapshot();
        var failing = loops.Failing();
        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy($"{snapshot.Count} loops running.")
            : HealthCheckResult.Unhealthy(
                $"Failing {LoopHealth.FailingAfter}+ rounds in a row: " + string.Join("; ", failing.Select(f => $"{f} ({snapshot[f].ConsecutiveFailures} × {snapshot[f].LastFailure})"))));
    }
}
