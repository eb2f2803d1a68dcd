using System.Diagnostics.Metrics;

namespace ObstacleRegister.BuildingBlocks.Telemetry;

/// <summary>
/// The register's own instruments, on one meter that the host exports (OTLP, Prometheus). Modules record the
/// business facts; the building blocks record the health of the machinery under them.
/// </summary>
public sealed class RegisterMetrics
{
    public const string MeterName = "ObstacleRegister";

    private readonly Counter<long> loopRounds;
    private readonly Counter<long> loopFailures;
    private readonly Histogram<double> writeLockWait;
    private readonly Counter<long> writeLockTimeouts;
    private readonly Histogram<int> commitGroupSize;
    private readonly Counter<long> statementsPrepared;
    private readonly Counter<long> obstaclesSubmitted;
    private readonly Counter<long> obstaclesTriaged;
    private readonly Counter<long> webhookDeliveries;
    private readonly Counter<long> emailAttempts;
    private long walBytes = -1;

    public RegisterMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        loopRounds = Meter.CreateCounter<long>("register.background.rounds", "{round}", "Rounds of the background loops, by loop and outcome (ok, lost_race, failed).");
        loopFailures = Meter.CreateCounter<long>("register.background.failures", "{round}", "Background rounds that failed, by loop and exception type.");
        writeLockWait = Meter.CreateHistogram<double>("register.database.write_lock.wait", "ms",
            "Time a SQLite write waited for its turn at the database's one writer (SQL Server writers wait for row locks inside their statements, bounded by LOCK_TIMEOUT, and are not measured here).");
        writeLockTimeouts = Meter.CreateCounter<long>("register.database.write_lock.timeouts", "{request}", "Writes refused because the write lock was not had in time.");
        commitGroupSize = Meter.CreateHistogram<int>("register.database.commit_group.size", "{request}", "Writes made durable by one SQLite commit.");
        statementsPrepared = Meter.CreateCounter<long>("register.database.statements.prepared", "{statement}",
            "SQLite statements prepared for a kept connection; once a service is warm this barely moves, and a steady rise means Database:StatementsPerConnection is below the statements in use.");
        obstaclesSubmitted = Meter.CreateCounter<long>("register.obstacles.submitted", "{obstacle}", "Obstacles reported.");
        obstaclesTriaged = Meter.CreateCounter<long>("register.obstacles.triaged", "{obstacle}", "Obstacles triaged, by outcome (accepted, rejected, duplicate).");
        webhookDeliveries = Meter.CreateCounter<long>("register.webhooks.deliveries", "{attempt}", "Webhook delivery attempts, by outcome (delivered, retrying, failed, disabled).");
        emailAttempts = Meter.CreateCounter<long>("register.emails.attempts", "{attempt}", "Email sending attempts, by outcome (sent, retrying, failed).");
        Meter.CreateObservableGauge("register.database.wal.size", ObserveWal, "By", "Size of the SQLite write-ahead log file, as last measured by the checkpointer.");
    }

    /// <summary>The meter itself, for modules that observe gauges of their own.</summary>
    public Meter Meter { get; }

    public void LoopRound(string loop, string outcome) => loopRounds.Add(1, new("loop", loop), new("outcome", outcome));

    public void LoopFailed(string loop, Exception exception) =>
        loopFailures.Add(1, new("loop", loop), new("exception", exception.GetType().Name));

    public void WriteLockWaited(TimeSpan wait) => writeLockWait.Record(wait.TotalMilliseconds);

    /// <summary>The write-ahead log's size in bytes, measured after a checkpoint round.</summary>
    public void WalMeasured(long bytes) => Interlocked.Exchange(ref walBytes, bytes);

    private IEnumerable<Measurement<long>> ObserveWal() =>
        Interlocked.Read(ref walBytes) is var bytes and >= 0 ? [new Measurement<long>(bytes)] : [];

    public void WriteLockTimedOut() => writeLockTimeouts.Add(1);

    public void CommitGroupFlushed(int writes) => commitGroupSize.Record(writes);

    public void StatementPrepared() => statementsPrepared.Add(1);

    public void ObstacleSubmitted() => obstaclesSubmitted.Add(1);

    public void ObstacleTriaged(string outcome) => obstaclesTriaged.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void WebhookDelivery(string outcome) => webhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void EmailAttempt(string outcome) => emailAttempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
