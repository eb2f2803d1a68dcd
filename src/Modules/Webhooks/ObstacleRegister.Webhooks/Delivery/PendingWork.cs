using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.Changes.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;

namespace ObstacleRegister.Webhooks.Delivery;

/// <summary>Whether a round has anything to do: read first, so an idle register never takes the write lock every second.</summary>
internal sealed record FindPendingWebhookWork : IQuery<(bool NewChanges, bool DueDeliveries)>;

internal sealed class FindPendingWebhookWorkHandler(IDbSession db, IMediator mediator, TimeProvider clock)
    : IRequestHandler<FindPendingWebhookWork, (bool NewChanges, bool DueDeliveries)>
{
    private const string Position = "SELECT position FROM webhook_cursor WHERE name = 'fan_out'";

    private const string Due = """
        SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= @Now AND e.status = 'active'
        ORDER BY d.next_attempt_at
        """;

    public async Task<(bool NewChanges, bool DueDeliveries)> Handle(FindPendingWebhookWork request, CancellationToken cancellationToken)
    {
        var position = await db.ExecuteScalarAsync<long>(Position, null, cancellationToken);
        var changes = await mediator.Send(new ReadChanges(position, 1), cancellationToken);
        var due = await db.QueryAsync<Guid>(db.Dialect.Limit(Due), new { Now = clock.GetUtcNow(), Limit = 1 }, cancellationToken);
        return (changes.Count > 0, due.Count > 0);
    }
}
