using MediatR;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Telemetry;

namespace ObstacleRegister.Webhooks.Delivery;

/// <summary>A delivery taken for one attempt: where to send what, signed with which secret.</summary>
internal sealed class ClaimedDelivery
{
    public Guid Id { get; set; }

    public Guid EndpointId { get; set; }

    public string Url { get; set; } = "";

    public string Secret { get; set; } = "";

    public string Payload { get; set; } = "";

    public string Format { get; set; } = "register";

    public int Attempts { get; set; }
}

/// <summary>
/// Takes due deliveries of active endpoints for one attempt each: a lease keeps another instance (or a later
/// round) from sending the same one meanwhile, and expires if this process dies mid-attempt.
/// </summary>
internal sealed record ClaimDueDeliveries(int Limit) : IRequest<IReadOnlyList<ClaimedDelivery>>;

internal sealed class ClaimDueDeliveriesHandler(IDbSession db, TimeProvider clock, IOptions<WebhookOptions> options)
    : IRequestHandler<ClaimDueDeliveries, IReadOnlyList<ClaimedDelivery>>
{
    private const string Due = """
        SELECT d.id, d.endpoint_id, e.url, e.secret, e.format, d.payload, d.attempts
        FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= @Now AND (d.lease_until IS NULL OR d.lease_until < @Now) AND e.status = 'active'
        ORDER BY d.next_attempt_at, d.id
        """;

    private const string Lease = """
        UPDATE webhook_delivery SET lease_until = @Until
        WHERE id = @Id AND status = 'pending' AND (lease_until IS NULL OR lease_until < @Now)
        """;

    public async Task<IReadOnlyList<ClaimedDelivery>> Handle(ClaimDueDeliveries request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + (options.Value.Timeout * 3);
        var claimed = new List<ClaimedDelivery>();
        foreach (var due in await db.QueryAsync<ClaimedDelivery>(db.Dialect.Limit(Due), new { Now = now, request.Limit }, cancellationToken))
        {
            if (await db.ExecuteAsync(Lease, new { due.Id, Now = now, Until = until }, cancellationToken) == 1)
            {
                claimed.Add(due);
            }
        }

        return claimed;
    }
}

/// <summary>What one attempt came to.</summary>
/// <param name="StatusCode">The endpoint's HTTP status, when it answered.</param>
/// <param name="Error">Why it could not be reached, when it did not.</param>
internal sealed record RecordAttempt(ClaimedDelivery Delivery, int? StatusCode, string? Error, int DurationMs) : IRequest<string>;

/// <summary>
/// 2xx: delivered. 410 Gone: the endpoint is disabled and this delivery abandoned. Anything else: tried again
/// after an exponential delay with jitter, until <see cref="WebhookOptions.MaxAttempts"/>, then failed.
/// </summary>
internal sealed class RecordAttemptHandler(IDbSession db, TimeProvider clock, IOptions<WebhookOptions> options, RegisterMetrics metrics)
    : IRequestHandler<RecordAttempt, string>
{
    private const string InsertAttempt = """
        INSERT INTO webhook_attempt (id, delivery_id, at, status_code, error, duration_ms)
        VALUES (@Id, @DeliveryId, @At, @StatusCode, @Error, @DurationMs)
        """;

    private const string Settle = """
        UPDATE webhook_delivery
        SET status = @Status, attempts = attempts + 1, next_attempt_at = @NextAttemptAt, lease_until = NULL,
            last_status_code = @StatusCode, last_error = @Error, delivered_at = @DeliveredAt
        WHERE id = @Id
        """;

    private const string Disable = """
        UPDATE webhook_endpoint SET status = 'disabled', disabled_reason = @Reason, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = 'active'
        """;

    public async Task<string> Handle(RecordAttempt request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attempts = request.Delivery.Attempts + 1;
        var status = request.StatusCode switch
        {
            >= 200 and < 300 => "delivered",
            410 => "abandoned",
            _ when attempts >= options.Value.MaxAttempts => "failed",
            _ => "pending",
        };
        var error = request.Error is { Length: > 500 } text ? text[..500] : request.Error;
        await db.ExecuteAsync(InsertAttempt, new
        {
            Id = Guid.CreateVersion7(), DeliveryId = request.Delivery.Id, At = now, request.StatusCode, Error = error, request.DurationMs,
        }, cancellationToken);
        await db.ExecuteAsync(Settle, new
        {
            request.Delivery.Id, Status = status, request.StatusCode, Error = error,
            NextAttemptAt = status == "pending" ? now + RetryDelay.After(attempts, options.Value) : now,
            DeliveredAt = status == "delivered" ? now : (DateTimeOffset?)null,
        }, cancellationToken);
        db.AfterCommit(() => metrics.WebhookDelivery(status == "pending" ? "retrying" : status));
        if (status == "abandoned")
        {
            await db.ExecuteAsync(Disable, new { Id = request.Delivery.EndpointId, Reason = "The endpoint answered 410 Gone.", Now = now }, cancellationToken);
        }

        return status;
    }
}

internal static class RetryDelay
{
    public static TimeSpan After(int attempts, WebhookOptions options) =>
        BuildingBlocks.Background.Backoff.EqualJitter(attempts, options.RetryBaseDelay, options.MaxRetryDelay);
}
