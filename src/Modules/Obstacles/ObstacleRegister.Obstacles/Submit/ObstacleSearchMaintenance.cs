using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Obstacles.Submit;

/// <summary>Merges a share of the obstacle search index's segments, as one short write.</summary>
internal sealed record MergeSearchSegments : IRequest<Unit>;

internal sealed class MergeSearchSegmentsHandler(IDbSession db) : IRequestHandler<MergeSearchSegments, Unit>
{
    public async Task<Unit> Handle(MergeSearchSegments request, CancellationToken cancellationToken)
    {
        if (db.Dialect.FullTextMaintenance("obstacle_search") is { } merge)
        {
            await db.ExecuteAsync(merge, null, cancellationToken);
        }

        return Unit.Value;
    }
}

/// <summary>
/// Keeps the obstacle search index compact once a second, off the request path: migration 0005 turns the
/// index's own merging off because it ran inside whichever intake crossed a threshold.
/// </summary>
internal sealed partial class ObstacleSearchMaintenance(
    IServiceScopeFactory scopes, IDbConnectionFactory connections, TimeProvider clock, ILogger<ObstacleSearchMaintenance> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (ISqlDialect.For(connections.Provider).FullTextMaintenance("obstacle_search") is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new MergeSearchSegments(), stoppingToken);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Merging the obstacle search index failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
