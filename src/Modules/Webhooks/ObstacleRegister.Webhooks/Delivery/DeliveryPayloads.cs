using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using ObstacleRegister.Changes.Contracts;
using ObstacleRegister.Webhooks.Endpoints;

namespace ObstacleRegister.Webhooks.Delivery;

/// <summary>
/// A change as an endpoint's deliveries carry it, in the endpoint's format, written once at fan-out and sent as stored
/// on every attempt (so the signature covers the very bytes each attempt sends). The data is the same in both forms:
/// the change, the resource it names, the unit it belongs to and, when a person took the step, the person.
/// </summary>
internal static class DeliveryPayloads
{
    /// <summary>The content type of a structured CloudEvent in JSON.</summary>
    public const string CloudEventsContentType = "application/cloudevents+json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly JsonEventFormatter Formatter = new(Json, new JsonDocumentOptions());

    /// <param name="source">The CloudEvents <c>source</c>: the change feed's address, absolute when the register's public address is configured.</param>
    public static string For(WebhookFormat format, CommittedChange change, Access.Contracts.PersonRef? person, string source)
    {
        var data = new { changeId = change.Id, resource = change.Resource, resourceId = change.ResourceId, unitId = change.UnitId, person };
        if (format == WebhookFormat.Register)
        {
            // The Standard Webhooks envelope: type, timestamp, data.
            return JsonSerializer.Serialize(new { type = change.Type, timestamp = change.At, data }, Json);
        }

        // One event per change: the same id (the change's) and source on every endpoint and attempt, as CloudEvents asks.
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = change.Id.ToString(),
            Source = new Uri(source, UriKind.RelativeOrAbsolute),
            Type = change.Type,
            Time = change.At,
            Subject = $"{change.Resource}/{change.ResourceId}",
            DataContentType = "application/json",
            Data = JsonSerializer.SerializeToElement(data, Json),
        };
        return Encoding.UTF8.GetString(Formatter.EncodeStructuredModeMessage(cloudEvent, out _).Span);
    }

    /// <summary>The <c>Content-Type</c> a delivery of this format is sent with.</summary>
    public static string ContentTypeOf(WebhookFormat format) => format == WebhookFormat.Cloudevents ? CloudEventsContentType : "application/json";
}
