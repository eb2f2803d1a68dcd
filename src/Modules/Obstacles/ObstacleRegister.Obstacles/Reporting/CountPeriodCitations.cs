using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Time;

namespace ObstacleRegister.Obstacles.Reporting;

/// <summary>Counts the kept periods' citations afresh unless they were counted in the register's zone; answers how many periods it counted, or null.</summary>
internal sealed record CountPeriodCitations : IRequest<int?>;

/// <summary>
/// One transaction: the periods from the first obstacle's to the last one's, each counted by the slow definition (the
/// obstacles reported within its bounds and not withdrawn, once per regulation), then the zone recorded. Writes keep
/// the periods from then on; a write that raced this count on SQL Server waits for its rows or adds to them.
/// </summary>
internal sealed class CountPeriodCitationsHandler(IDbSession db, RegisterCalendar calendar, TimeProvider clock) : IRequestHandler<CountPeriodCitations, int?>
{
    private const string CountedZones = "SELECT zone FROM obstacle_period_zone";

    private const string Forget = "DELETE FROM obstacle_period_citation";

    private const string ForgetZone = "DELETE FROM obstacle_period_zone";

    private const string Reported = "SELECT MIN(created_at) AS First, MAX(created_at) AS Last FROM obstacle";

    private const string CountPeriod = """
        INSERT INTO obstacle_period_citation (period, first_day, regulation_id, obstacles)
        SELECT @Period, @FirstDay, c.regulation_id, COUNT(DISTINCT o.id)
        FROM obstacle o JOIN obstacle_regulation c ON c.obstacle_id = o.id
        WHERE o.created_at >= @From AND o.created_at < @To AND o.status <> 'withdrawn'
        GROUP BY c.regulation_id
        """;

    private const string RecordZone = "INSERT INTO obstacle_period_zone (zone, counted_at) VALUES (@Zone, @CountedAt)";

    public async Task<int?> Handle(CountPeriodCitations request, CancellationToken cancellationToken)
    {
        await db.SerializeOn("PeriodCitations", cancellationToken);
        var zone = calendar.Zone.Id;
        if ((await db.QueryAsync<string>(CountedZones, null, cancellationToken)).SequenceEqual([zone]))
        {
            return null;
        }

        await db.ExecuteAsync(Forget, null, cancellationToken);
        await db.ExecuteAsync(ForgetZone, null, cancellationToken);
        var periods = 0;
        if (await db.QuerySingleOrDefaultAsync<ReportedSpan>(Reported, null, cancellationToken) is { First: { } first, Last: { } last })
        {
            foreach (var period in KeptPeriod.Spanning(first, last, calendar))
            {
                await db.ExecuteAsync(CountPeriod, new
                {
                    Period = period.Kind, period.FirstDay, From = calendar.StartOfDay(period.FirstDay), To = calendar.StartOfDay(period.EndDay),
                }, cancellationToken);
                periods++;
            }
        }

        await db.ExecuteAsync(RecordZone, new { Zone = zone, CountedAt = clock.GetUtcNow() }, cancellationToken);
        return periods;
    }

    private sealed class ReportedSpan
    {
        public DateTimeOffset? First { get; set; }

        public DateTimeOffset? Last { get; set; }
    }
}

/// <summary>
/// Counts the kept periods before the service serves, after the migrations: once on a register that never had them,
/// and again when <c>Register:TimeZone</c> names another zone. Every instance of a register must name the same zone.
/// </summary>
internal sealed partial class CountPeriodCitationsAtStart(IServiceScopeFactory scopes, ILogger<CountPeriodCitationsAtStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            if (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CountPeriodCitations(), cancellationToken) is { } periods)
            {
                LogCounted(logger, periods, watch.ElapsedMilliseconds);
            }
        }
        catch (DatabaseBusyException)
        {
            // Another instance is counting them and holds the lock: its commit names the zone, and the ranking reads
            // the periods from then on (it tests the zone itself); until then reports rank from the kept days.
            LogBusy(logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Counted the citations of {Periods} report periods in the register's zone in {Milliseconds} ms")]
    private static partial void LogCounted(ILogger logger, int periods, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The report periods' citations are being counted elsewhere; this instance serves without waiting, ranking from the kept days until they are counted")]
    private static partial void LogBusy(ILogger logger);
}
