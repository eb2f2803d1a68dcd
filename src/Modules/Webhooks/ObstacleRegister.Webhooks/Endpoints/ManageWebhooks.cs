using System.Text;
using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;

namespace ObstacleRegister.Webhooks.Endpoints;

internal sealed record ListWebhooks(int Limit, string? Cursor) : IQuery<Page<WebhookEndpointDto>>;

internal sealed record WebhookCursor(DateTimeOffset CreatedAt, Guid Id);

internal sealed class ListWebhooksHandler(IDbSession db) : IRequestHandler<ListWebhooks, Page<WebhookEndpointDto>>
{
    public async Task<Page<WebhookEndpointDto>> Handle(ListWebhooks request, CancellationToken cancellationToken)
    {
        var filters = new QueryFilters();
        filters.Parameters.Add("Limit", request.Limit + 1);
        if (Cursor.Decode<WebhookCursor>(request.Cursor) is { } after) filters.CreatedAfter(after.CreatedAt, after.Id);

        var sql = filters.AppendWhere(new StringBuilder($"SELECT {WebhookEndpointQueries.Columns} FROM webhook_endpoint")).Append("\nORDER BY created_at, id");
        var rows = await db.QueryAsync<WebhookEndpointRow>(db.Dialect.Limit(sql.ToString()), filters.Parameters, cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToDto(), r => new WebhookCursor(r.CreatedAt, r.Id));
    }
}

internal sealed record GetWebhook(Guid Id) : IQuery<WebhookEndpointDto>;

internal sealed class GetWebhookHandler(IDbSession db) : IRequestHandler<GetWebhook, WebhookEndpointDto>
{
    public async Task<WebhookEndpointDto> Handle(GetWebhook request, CancellationToken cancellationToken) =>
        (await WebhookEndpointQueries.Get(db, request.Id, cancellationToken)).ToDto();
}

/// <summary>Stops or resumes deliveries to an endpoint. Deliveries owed meanwhile wait, and go out once it is active again.</summary>
internal sealed record SetWebhookStatus(Guid Id, bool Active, string Reason) : IRequest<WebhookEndpointDto>;

internal sealed class SetWebhookStatusHandler(IDbSession db, TimeProvider clock) : IRequestHandler<SetWebhookStatus, WebhookEndpointDto>
{
    private const string Update = """
        UPDATE webhook_endpoint SET status = @Status, disabled_reason = @Reason, updated_at = @Now, version = version + 1
        WHERE id = @Id
        """;

    public async Task<WebhookEndpointDto> Handle(SetWebhookStatus request, CancellationToken cancellationToken)
    {
        var changed = await db.ExecuteAsync(Update, new
        {
            request.Id, Status = request.Active ? "active" : "disabled", Reason = request.Active ? null : request.Reason, Now = clock.GetUtcNow(),
        }, cancellationToken);
        return changed == 0 ? throw new NotFoundException("webhook endpoint", request.Id) : (await WebhookEndpointQueries.Get(db, request.Id, cancellationToken)).ToDto();
    }
}

/// <summary>One delivery as the log shows it.</summary>
/// <param name="Id">Also the <c>webhook-id</c> header (<c>msg_…</c> without the prefix): the same on every attempt, for the receiver to drop repeats.</param>
/// <param name="Status"><c>pending</c> (will be tried again at nextAttemptAt), <c>delivered</c>, <c>failed</c> (gave up), <c>abandoned</c> (the endpoint answered 410).</param>
internal sealed record DeliveryDto(
    Guid Id, Guid ChangeId, string Type, string Status, int Attempts, DateTimeOffset NextAttemptAt, int? LastStatusCode, string? LastError,
    DateTimeOffset? DeliveredAt, DateTimeOffset CreatedAt, IReadOnlyList<AttemptDto>? AttemptLog);

/// <summary>One attempt: what the endpoint answered, or why it could not be reached.</summary>
internal sealed record AttemptDto(DateTimeOffset At, int? StatusCode, string? Error, int DurationMs);

internal sealed record ListDeliveries(Guid EndpointId, int Limit, string? Cursor) : IQuery<Page<DeliveryDto>>;

internal sealed record DeliveryCursor(DateTimeOffset CreatedAt, Guid Id);

internal sealed class ListDeliveriesHandler(IDbSession db) : IRequestHandler<ListDeliveries, Page<DeliveryDto>>
{
    internal const string Columns = """
        id, change_id, type, status, attempts, next_attempt_at,
        last_status_code, last_error, delivered_at, created_at
        """;

    private const string Newest = $"""
        SELECT {Columns} FROM webhook_delivery
        WHERE endpoint_id = @EndpointId /*before*/
        ORDER BY created_at DESC, id DESC
        """;

    public async Task<Page<DeliveryDto>> Handle(ListDeliveries request, CancellationToken cancellationToken)
    {
        await WebhookEndpointQueries.Get(db, request.EndpointId, cancellationToken);
        var before = Cursor.Decode<DeliveryCursor>(request.Cursor);
        var sql = QueryFilters.Optional(Newest, "/*before*/", before is null ? null : "AND (created_at < @BeforeAt OR (created_at = @BeforeAt AND id < @BeforeId))");
        var rows = await db.QueryAsync<DeliveryRow>(db.Dialect.Limit(sql), new
        {
            request.EndpointId, BeforeAt = before?.CreatedAt, BeforeId = before?.Id, Limit = request.Limit + 1,
        }, cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToDto(null), r => new DeliveryCursor(r.CreatedAt, r.Id));
    }
}

internal sealed record GetDelivery(Guid EndpointId, Guid DeliveryId) : IQuery<DeliveryDto>;

internal sealed class GetDeliveryHandler(IDbSession db) : IRequestHandler<GetDelivery, DeliveryDto>
{
    private const string One = $"SELECT {ListDeliveriesHandler.Columns} FROM webhook_delivery WHERE endpoint_id = @EndpointId AND id = @DeliveryId";

    private const string Attempts = """
        SELECT at, status_code, error, duration_ms
        FROM webhook_attempt WHERE delivery_id = @DeliveryId ORDER BY at, id
        """;

    public async Task<DeliveryDto> Handle(GetDelivery request, CancellationToken cancellationToken)
    {
        var row = await db.QuerySingleOrDefaultAsync<DeliveryRow>(One, request, cancellationToken)
            ?? throw new NotFoundException("webhook delivery", request.DeliveryId);
        var attempts = await db.QueryAsync<AttemptRow>(Attempts, new { request.DeliveryId }, cancellationToken);
        return row.ToDto([.. attempts.Select(a => new AttemptDto(a.At, a.StatusCode, a.Error, a.DurationMs))]);
    }

    private sealed class AttemptRow
    {
        public DateTimeOffset At { get; set; }

        public int? StatusCode { get; set; }

        public string? Error { get; set; }

        public int DurationMs { get; set; }
    }
}

internal sealed class DeliveryRow
{
    public Guid Id { get; set; }

    public Guid ChangeId { get; set; }

    public string Type { get; set; } = "";

    public string Status { get; set; } = "";

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DeliveryDto ToDto(IReadOnlyList<AttemptDto>? attempts) =>
        new(Id, ChangeId, Type, Status, Attempts, NextAttemptAt, LastStatusCode, LastError, DeliveredAt, CreatedAt, attempts);
}
