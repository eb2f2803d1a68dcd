using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ObstacleRegister.BuildingBlocks.Changes;

namespace ObstacleRegister.Api.OpenApi;

/// <summary>
/// The register's event types as enums in the document, from the one catalogue: a change's <c>type</c> is one of
/// <c>EventType</c>, a webhook subscribes to <c>EventTypeSubscription</c> (those, <c>resource.*</c> or <c>*</c>). A type
/// added to the catalogue is in the document (and a generated client) at once.
/// </summary>
internal static class EventTypeSchemas
{
    public const string EventType = "EventType";
    public const string Subscription = "EventTypeSubscription";

    public static Task Apply(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var schemas = document.Components!.Schemas!;
        var catalogue = context.ApplicationServices.GetRequiredService<EventCatalogue>();
        schemas[EventType] = Enum("What happened, as resource.action; every type the register writes.", catalogue.Types);
        schemas[Subscription] = Enum("An event type to be told of: one type, every action of a resource (resource.*), or * for all.",
            ["*", .. catalogue.Resources.Select(r => $"{r.Resource}.*"), .. catalogue.Types]);
        Point(schemas, "ChangeDto", "type", items: null, whole: new OpenApiSchemaReference(EventType, document));
        foreach (var holder in new[] { "RegisterWebhookBody", "WebhookEndpointDto", "CreatedWebhookEndpointDto" })
        {
            Point(schemas, holder, "eventTypes", items: new OpenApiSchemaReference(Subscription, document), whole: null);
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Enum(string description, IEnumerable<string> values) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
    };

    /// <summary>Makes a property (or its items) the enum, keeping the property's own description.</summary>
    private static void Point(IDictionary<string, IOpenApiSchema> schemas, string holder, string property, IOpenApiSchema? items, IOpenApiSchema? whole)
    {
        if (!schemas.TryGetValue(holder, out var found) || found is not OpenApiSchema { Properties: { } properties }
            || !properties.TryGetValue(property, out var current) || current is not OpenApiSchema schema)
        {
            return;
        }

        if (items is not null)
        {
            schema.Items = items;
        }

        if (whole is OpenApiSchemaReference reference)
        {
            properties[property] = new OpenApiSchemaReference(reference.Reference.Id!, reference.Reference.HostDocument) { Description = schema.Description };
        }
    }
}
