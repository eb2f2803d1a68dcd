using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// A database chore repeated on a timer, off the request path. A failed round is logged and the next tick
/// tries again; the first round runs one interval after start, when migrations are long done.
/// </summary>
public abstract partial class PeriodicDatabaseWork(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    /// <summary>False when the configured database does not need this chore; the service then does nothing.</summary>
    protected virtual bool IsNeeded => true;

    protected abstract Task RunOnce(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsNeeded)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnce(stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException)
            {
                LogFailed(logger, GetType().Name, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} failed; it runs again at the next tick")]
    private static partial void LogFailed(ILogger logger, string work, Exception exception);
}
