using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Background;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Webhooks.Delivery;

/// <summary>
/// Started with the host: after each commit-visible change, fan it out to the endpoints that want it, then send
/// what is due. Sending happens outside any transaction (a slow endpoint never holds the database); the outcome of
/// each attempt is recorded in its own.
/// </summary>
internal sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes, IOptions<WebhookOptions> options, LoopSupervisor supervisor)
    : SupervisedLoop(supervisor)
{
    private const int FanOutBatch = 500;
    private const int SendBatch = 20;

    protected override TimeSpan Interval => options.Value.DispatchInterval;

    protected override Task RunOnce(CancellationToken ct) => RunRound(scopes, Logger, ct);

    /// <summary>One round: fan out everything new, then send due deliveries a batch at a time while batches come back full.</summary>
    internal static async Task RunRound(IServiceScopeFactory scopes, ILogger logger, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var sender = scope.ServiceProvider.GetRequiredService<WebhookSender>();
        var (newChanges, dueDeliveries) = await mediator.Send(new FindPendingWebhookWork(), ct);
        while (newChanges && await mediator.Send(new FanOutChanges(FanOutBatch), ct) == FanOutBatch)
        {
        }

        if (!newChanges && !dueDeliveries)
        {
            return;
        }

        IReadOnlyList<ClaimedDelivery> due;
        do
        {
            due = await mediator.Send(new ClaimDueDeliveries(SendBatch), ct);
            await Task.WhenAll(due.Select(async delivery =>
            {
                var (status, error, duration) = await sender.Send(delivery, ct);
                await using var attemptScope = scopes.CreateAsyncScope();
                var outcome = await attemptScope.ServiceProvider.GetRequiredService<IMediator>().Send(new RecordAttempt(delivery, status, error, duration), ct);
                if (outcome != "delivered")
                {
                    LogNotDelivered(logger, delivery.Id, delivery.Url, status, error, outcome);
                }
            }));
        }
        while (due.Count == SendBatch && !ct.IsCancellationRequested);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Id} to {Url} was not accepted (status {Status}, {Error}); now {Outcome}")]
    private static partial void LogNotDelivered(ILogger logger, Guid id, string url, int? status, string? error, string outcome);
}
