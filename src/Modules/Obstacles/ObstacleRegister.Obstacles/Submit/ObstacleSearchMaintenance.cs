using Microsoft.Extensions.Options;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ObstacleRegister.BuildingBlocks.Background;
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
/// Keeps the obstacle search index compact ten times a second, off the request path: migration 0005 turns the
/// index's own merging off because it ran inside whichever intake crossed a threshold. Every intake adds a
/// segment (FTS5 writes one at each savepoint, so commit groups do not merge them), and each query reads every
/// segment: under a stream of intakes, merging once a second let segments pile up and the duplicate hints
/// cost 12 ms of CPU per intake; ten times a second, 9 ms (bench/README). A round with nothing to merge writes nothing.
/// </summary>
internal sealed class ObstacleSearchMaintenance(
    IServiceScopeFactory scopes, IDbConnectionFactory connections, IOptions<DatabaseOptions> options, LoopSupervisor supervisor)
    : SupervisedLoop(supervisor)
{
    protected override TimeSpan Interval => options.Value.IndexMaintenanceInterval;

    protected override bool IsNeeded => ISqlDialect.For(connections.Provider).FullTextMaintenance("obstacle_search") is not null;

    protected override async Task RunOnce(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new MergeSearchSegments(), ct);
    }
}
