using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ObstacleRegister.BuildingBlocks.Background;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.BuildingBlocks.Idempotency;

/// <summary>Forgets idempotency records created before <paramref name="Cutoff"/>; answers how many.</summary>
public sealed record PurgeIdempotencyRecords(DateTimeOffset Cutoff) : IRequest<int>;

internal sealed class PurgeIdempotencyRecordsHandler(IDbSession db) : IRequestHandler<PurgeIdempotencyRecords, int>
{
    private const string Purge = "DELETE FROM idempotency_record WHERE created_at < @Cutoff";

    public Task<int> Handle(PurgeIdempotencyRecords request, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Purge, new { request.Cutoff }, cancellationToken);
}

/// <summary>Forgets idempotency records once they are older than <see cref="KeptFor"/>, hourly.</summary>
internal sealed partial class IdempotencyJanitor(IServiceScopeFactory scopes, LoopSupervisor supervisor)
    : SupervisedLoop(supervisor)
{
    /// <summary>Clients may retry for at least a day; two days leaves a margin for clock skew and long outages.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(48);

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnce(CancellationToken ct)
    {
        var purged = await PurgeExpired(scopes, Clock.GetUtcNow(), ct);
        LogPurged(Logger, purged);
    }

    /// <summary>One round, through the mediator like any write, so it takes its turn in the request pipeline.</summary>
    internal static async Task<int> PurgeExpired(IServiceScopeFactory scopes, DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PurgeIdempotencyRecords(now - KeptFor), ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} expired idempotency records")]
    private static partial void LogPurged(ILogger logger, int count);
}
