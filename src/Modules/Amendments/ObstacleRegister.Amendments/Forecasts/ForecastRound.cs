using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;

namespace ObstacleRegister.Amendments.Forecasts;

/// <summary>An open amendment whose stored forecast is missing, from an earlier day, or from an earlier version of it.</summary>
internal sealed class ForecastDue
{
    public Guid Id { get; set; }

    public string Kind { get; set; } = "";

    public string Status { get; set; } = "";

    public bool ShortenedProcedure { get; set; }

    public DateOnly DueOn { get; set; }

    public long Version { get; set; }

    public DateOnly StageReachedOn { get; set; }

    public AmendmentStatus Stage => WireNames.Parse<AmendmentStatus>(Status);
}

/// <summary>A stored forecast as read back.</summary>
internal sealed class ForecastRow
{
    public DateOnly? P50IssuedOn { get; set; }

    public DateOnly? P85IssuedOn { get; set; }

    public double? OnTimeProbability { get; set; }

    public int Basis { get; set; }

    public bool AtRisk { get; set; }

    public DateOnly ComputedOn { get; set; }

    public Get.AmendmentForecast ToDto() => new(P50IssuedOn, P85IssuedOn, OnTimeProbability, Basis, AtRisk, ComputedOn);
}

/// <summary>The next open amendments after <paramref name="AfterId"/> (by id) whose forecast is due.</summary>
internal sealed record FindForecastsDue(DateOnly Today, Guid AfterId, int Limit) : IQuery<IReadOnlyList<ForecastDue>>;

/// <summary>The register's history of stage pace, as the histogram kept while amendments move (a row per kind, stage and days).</summary>
internal sealed record GetStagePace : IQuery<StagePace>;

/// <summary>Replaces the stored forecasts of these amendments in one transaction.</summary>
internal sealed record StoreForecasts(DateOnly Today, IReadOnlyList<(ForecastDue Amendment, IssueForecast Forecast)> Forecasts) : IRequest<int>;

/// <summary>Drops the forecasts of work that has been issued or cancelled since: only open work is forecast.</summary>
internal sealed record DropClosedForecasts : IRequest<int>;

internal sealed class ForecastHandlers(IDbSession db)
    : IRequestHandler<FindForecastsDue, IReadOnlyList<ForecastDue>>, IRequestHandler<GetStagePace, StagePace>, IRequestHandler<StoreForecasts, int>,
      IRequestHandler<DropClosedForecasts, int>
{
    private const string Due = """
        SELECT a.id, a.kind, a.status, a.shortened_procedure, a.due_on, a.version, s.reached_on AS stage_reached_on
        FROM amendment a
        JOIN amendment_stage s ON s.amendment_id = a.id AND s.stage = a.status
        LEFT JOIN amendment_forecast f ON f.amendment_id = a.id
        WHERE a.is_open = 1 AND a.id > @AfterId AND s.reached_on IS NOT NULL
          AND (f.amendment_id IS NULL OR f.computed_on < @Today OR f.amendment_version <> a.version)
        ORDER BY a.id
        """;

    /// <summary>Every stage reached, with its day: the history of pace as the backtest replays it, week by week.</summary>
    internal const string Reached = """
        SELECT s.amendment_id, a.kind, s.stage, s.reached_on
        FROM amendment_stage s JOIN amendment a ON a.id = s.amendment_id
        WHERE s.reached_on IS NOT NULL
        """;

    private const string Delete = "DELETE FROM amendment_forecast WHERE amendment_id IN @Ids";


    private const string Insert = """
        INSERT INTO amendment_forecast (amendment_id, amendment_version, computed_on, p50_issued_on, p85_issued_on, on_time_probability, basis, at_risk)
        VALUES (@Id, @Version, @Today, @P50IssuedOn, @P85IssuedOn, @OnTimeProbability, @Basis, @AtRisk)
        """;

    private const string DropClosed = """
        DELETE FROM amendment_forecast
        WHERE amendment_id IN (SELECT f.amendment_id FROM amendment_forecast f JOIN amendment a ON a.id = f.amendment_id WHERE a.is_open = 0)
        """;

    public async Task<IReadOnlyList<ForecastDue>> Handle(FindForecastsDue request, CancellationToken cancellationToken) =>
        await db.QueryAsync<ForecastDue>(db.Dialect.Limit(Due), request, cancellationToken);

    public async Task<StagePace> Handle(GetStagePace request, CancellationToken cancellationToken) =>
        StagePace.FromHistogram(await db.QueryAsync<StagePaceCount>(StagePaceLog.Histogram, null, cancellationToken));

    public async Task<int> Handle(StoreForecasts request, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(Delete, new { Ids = db.Dialect.IdList(request.Forecasts.Select(f => f.Amendment.Id)) }, cancellationToken);
        await db.ExecuteAsync(Insert, request.Forecasts.Select(f => new
        {
            f.Amendment.Id, f.Amendment.Version, request.Today, f.Forecast.P50IssuedOn, f.Forecast.P85IssuedOn, f.Forecast.OnTimeProbability,
            f.Forecast.Basis, f.Forecast.AtRisk,
        }), cancellationToken);
        return request.Forecasts.Count;
    }

    public async Task<int> Handle(DropClosedForecasts request, CancellationToken cancellationToken) =>
        await db.ExecuteAsync(DropClosed, null, cancellationToken);
}

/// <summary>
/// Part of the notice round, before the notices: forecasts every open amendment whose forecast is missing or out of
/// date (a new day, or the amendment changed), from the history read once per round, in batches of one transaction.
/// </summary>
internal static partial class ForecastRound
{
    private const int BatchSize = 1000;

    /// <summary>One round; answers how many forecasts were stored.</summary>
    public static async Task<int> Run(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var today = scope.ServiceProvider.GetRequiredService<AmendmentClock>().Today;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        IssueForecaster? forecaster = null;
        var (stored, afterId) = (0, Guid.Empty);
        while (!ct.IsCancellationRequested)
        {
            var due = await mediator.Send(new FindForecastsDue(today, afterId, BatchSize), ct);
            if (due.Count == 0)
            {
                break;
            }

            forecaster ??= new IssueForecaster(await mediator.Send(new GetStagePace(), ct), today);
            stored += await mediator.Send(new StoreForecasts(today,
                [.. due.Select(a => (a, forecaster.Forecast(a.Kind, a.Stage, a.ShortenedProcedure, a.StageReachedOn, a.DueOn)))]), ct);
            if (due.Count < BatchSize)
            {
                break;
            }

            afterId = due[^1].Id;
        }

        await mediator.Send(new DropClosedForecasts(), ct);
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ForecastRound));
        if (stored > 0 && logger.IsEnabled(LogLevel.Information))
        {
            var milliseconds = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Forecast(logger, stored, today, milliseconds);
        }

        return stored;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} amendments forecast on {Today} in {Milliseconds} ms")]
    private static partial void Forecast(ILogger logger, int count, DateOnly today, long milliseconds);
}
