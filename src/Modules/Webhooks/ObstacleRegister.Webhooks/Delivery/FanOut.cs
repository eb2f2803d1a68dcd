using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.Changes.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Webhooks.Endpoints;

namespace ObstacleRegister.Webhooks.Delivery;

/// <summary>
/// Turns the next committed changes into deliveries for the active endpoints that want them, and moves the
/// cursor past them, in one transaction: a change is owed to an endpoint exactly once, even across restarts.
/// The cursor moves first, conditionally: a second instance doing the same round waits on that row, finds it
/// moved, and answers 0 having written nothing (a lost race is a quiet no-op). Answers how many changes it fanned out.
/// </summary>
internal sealed record FanOutChanges(int Limit) : IRequest<int>;

internal sealed class FanOutChangesHandler(IDbSession db, IMediator mediator, TimeProvider clock, BuildingBlocks.Http.PublicAddress address)
    : IRequestHandler<FanOutChanges, int>
{
    private const string Position = "SELECT position FROM webhook_cursor WHERE name = 'fan_out'";

    private const string Move = "UPDATE webhook_cursor SET position = @To WHERE name = 'fan_out' AND position = @From";

    private const string Active = $"SELECT {WebhookEndpointQueries.Columns} FROM webhook_endpoint WHERE status = 'active'";

    private const string Insert = """
        INSERT INTO webhook_delivery (id, endpoint_id, change_id, type, payload, status, attempts, next_attempt_at, lease_until,
                                      last_status_code, last_error, delivered_at, created_at)
        VALUES (@Id, @EndpointId, @ChangeId, @Type, @Payload, 'pending', 0, @Now, NULL, NULL, NULL, NULL, @Now)
        """;

    public async Task<int> Handle(FanOutChanges request, CancellationToken cancellationToken)
    {
        var from = await db.ExecuteScalarAsync<long>(Position, null, cancellationToken);
        var changes = await mediator.Send(new ReadChanges(from, request.Limit), cancellationToken);
        if (changes.Count == 0)
        {
            return 0;
        }

        if (await db.ExecuteAsync(Move, new { From = from, To = changes[^1].Position }, cancellationToken) == 0)
        {
            return 0;
        }

        var endpoints = await db.QueryAsync<WebhookEndpointRow>(Active, null, cancellationToken);
        var people = await mediator.Send(new Access.Contracts.GetActorNames([], [.. changes.Select(c => c.PersonId).OfType<Guid>().Distinct()]), cancellationToken);
        var now = clock.GetUtcNow();
        var source = $"{address.Configured}/api/v1/changes";
        var deliveries = changes
            .SelectMany(c => endpoints.Where(e => c.Position > e.FromPosition && e.Wants(c.Type, c.UnitId)).Select(e => new
            {
                Id = Guid.CreateVersion7(), EndpointId = e.Id, ChangeId = c.Id, c.Type, Payload = DeliveryPayloads.For(e.FormatValue, c, people.Person(c.PersonId), source), Now = now,
            }))
            .ToList();
        await db.ExecuteAsync(Insert, deliveries, cancellationToken);
        return changes.Count;
    }
}
