using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.BuildingBlocks.Idempotency;

/// <summary>Forgets idempotency records once they are older than <see cref="KeptFor"/>, hourly.</summary>
internal sealed partial class IdempotencyJanitor(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyJanitor> logger)
    : BackgroundService
{
    /// <summary>Clients may retry for at least a day; two days leaves a margin for clock skew and long outages.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(48);

    private const string Purge = "DELETE FROM idempotency_record WHERE created_at < @Cutoff";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var purged = await PurgeExpired(scopes, clock.GetUtcNow(), stoppingToken);
                LogPurged(logger, purged);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    internal static async Task<int> PurgeExpired(IServiceScopeFactory scopes, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IDbSession>();
        return await db.ExecuteAsync(Purge, new { Cutoff = now - KeptFor }, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} expired idempotency records")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not purge expired idempotency records; will retry in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
