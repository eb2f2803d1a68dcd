using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Background;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Webhooks.Delivery;

/// <summary>Forgets settled deliveries (delivered, failed, abandoned) created before <paramref name="Cutoff"/>, with their attempts.</summary>
internal sealed record PurgeSettledDeliveries(DateTimeOffset Cutoff) : IRequest<int>;

internal sealed class PurgeSettledDeliveriesHandler(IDbSession db) : IRequestHandler<PurgeSettledDeliveries, int>
{
    private const string Attempts = """
        DELETE FROM webhook_attempt
        WHERE delivery_id IN (SELECT id FROM webhook_delivery WHERE status <> 'pending' AND created_at < @Cutoff)
        """;

    private const string Deliveries = "DELETE FROM webhook_delivery WHERE status <> 'pending' AND created_at < @Cutoff";

    public async Task<int> Handle(PurgeSettledDeliveries request, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(Attempts, request, cancellationToken);
        return await db.ExecuteAsync(Deliveries, request, cancellationToken);
    }
}

/// <summary>Hourly, keeps the delivery log to <see cref="WebhookOptions.KeepSettledFor"/>; pending deliveries are never purged.</summary>
internal sealed partial class DeliveryRetention(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, LoopSupervisor supervisor)
    : SupervisedLoop(supervisor)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnce(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var purged = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new PurgeSettledDeliveries(Clock.GetUtcNow() - options.Value.KeepSettledFor), ct);
        LogPurged(Logger, purged);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} settled webhook deliveries")]
    private static partial void LogPurged(ILogger logger, int count);
}
