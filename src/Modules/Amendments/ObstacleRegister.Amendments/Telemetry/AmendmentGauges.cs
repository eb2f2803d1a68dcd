using MediatR;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.Amendments.List;
using ObstacleRegister.BuildingBlocks.Background;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;

namespace ObstacleRegister.Amendments.Telemetry;

/// <summary>How much work is open, overdue and stale today, from the partial index over open amendments.</summary>
internal sealed record CountOpenAmendments(DateOnly Today, DateTimeOffset StaleBefore) : IQuery<OpenAmendmentCounts>;

internal sealed class OpenAmendmentCounts
{
    public long OpenCount { get; set; }

    public long OverdueCount { get; set; }

    public long StaleCount { get; set; }
}

internal sealed class CountOpenAmendmentsHandler(IDbSession db) : IRequestHandler<CountOpenAmendments, OpenAmendmentCounts>
{
    private const string Count = $"""
        SELECT CAST(COUNT(*) AS bigint) AS OpenCount,
               CAST(COALESCE(SUM(CASE WHEN {AmendmentFilters.IsOverdue} THEN 1 ELSE 0 END), 0) AS bigint) AS OverdueCount,
               CAST(COALESCE(SUM(CASE WHEN {AmendmentFilters.IsStale} THEN 1 ELSE 0 END), 0) AS bigint) AS StaleCount
        FROM amendment WHERE is_open = 1
        """;

    public async Task<OpenAmendmentCounts> Handle(CountOpenAmendments request, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<OpenAmendmentCounts>(Count, request, cancellationToken) ?? new OpenAmendmentCounts();
}

/// <summary>
/// Gauges of open, overdue and stale amendments, recounted every minute by a supervised loop so a scrape never
/// queries the database. Until the first count they report nothing rather than a false zero.
/// </summary>
internal sealed class AmendmentGauges : SupervisedLoop
{
    private readonly IServiceScopeFactory scopes;
    private OpenAmendmentCounts? latest;

    public AmendmentGauges(IServiceScopeFactory scopes, LoopSupervisor supervisor)
        : base(supervisor)
    {
        this.scopes = scopes;
        var meter = supervisor.Metrics.Meter;
        meter.CreateObservableGauge("register.amendments.open", () => Observe(c => c.OpenCount), "{amendment}", "Amendments not yet issued nor cancelled.");
        meter.CreateObservableGauge("register.amendments.overdue", () => Observe(c => c.OverdueCount), "{amendment}", "Open amendments past their due date.");
        meter.CreateObservableGauge("register.amendments.stale", () => Observe(c => c.StaleCount), "{amendment}", "Open amendments without a check-in for more than 7 days.");
    }

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override async Task RunOnce(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var clock = scope.ServiceProvider.GetRequiredService<AmendmentClock>();
        latest = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CountOpenAmendments(clock.Today, clock.StaleBefore), ct);
    }

    private IEnumerable<System.Diagnostics.Metrics.Measurement<long>> Observe(Func<OpenAmendmentCounts, long> pick) =>
        Volatile.Read(ref latest) is { } counts ? [new(pick(counts))] : [];
}
