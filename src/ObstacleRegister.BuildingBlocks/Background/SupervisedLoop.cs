using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Telemetry;

namespace ObstacleRegister.BuildingBlocks.Background;

/// <summary>What the loops share: the clock, their health, their metrics and their loggers.</summary>
public sealed class LoopSupervisor(TimeProvider clock, LoopHealth health, RegisterMetrics metrics, StorageHealth storage, ILoggerFactory loggers)
{
    /// <summary>A failing loop never waits longer than this before it tries again.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    public TimeProvider Clock => clock;

    public LoopHealth Health => health;

    public RegisterMetrics Metrics => metrics;

    public ILogger LoggerFor(Type loop) => loggers.CreateLogger(loop);

    /// <summary>A round that met a storage fault tells readiness, as a request would.</summary>
    public void Failed(Exception exception)
    {
        if (StorageFaults.Of(exception) is { } fault)
        {
            storage.Failed(fault);
        }
    }
}

/// <summary>How one round ended.</summary>
public enum LoopRoundOutcome
{
    Ok,

    /// <summary>Another instance did the work first: a quiet no-op, not a failure.</summary>
    LostRace,

    Failed,
}

/// <summary>
/// A chore repeated on a timer, off the request path, that can never stop the host: every exception of a round is
/// logged with the loop's name, counted, and retried with capped exponential backoff and jitter; a round lost to
/// another instance is a quiet no-op. Several failed rounds in a row make readiness report the loop.
/// </summary>
public abstract partial class SupervisedLoop(LoopSupervisor supervisor) : BackgroundService
{
    /// <summary>The loop's name in logs, metrics and readiness.</summary>
    public virtual string Name => GetType().Name;

    protected abstract TimeSpan Interval { get; }

    protected TimeProvider Clock => supervisor.Clock;

    protected ILogger Logger => field ??= supervisor.LoggerFor(GetType());

    protected RegisterMetrics Metrics => supervisor.Metrics;

    /// <summary>False when the configured database does not need this chore; the service then does nothing.</summary>
    protected virtual bool IsNeeded => true;

    protected abstract Task RunOnce(CancellationToken ct);

    /// <summary>One round under supervision: what the timer runs, and what tests run explicitly.</summary>
    public async Task<LoopRoundOutcome> RunSupervisedRound(CancellationToken ct)
    {
        try
        {
            await RunOnce(ct);
            return Settle(LoopRoundOutcome.Ok);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (PreconditionFailedException)
        {
            // Another instance changed the same rows first and its transaction is the one that counts.
            LogLostRace(Logger, Name);
            return Settle(LoopRoundOutcome.LostRace);
        }
        catch (Exception ex)
        {
            var inARow = supervisor.Health.Failed(Name, ex);
            supervisor.Failed(ex);
            supervisor.Metrics.LoopRound(Name, "failed");
            supervisor.Metrics.LoopFailed(Name, ex);
            LogFailed(Logger, ex, Name, inARow, RetryDelay(inARow));
            return LoopRoundOutcome.Failed;
        }
    }

    /// <summary>The wait after <paramref name="failuresInARow"/> failures: doubling from the interval (at most 5 s to begin with), capped at <see cref="LoopSupervisor.MaxBackoff"/>.</summary>
    public TimeSpan RetryDelay(int failuresInARow)
    {
        var first = Interval < TimeSpan.FromSeconds(5) ? Interval : TimeSpan.FromSeconds(5);
        var doubled = first.TotalMilliseconds * Math.Pow(2, Math.Min(failuresInARow - 1, 20));
        return TimeSpan.FromMilliseconds(Math.Min(doubled, LoopSupervisor.MaxBackoff.TotalMilliseconds));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsNeeded)
        {
            return;
        }

        supervisor.Health.Started(Name);
        var wait = Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Jittered(wait), supervisor.Clock, stoppingToken);
                var outcome = await RunSupervisedRound(stoppingToken);
                wait = outcome == LoopRoundOutcome.Failed ? RetryDelay(supervisor.Health.FailuresInARow(Name)) : Interval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private LoopRoundOutcome Settle(LoopRoundOutcome outcome)
    {
        supervisor.Health.Succeeded(Name, supervisor.Clock.GetUtcNow());
        supervisor.Metrics.LoopRound(Name, outcome == LoopRoundOutcome.Ok ? "ok" : "lost_race");
        return outcome;
    }

    /// <summary>Spreads instances that started together, so they do not all hit the database on the same tick.</summary>
    private TimeSpan Jittered(TimeSpan wait) =>
        supervisor.Health.FailuresInARow(Name) == 0 ? wait : wait * (0.8 + (Random.Shared.NextDouble() * 0.4));

    [LoggerMessage(Level = LogLevel.Error, Message = "Background loop {Loop} failed ({Failures} in a row); it tries again in {RetryIn}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string loop, int failures, TimeSpan retryIn);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Background loop {Loop} found its work done by another instance")]
    private static partial void LogLostRace(ILogger logger, string loop);
}
