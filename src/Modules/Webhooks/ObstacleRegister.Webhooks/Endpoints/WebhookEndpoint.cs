using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;

namespace ObstacleRegister.Webhooks.Endpoints;

/// <summary>The form of an endpoint's deliveries.</summary>
internal enum WebhookFormat
{
    /// <summary>The register's envelope: <c>type</c>, <c>timestamp</c>, <c>data</c> (the Standard Webhooks payload).</summary>
    Register,

    /// <summary>A CloudEvents 1.0 event in structured JSON mode (<c>application/cloudevents+json</c>); one word on the wire, as in that media type.</summary>
    Cloudevents,
}

/// <summary>A registered webhook endpoint, without its secret.</summary>
/// <param name="EventTypes">The change types it receives: exact types, <c>resource.*</c>, or <c>*</c>.</param>
/// <param name="UnitId">When set, only changes that belong to this unit (its obstacles, its amendments).</param>
/// <param name="Status"><c>active</c>, or <c>disabled</c> (by an admin, or because it answered 410 Gone).</param>
/// <param name="Format">The form of its deliveries: <c>register</c> (the default) or <c>cloudevents</c>.</param>
internal sealed record WebhookEndpointDto(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, Guid? UnitId, string? Description, string Status, string? DisabledReason,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, WebhookFormat Format);

/// <summary>A new endpoint with its signing secret, shown this once.</summary>
/// <param name="Secret">The Standard Webhooks secret (<c>whsec_</c> and 32 random bytes in base64): the key of the HMAC-SHA256 in <c>webhook-signature</c>.</param>
internal sealed record CreatedWebhookEndpointDto(WebhookEndpointDto Endpoint, string Secret);

internal sealed class WebhookEndpointRow
{
    public Guid Id { get; set; }

    public string Url { get; set; } = "";

    public string EventTypes { get; set; } = "";

    public Guid? UnitId { get; set; }

    public string? Description { get; set; }

    public string Secret { get; set; } = "";

    public string Status { get; set; } = "";

    public string Format { get; set; } = "register";

    public string? DisabledReason { get; set; }

    public long FromPosition { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    public IReadOnlyList<string> EventTypeList => EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public WebhookFormat FormatValue => WireNames.Parse<WebhookFormat>(Format);

    public WebhookEndpointDto ToDto() => new(Id, Url, EventTypeList, UnitId, Description, Status, DisabledReason, CreatedAt, UpdatedAt, FormatValue);

    /// <summary>Whether a change of this type, belonging to this unit, is for this endpoint.</summary>
    public bool Wants(string type, Guid? unitId) =>
        (UnitId is null || UnitId == unitId)
        && EventTypeList.Any(t => t == "*" || t == type || (t.EndsWith(".*", StringComparison.Ordinal) && type.StartsWith(t[..^1], StringComparison.Ordinal)));

    public static string Join(IEnumerable<string> types) => "," + string.Join(',', types.Select(t => t.Trim()).Distinct(StringComparer.Ordinal)) + ",";
}

internal static class WebhookEndpointQueries
{
    public const string Columns = """
        id, url, event_types, unit_id, description, secret, status, format,
        disabled_reason, from_position, created_at, updated_at, version
        """;

    private const string ById = $"SELECT {Columns} FROM webhook_endpoint WHERE id = @Id";

    public static Task<WebhookEndpointRow?> Find(IDbSession db, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<WebhookEndpointRow>(ById, new { Id = id }, ct);

    public static async Task<WebhookEndpointRow> Get(IDbSession db, Guid id, CancellationToken ct) =>
        await Find(db, id, ct) ?? throw new NotFoundException("webhook endpoint", id);
}
